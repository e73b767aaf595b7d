import type { Services } from '../../server/context.ts';
import type { Account } from './account.ts';
import { insertUser } from './create-account.ts';

/** Creates an operator (platform staff). Only the CLI (`workroom admin create`) and the demo call this. */
export async function createOperator(
  services: Services,
  input: { email: string; password: string; displayName: string },
): Promise<Account> {
  return insertUser(services, { ...input, roles: ['operator'] });
}
