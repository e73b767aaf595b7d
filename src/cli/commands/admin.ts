import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createOperator } from '../../modules/accounts/create-operator.ts';
import { AppError } from '../../platform/errors.ts';
import { openRuntime } from '../runtime.ts';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.WORKROOM_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    return (await prompt.question('Password for the operator (12+ characters): ')).trim();
  } finally {
    prompt.close();
  }
}

/** `workroom admin create --email ... --name ...`: operators exist only through this command. */
export async function adminCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    console.error('Usage: workroom admin create --email EMAIL --name NAME [--password PASSWORD]');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !values.name) {
    console.error('Both --email and --name are required.');
    return 2;
  }
  const password = values.password ?? (await readPassword());
  const runtime = await openRuntime({ logLevel: 'warn' });
  try {
    const operator = await createOperator(runtime.services, {
      email: values.email,
      password,
      displayName: values.name,
    });
    console.log(`Operator ${operator.email} created. Sign in at ${runtime.config.publicUrl}/login`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.fields.map((issue) => `\n  ${issue.field}: ${issue.message}`).join('');
      console.error(`Could not create the operator: ${error.userMessage}${fields}`);
      return 1;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}
