import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ContractTerms } from '../contracts/index.ts';
import { moneyText as money } from '../payouts/money-text.ts';
import { appendRecordEntry } from './append-record-entry.ts';
import type { RecordEntry } from './record-entry.ts';

/**
 * The first entries of a contract's record, for the module that creates the contract (in its
 * transaction): the contract itself, its terms as version 1 (whole, so any later version can be
 * compared against what was agreed), and each milestone funded with the offer.
 */
export async function recordContractStart(
  tx: Tx,
  clock: Clock,
  input: {
    contractId: string;
    offerId: string;
    clientId: string;
    freelancerId: string;
    /** Who accepted the offer (the freelancer). */
    acceptedBy: string;
    terms: ContractTerms;
    funded: { milestoneId: string; amountCents: number }[];
    at?: Date;
  },
): Promise<RecordEntry[]> {
  const at = input.at ?? clock.now();
  const { terms } = input;
  const base = { contractId: input.contractId, actorId: input.acceptedBy, at };
  const entries = [
    await appendRecordEntry(tx, clock, {
      ...base,
      kind: 'contract.created',
      summary: `Contract started: ${terms.title} (${terms.type === 'fixed' ? 'fixed price' : 'hourly'})`,
      data: { offerId: input.offerId, clientId: input.clientId, freelancerId: input.freelancerId, type: terms.type },
    }),
    await appendRecordEntry(tx, clock, {
      ...base,
      kind: 'terms.version',
      summary: `Terms version 1 agreed${terms.fixed ? `: ${money(terms.fixed.totalCents, terms.currency)} in ${terms.fixed.milestones.length} milestone(s)` : ''}`,
      data: { version: 1, terms },
    }),
  ];
  for (const funded of input.funded) {
    const milestone = terms.fixed?.milestones.find((item) => item.id === funded.milestoneId);
    entries.push(
      await appendRecordEntry(tx, clock, {
        ...base,
        actorId: input.clientId,
        kind: 'milestone.funded',
        summary: `Milestone funded with the offer: ${milestone?.title ?? funded.milestoneId} (${money(funded.amountCents, terms.currency)} into escrow)`,
        data: { milestoneId: funded.milestoneId, amountCents: funded.amountCents, currency: terms.currency },
      }),
    );
  }
  return entries;
}
