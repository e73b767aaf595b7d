import { count, eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, makeCtx, type Services } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { directContextId, openThread } from './open-thread.ts';
import { postMessage } from './post-message.ts';
import { messages } from './tables.ts';

type Line = ['client' | 'freelancer', string];

interface DemoConversation {
  client: number;
  freelancer: number;
  subject: string;
  lines: Line[];
}

const conversations: DemoConversation[] = [
  {
    client: 0,
    freelancer: 0,
    subject: 'Checkout redesign: a quick question',
    lines: [
      [
        'client',
        'Hi Priya, thanks for connecting. Before we go further: have you worked with Stripe Checkout embedded in a React app?',
      ],
      [
        'freelancer',
        'Hi Hannah! Yes, twice in the last year: one subscription shop and one marketplace with Connect. Happy to share what went wrong and how we fixed it.',
      ],
      [
        'client',
        'Great. Our main pain is the drop-off on the shipping step. Could you look at it this week and tell me what you would change first?',
      ],
      ['freelancer', 'Sure. I will send a short list with screenshots by Thursday, ordered by expected impact.'],
    ],
  },
  {
    client: 1,
    freelancer: 1,
    subject: 'Data pipeline follow-up',
    lines: [
      [
        'freelancer',
        'Hello Marcus, following up on our call: the nightly import can run incrementally, which should cut it from 3 hours to about 20 minutes.',
      ],
      ['client', 'That would be a big win. What do you need from us to start?'],
      [
        'freelancer',
        'Read access to the staging database and one sample of the supplier CSV files. Nothing else for now.',
      ],
    ],
  },
  {
    client: 2,
    freelancer: 2,
    subject: 'Brand illustrations',
    lines: [
      [
        'client',
        'Hi Amara, I loved the botanical series in your portfolio. Would a set of 12 spot illustrations in that style fit your schedule next month?',
      ],
      [
        'freelancer',
        'Thank you, Sofia! Next month works. Do you already have a colour palette, or should I propose one?',
      ],
    ],
  },
];

function actorOf(user: DemoUser, role: 'client' | 'freelancer'): Actor {
  return { userId: user.id, email: user.email, roles: [role], sessionId: null, apiTokenId: null };
}

async function runConversation(services: Services, users: DemoUsers, conversation: DemoConversation) {
  const client = users.clients[conversation.client];
  const freelancer = users.freelancers[conversation.freelancer];
  if (!client || !freelancer) return;
  const thread = await inTransaction(services.db, (tx) =>
    openThread(tx, services.clock, {
      contextKind: 'direct',
      contextId: directContextId(client.id, freelancer.id),
      participants: [
        { userId: client.id, role: 'client' },
        { userId: freelancer.id, role: 'freelancer' },
      ],
      subject: conversation.subject,
      openedBy: client.id,
    }),
  );
  // `workroom demo` may run twice: a thread that already has its conversation is left as it is.
  const [existing] = await services.db
    .select({ messages: count() })
    .from(messages)
    .where(eq(messages.threadId, thread.id));
  if ((existing?.messages ?? 0) > 0) return;
  for (const [who, text] of conversation.lines) {
    const actor = who === 'client' ? actorOf(client, 'client') : actorOf(freelancer, 'freelancer');
    await postMessage(makeCtx(services, actor, 'demo'), { threadId: thread.id, text });
  }
}

export const messagesDemo: DemoStep = {
  name: 'messages',
  order: 150,
  units: conversations.length,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    for (const conversation of conversations) {
      if (users) await runConversation(demo.services, users, conversation);
      demo.progress(users ? `conversation "${conversation.subject}"` : 'conversations skipped: no demo users');
    }
  },
};
