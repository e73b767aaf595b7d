import type { DemoContext, DemoStep } from '../../server/module.ts';
import type { Account } from './account.ts';
import { createAccount } from './create-account.ts';
import { createOperator } from './create-operator.ts';
import { findAccountByEmail } from './find-account.ts';

export const DEMO_PASSWORD = 'workroom-demo-2026';

export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
}

/** What the accounts demo step leaves in `demo.state` under 'accounts.users'. */
export interface DemoUsers {
  operator: DemoUser;
  clients: DemoUser[];
  freelancers: DemoUser[];
}

const domain = 'demo.workroom.local';
const operator = { email: `ops@${domain}`, displayName: 'Ops Team' };
const clients = [
  { email: `hannah.becker@${domain}`, displayName: 'Hannah Becker' },
  { email: `marcus.oyelaran@${domain}`, displayName: 'Marcus Oyelaran' },
  { email: `sofia.lindqvist@${domain}`, displayName: 'Sofia Lindqvist' },
];
const freelancers = [
  { email: `priya.raman@${domain}`, displayName: 'Priya Raman' },
  { email: `tomas.novak@${domain}`, displayName: 'Tomáš Novák' },
  { email: `amara.okafor@${domain}`, displayName: 'Amara Okafor' },
  { email: `lucas.ferreira@${domain}`, displayName: 'Lucas Ferreira' },
  { email: `mei.tanaka@${domain}`, displayName: 'Mei Tanaka' },
  { email: `jonas.weber@${domain}`, displayName: 'Jonas Weber' },
  { email: `elena.petrova@${domain}`, displayName: 'Elena Petrova' },
  { email: `diego.alvarez@${domain}`, displayName: 'Diego Álvarez' },
];

const toDemoUser = (account: Account): DemoUser => ({
  id: account.id,
  email: account.email,
  displayName: account.displayName,
});

/** Reuses the account when a previous demo run made it, so `workroom demo` can run twice. */
async function ensure(demo: DemoContext, who: { email: string; displayName: string }, create: () => Promise<Account>) {
  const existing = await findAccountByEmail(demo.services.db, who.email);
  const account = existing ?? (await create());
  demo.progress(`account ${account.email}`);
  return toDemoUser(account);
}

export const accountsDemo: DemoStep = {
  name: 'accounts',
  order: 0,
  units: 1 + clients.length + freelancers.length,
  async run(demo) {
    const { services } = demo;
    const password = DEMO_PASSWORD;
    const made: DemoUsers = {
      operator: await ensure(demo, operator, () => createOperator(services, { ...operator, password })),
      clients: [],
      freelancers: [],
    };
    for (const client of clients) {
      made.clients.push(
        await ensure(demo, client, () => createAccount(services, { ...client, password, role: 'client' })),
      );
    }
    for (const freelancer of freelancers) {
      made.freelancers.push(
        await ensure(demo, freelancer, () => createAccount(services, { ...freelancer, password, role: 'freelancer' })),
      );
    }
    demo.state.set('accounts.users', made);
    demo.logins.push({ role: 'operator', email: made.operator.email, password });
    for (const user of made.clients) demo.logins.push({ role: 'client', email: user.email, password });
    for (const user of made.freelancers) demo.logins.push({ role: 'freelancer', email: user.email, password });
  },
};
