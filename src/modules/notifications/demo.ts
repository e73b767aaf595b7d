import { and, eq } from 'drizzle-orm';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import type { Services } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { type NotificationToCreate, notify } from './notify.ts';
import { notifications } from './tables.ts';

type Welcome = Omit<NotificationToCreate, 'userId'>;

const welcome = (user: DemoUser): Welcome => ({
  kind: 'welcome',
  title: `Welcome to Workroom, ${user.displayName.split(' ')[0]}`,
  body: 'This bell shows what needs your attention: proposals, messages, payments and reviews.',
  link: '/dashboard',
});
const safetyTip: Welcome = {
  kind: 'security.tip',
  title: 'Keep your account safe',
  body: 'Review your active sessions and API tokens in settings.',
  link: '/settings',
};
const byRole: Record<'operator' | 'client' | 'freelancer', Welcome> = {
  operator: {
    kind: 'operator.outbox',
    title: 'Emails wait in the outbox until SMTP is set',
    body: 'Without SMTP_URL, emails are held and listed for operators at /api/operator/outbox.',
  },
  client: {
    kind: 'profile.incomplete',
    title: 'Tell freelancers about your company',
    body: 'A description and a location help freelancers decide to send a proposal.',
    link: '/profile/edit',
  },
  freelancer: {
    kind: 'profile.incomplete',
    title: 'Complete your profile',
    body: 'Clients hire freelancers whose profiles show skills, a rate and past work.',
    link: '/profile/edit',
  },
};

async function alreadyWelcomed(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'welcome')))
    .limit(1);
  return Boolean(row);
}

async function welcomeUser(services: Services, user: DemoUser, role: keyof typeof byRole): Promise<void> {
  await inTransaction(services.db, async (tx) => {
    // `workroom demo` may run twice; welcome each person once.
    if (await alreadyWelcomed(tx, user.id)) return;
    for (const item of [welcome(user), byRole[role], safetyTip]) {
      await notify(tx, services.clock, { userId: user.id, ...item });
    }
  });
}

export const notificationsDemo: DemoStep = {
  name: 'notifications',
  order: 50,
  units: 1,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    if (users) {
      await welcomeUser(demo.services, users.operator, 'operator');
      for (const user of users.clients) await welcomeUser(demo.services, user, 'client');
      for (const user of users.freelancers) await welcomeUser(demo.services, user, 'freelancer');
    }
    demo.progress(users ? 'welcome notifications' : 'welcome notifications skipped: no demo users');
  },
};
