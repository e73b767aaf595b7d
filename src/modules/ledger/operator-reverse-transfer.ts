import { type Ctx, requireActor } from '../../server/context.ts';
import { findTransferListing, type TransferListing } from './list-transfers.ts';
import { reverseTransfer } from './reverse-transfer.ts';

/**
 * An operator undoes a transfer posted in error. The ledger key derives from the request's
 * Idempotency-Key, so a retried request finds its reversal instead of failing on "already reversed".
 */
export async function operatorReverseTransfer(
  ctx: Ctx,
  input: { transferId: string; requestKey: string; memo?: string },
): Promise<TransferListing> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const reversal = await reverseTransfer(tx, {
      transferId: input.transferId,
      idempotencyKey: `operator-reversal:${actor.userId}:${input.requestKey}`,
      at: ctx.clock.now(),
      memo: input.memo,
    });
    const listing = await findTransferListing(tx, reversal.id);
    if (!listing) throw new Error(`reversal ${reversal.id} not found after posting`);
    return listing;
  });
}
