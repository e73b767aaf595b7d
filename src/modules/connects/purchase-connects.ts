import { AppError, invalidField } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { chargeClient } from '../payments/index.ts';
import { type ConnectsLot, creditConnects } from './credit-connects.ts';
import { spendableConnects } from './get-connects.ts';
import { type ConnectsBundle, connectsRules } from './rules.ts';

export interface PurchaseConnectsInput {
  bundle: number;
  billingMethodId?: string | undefined;
  idempotencyKey: string;
}

/**
 * Buys a bundle of Connects with one of the freelancer's billing methods. The charge is made
 * first (no transaction around the gateway call) and is idempotent by the request's key; the
 * Connects are credited once per charge, so a retry after a crash completes the purchase without
 * charging again. A declined card answers 402 and credits nothing.
 */
export async function purchaseConnects(
  ctx: Ctx,
  input: PurchaseConnectsInput,
): Promise<{ lot: ConnectsLot; priceCents: number; balance: number }> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'freelancer')) {
    throw new AppError('forbidden', { userMessage: 'Only freelancer accounts buy Connects.' });
  }
  if (!input.idempotencyKey) throw invalidField('headers.Idempotency-Key', 'Send an Idempotency-Key header.');
  if (!(connectsRules.bundles as readonly number[]).includes(input.bundle)) {
    throw invalidField('bundle', `Choose a bundle of ${connectsRules.bundles.join(', ')} Connects.`);
  }
  const bundle = input.bundle as ConnectsBundle;
  const priceCents = bundle * connectsRules.priceCentsEach;
  const charge = await chargeClient(ctx, {
    clientId: actor.userId,
    amountCents: priceCents,
    currency: connectsRules.priceCurrency,
    billingMethodId: input.billingMethodId,
    purpose: 'connects_purchase',
    idempotencyKey: `connects:${input.idempotencyKey}`,
  });
  const at = ctx.clock.now();
  const { lot } = await ctx.tx((tx) =>
    creditConnects(tx, {
      userId: actor.userId,
      amount: bundle,
      source: 'purchase',
      grantKey: `purchase:${charge.id}`,
      at,
      memo: `Bought ${bundle} Connects`,
      payment: { chargeId: charge.id, amountCents: charge.amountCents, currency: charge.currency },
    }),
  );
  return { lot, priceCents, balance: await spendableConnects(ctx.db, actor.userId, ctx.clock.now()) };
}
