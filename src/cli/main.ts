import { ConfigError } from '../platform/config.ts';

const usage = `Usage: workroom <command>

Commands:
  serve                 Run the web app, API and background tasks (what \`npm start\` runs)
  migrate               Apply pending database migrations
  demo                  Fill the database with a demo marketplace and print demo logins
  verify                Run every consistency check; exits 1 on any violation
  admin create          Create an operator account (--email, --name, --password or WORKROOM_ADMIN_PASSWORD)
  clock show            Show the server clock (demo and test installations)
  clock advance <dur>   Move the clock forward, e.g. 14d, 3h (needs CLOCK_CONTROL=true on the server)
  record verify FILE    Check an exported contract record (JSON) offline; names the first altered entry

Configuration comes from environment variables: see README.md.`;

type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `record verify` runs offline and should not load the server and every module.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
  admin: async () => (await import('./commands/admin.ts')).adminCommand,
  clock: async () => (await import('./commands/clock.ts')).clockCommand,
  record: async () => (await import('./commands/record.ts')).recordCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  return (await load())(args);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
