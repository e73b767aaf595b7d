import { and, eq, isNull } from 'drizzle-orm';
import { newId } from '../../platform/ids.ts';
import { makeCtx } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUsers } from '../accounts/demo.ts';
import { addBillingMethod } from './add-billing-method.ts';
import { addFunds } from './add-funds.ts';
import { SANDBOX_CARDS } from './sandbox-gateway.ts';
import { billingMethods } from './tables.ts';

/** What each demo client pays in, in cents ($2,500, $4,000, $1,200...). */
const demoFunds = [250_000, 400_000, 120_000];

/**
 * Each demo client gets a verified Visa card and some funds added through it. Safe to run again:
 * the card is added once, and the charge's idempotency key is fixed per client.
 */
export const paymentsDemo: DemoStep = {
  name: 'payments',
  order: 40,
  units: 3,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    if (!users) return;
    const now = demo.services.clock.now();
    for (const [index, client] of users.clients.entries()) {
      const ctx = makeCtx(
        demo.services,
        { userId: client.id, email: client.email, roles: ['client'], sessionId: null, apiTokenId: null },
        `demo-${newId()}`,
      );
      const [card] = await ctx.db
        .select({ id: billingMethods.id })
        .from(billingMethods)
        .where(
          and(
            eq(billingMethods.clientId, client.id),
            eq(billingMethods.type, 'card'),
            isNull(billingMethods.removedAt),
          ),
        );
      const cardId =
        card?.id ??
        (
          await addBillingMethod(ctx, {
            type: 'card',
            number: SANDBOX_CARDS.succeeds,
            expMonth: 12,
            expYear: now.getUTCFullYear() + 3,
            cvc: '123',
            name: client.displayName,
          })
        ).id;
      await addFunds(ctx, {
        amountCents: demoFunds[index % demoFunds.length] as number,
        currency: 'USD',
        billingMethodId: cardId,
        idempotencyKey: 'demo-initial-funds',
      });
      demo.progress(`funds for ${client.email}`);
    }
  },
};
