import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getAccount } from '../accounts/find-account.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { notify } from '../notifications/notify.ts';
import { utcText } from './money-text.ts';
import { checkPayoutMethod, type NewPayoutMethod } from './payout-details.ts';
import { countLivePayoutMethods, type PayoutMethod } from './payout-method.ts';
import { MAX_PAYOUT_METHODS, NEW_METHOD_HOLD_MS, payoutMethodTypes } from './payout-method-types.ts';
import { payoutProcessorFor } from './payout-processor.ts';
import { payoutMethods } from './tables.ts';

function roomForAnother(live: number): void {
  if (live >= MAX_PAYOUT_METHODS) {
    throw new AppError('conflict', {
      userMessage: `You can keep up to ${MAX_PAYOUT_METHODS} payout methods. Remove one first.`,
    });
  }
}

/**
 * Adds a payout method for the signed-in freelancer. The details are checked, handed to the payout
 * processor, and only a masked form is kept. The method is usable after a 3-day hold, and the
 * freelancer is told by notification and email so that a method added by someone else is caught.
 */
export async function addPayoutMethod(ctx: Ctx, input: NewPayoutMethod): Promise<PayoutMethod> {
  const freelancerId = requireActor(ctx).userId;
  const checked = checkPayoutMethod(input);
  roomForAnother(await countLivePayoutMethods(ctx.db, freelancerId));
  // Registered before the transaction (no external call inside one); an unused token is harmless.
  const { token } = await payoutProcessorFor(ctx).registerAccount({
    type: input.type,
    account: checked.account,
    display: checked.label,
  });
  const now = ctx.clock.now();
  const usableAt = new Date(now.getTime() + NEW_METHOD_HOLD_MS);
  return ctx.tx(async (tx) => {
    // Serializes adds per freelancer so the limit holds under concurrency.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('payout-methods:' || ${freelancerId}))`);
    roomForAnother(await countLivePayoutMethods(tx, freelancerId));
    const [row] = await tx
      .insert(payoutMethods)
      .values({
        id: newId(),
        freelancerId,
        type: input.type,
        label: checked.label,
        details: checked.details,
        processorToken: token,
        usableAt,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('payout method insert returned nothing');
    const typeLabel = payoutMethodTypes[input.type].label;
    const when = utcText(usableAt);
    await notify(tx, ctx.clock, {
      userId: freelancerId,
      kind: 'payouts.method_added',
      title: `Payout method added: ${checked.label}`,
      body: `You can withdraw to it from ${when}. If you did not add it, remove it and change your password.`,
      link: '/earnings#payout-methods',
    });
    const account = await getAccount(tx, freelancerId);
    await enqueueEmail(tx, ctx.clock, {
      userId: freelancerId,
      to: account.email,
      kind: 'payouts.method_added',
      subject: 'A payout method was added to your Workroom account',
      text: `Hello ${account.displayName},\n\nA ${typeLabel} payout method (${checked.label}) was added to your account. For your security it can be used from ${when}.\n\nIf this was not you, sign in, remove it under Earnings & withdrawals, and change your password.\n\nWorkroom`,
    });
    return row;
  });
}
