import { eq } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { clientMarketplaceFee, feeScheduleInForce } from '../fees/index.ts';
import { clientFundingAccount, escrowAccount, platformAccount } from '../ledger/accounts.ts';
import { type PostingInput, postTransfer } from '../ledger/post-transfer.ts';
import { getTransferByKey } from '../ledger/transfers.ts';
import { contractForReader, lockContractAs } from './access.ts';
import { chargeShortfall, reserveClientFunds } from './client-funds.ts';
import { announce, money } from './contract-events.ts';
import { lifecycleLimits } from './limits.ts';
import { type Payment, payFreelancer } from './pay-freelancer.ts';
import { contractPayments } from './tables.ts';

export interface PayBonusInput {
  contractId: string;
  amountCents: number;
  note: string;
  billingMethodId?: string | undefined;
  /** The request's Idempotency-Key. */
  requestKey: string;
}

function checkInput(input: PayBonusInput): string {
  const { bonusMinCents, bonusMaxCents, noteMax } = lifecycleLimits;
  if (
    !Number.isSafeInteger(input.amountCents) ||
    input.amountCents < bonusMinCents ||
    input.amountCents > bonusMaxCents
  ) {
    throw invalidField(
      'amountCents',
      `A bonus is between ${money(bonusMinCents, 'USD')} and ${money(bonusMaxCents, 'USD')}.`,
    );
  }
  const note = input.note.trim();
  if (note.length === 0) throw invalidField('note', 'Say what the bonus is for.');
  if (note.length > noteMax) throw invalidField('note', `Use at most ${noteMax} characters.`);
  return note;
}

/**
 * POST /api/contracts/:id/bonus: the client pays the freelancer a bonus, at any time (also after
 * the contract ended). The client pays the bonus plus the marketplace fee; the freelancer's
 * service fee comes out of it and the rest goes straight to their pending earnings. In the
 * ledger it passes through the contract's escrow (funded and released in one transaction), so it
 * reads as a payment like any other.
 */
export async function payBonus(ctx: Ctx, input: PayBonusInput): Promise<Payment> {
  const actor = requireActor(ctx);
  const note = checkInput(input);
  const { contract, side } = await contractForReader(ctx.db, actor, input.contractId);
  if (side !== 'client') throw new AppError('forbidden', { userMessage: 'Only the client pays a bonus.' });
  const schedule = await feeScheduleInForce(ctx.db, ctx.clock.now());
  const feeCents = clientMarketplaceFee(input.amountCents, schedule);
  const releaseKey = `contract:bonus:${contract.id}:${input.requestKey}`;
  const chargeId = await chargeShortfall(ctx, {
    clientId: contract.clientId,
    currency: contract.currency,
    neededCents: input.amountCents + feeCents,
    billingMethodId: input.billingMethodId,
    chargeKey: `contract-bonus:${contract.id}:${input.requestKey}`,
    refs: { contractId: contract.id },
  });
  return ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    await lockContractAs(tx, actor, contract.id);
    // A retry after the first attempt committed (its response was lost) finds the bonus paid.
    const earlier = await getTransferByKey(tx, releaseKey);
    if (earlier) {
      const [paid] = await tx.select().from(contractPayments).where(eq(contractPayments.transferId, earlier.id));
      if (paid) return paid;
    }
    const needed = input.amountCents + feeCents;
    await reserveClientFunds(tx, { clientId: contract.clientId, currency: contract.currency, neededCents: needed });
    const postings: PostingInput[] = [
      { account: clientFundingAccount(contract.clientId, contract.currency), amountCents: -needed },
      { account: escrowAccount(contract.id, contract.currency), amountCents: input.amountCents },
    ];
    if (feeCents > 0) {
      postings.push({ account: platformAccount('platform_fee_revenue', contract.currency), amountCents: feeCents });
    }
    await postTransfer(tx, {
      idempotencyKey: `contract:bonus-fund:${contract.id}:${input.requestKey}`,
      reason: 'escrow.fund',
      refs: {
        contractId: contract.id,
        userId: contract.clientId,
        ...(chargeId ? { chargeId } : {}),
        extra: { feeScheduleVersion: schedule.version, bonus: true, description: `Bonus: ${note}`.slice(0, 200) },
      },
      memo: `Bonus for "${contract.title}"`.slice(0, 500),
      at: now,
      postings,
    });
    const { payment, split } = await payFreelancer(tx, {
      contract,
      kind: 'bonus',
      milestoneId: null,
      grossCents: input.amountCents,
      clientFeeCents: feeCents,
      paidBy: actor.userId,
      note,
      description: `Bonus: ${note}`.slice(0, 200),
      idempotencyKey: releaseKey,
      at: now,
    });
    await announce(tx, ctx.clock, contract, {
      kind: 'bonus.paid',
      actorId: actor.userId,
      summary: `Bonus paid: ${money(input.amountCents, contract.currency)} (${money(split.feeCents, contract.currency)} service fee, ${money(split.netCents, contract.currency)} to the freelancer)`,
      message: `The client paid a bonus of ${money(input.amountCents, contract.currency)}: ${note}`,
      data: {
        paymentId: payment.id,
        transferId: payment.transferId,
        amountCents: input.amountCents,
        clientFeeCents: feeCents,
        feeCents: split.feeCents,
        netCents: split.netCents,
        currency: contract.currency,
        note,
      },
      notify: [
        {
          userId: contract.freelancerId,
          kind: 'bonus.paid',
          title: `You received a bonus of ${money(input.amountCents, contract.currency)}`,
          body: note.slice(0, 500),
        },
      ],
    });
    return payment;
  });
}
