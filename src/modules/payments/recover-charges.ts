import { MINUTE } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { pendingChargesBefore } from './charge.ts';
import { gatewayFor } from './gateway-for.ts';
import { settleCharge } from './settle-charge.ts';

/** A charge pending this long lost its request (crash, timeout); a live request is done in seconds. */
export const STALE_CHARGE_MS = MINUTE;
const BATCH = 100;

/**
 * Finishes charges a crash left pending: asks the gateway by key what happened, then posts the
 * ledger transfer for a success or records the failure. A charge the gateway never completed is
 * voided there first, so a request still in flight cannot make it succeed behind our back.
 */
export async function recoverCharges(ctx: Ctx): Promise<{ processed: number }> {
  const gateway = gatewayFor(ctx);
  const stale = await pendingChargesBefore(ctx.db, new Date(ctx.clock.now().getTime() - STALE_CHARGE_MS), BATCH);
  let processed = 0;
  for (const charge of stale) {
    try {
      let outcome = await gateway.getCharge(charge.gatewayKey);
      if (!outcome || outcome.failure?.retryable) outcome = await gateway.voidCharge(charge.gatewayKey);
      const settled = await settleCharge(ctx, charge.id, outcome);
      ctx.log.info({ chargeId: charge.id, state: settled.state }, 'recovered a pending charge');
      processed += 1;
    } catch (error) {
      // One bad charge must not stop the others; it stays pending and shows in `workroom verify`.
      ctx.log.error({ err: error, chargeId: charge.id }, 'could not recover a pending charge');
    }
  }
  return { processed };
}

export const recoverChargesTask: ScheduledTask = {
  name: 'recover-charges',
  everyMs: MINUTE,
  run: recoverCharges,
};
