import { runDemo } from '../run-demo.ts';
import { openRuntime } from '../runtime.ts';

export async function demoCommand(): Promise<number> {
  const runtime = await openRuntime({ logLevel: 'warn' });
  try {
    const logins = await runDemo(runtime.services);
    console.log('\nThe demo marketplace is ready. Sign in with:\n');
    const width = Math.max(...logins.map((login) => login.email.length), 5);
    console.log(`  ${'role'.padEnd(11)} ${'email'.padEnd(width)}  password`);
    for (const login of logins)
      console.log(`  ${login.role.padEnd(11)} ${login.email.padEnd(width)}  ${login.password}`);
    console.log(`\nOpen ${runtime.config.publicUrl} (start it with \`npm start\`).`);
    return 0;
  } finally {
    await runtime.close();
  }
}
