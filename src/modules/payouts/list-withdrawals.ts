import { type Ctx, requireActor } from '../../server/context.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { listLivePayoutMethods, type PayoutMethod, payoutMethodById } from './payout-method.ts';
import { listOwnWithdrawals, type Withdrawal } from './withdrawal.ts';

export interface WithdrawalPage {
  items: { withdrawal: Withdrawal; method: PayoutMethod }[];
  nextCursor: string | null;
}

/** The signed-in freelancer's withdrawals, newest first, a page at a time. */
export async function listWithdrawals(ctx: Ctx, input: { limit: number; cursor?: string }): Promise<WithdrawalPage> {
  const freelancerId = requireActor(ctx).userId;
  const before = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await listOwnWithdrawals(ctx.db, freelancerId, { limit: input.limit + 1, before });
  const page = rows.slice(0, input.limit);
  const methods = new Map((await listLivePayoutMethods(ctx.db, freelancerId)).map((method) => [method.id, method]));
  const items = [];
  for (const withdrawal of page) {
    const method =
      methods.get(withdrawal.payoutMethodId) ?? (await payoutMethodById(ctx.db, withdrawal.payoutMethodId));
    methods.set(method.id, method);
    items.push({ withdrawal, method });
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
