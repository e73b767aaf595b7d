import { asc, eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type ContractRow, type MilestoneRow, milestonesOf } from '../contracts/index.ts';
import { type FileMeta, getFilesMeta } from '../files/index.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { contractForReader, type Side } from './access.ts';
import type { Payment } from './pay-freelancer.ts';
import type { Ending } from './settle-ending.ts';
import type { Submission } from './submit-milestone.ts';
import { contractEndings, contractPayments, milestoneCarries, milestoneSubmissions } from './tables.ts';

export interface MilestoneOverview {
  milestone: MilestoneRow;
  submissions: Submission[];
  /** Leftover escrow applied to this milestone's funding, and what this one passed on. */
  carriedInCents: number;
  carriedOutCents: number;
  payments: Payment[];
}

export interface ContractOverview {
  contract: ContractRow;
  viewer: Side | 'operator';
  milestones: MilestoneOverview[];
  files: Map<string, FileMeta>;
  payments: Payment[];
  ending: Ending | null;
  /** The escrow account's balance in the ledger. */
  escrowInHandCents: number;
  asOf: Date;
}

/**
 * GET /api/contracts/:id/overview: everything the Workroom shows about the fixed-price lifecycle
 * (milestones with their money and submissions, payments, the end), for the parties and operators.
 */
export async function getContractOverview(ctx: Ctx, contractId: string): Promise<ContractOverview> {
  const actor = requireActor(ctx);
  const { contract, side } = await contractForReader(ctx.db, actor, contractId);
  const [milestones, submissions, carries, payments, endings, escrowInHandCents] = await Promise.all([
    milestonesOf(ctx.db, contract.id),
    ctx.db
      .select()
      .from(milestoneSubmissions)
      .where(eq(milestoneSubmissions.contractId, contract.id))
      .orderBy(asc(milestoneSubmissions.round)),
    ctx.db.select().from(milestoneCarries).where(eq(milestoneCarries.contractId, contract.id)),
    ctx.db
      .select()
      .from(contractPayments)
      .where(eq(contractPayments.contractId, contract.id))
      .orderBy(asc(contractPayments.paidAt), asc(contractPayments.id)),
    ctx.db.select().from(contractEndings).where(eq(contractEndings.contractId, contract.id)),
    getBalanceByKey(ctx.db, escrowAccount(contract.id, contract.currency)),
  ]);
  const files = await getFilesMeta(
    ctx.db,
    submissions.flatMap((submission) => submission.fileIds),
  );
  const sum = (rows: typeof carries) => rows.reduce((total, row) => total + row.amountCents, 0);
  return {
    contract,
    viewer: side,
    milestones: milestones.map((milestone) => ({
      milestone,
      submissions: submissions.filter((submission) => submission.milestoneId === milestone.id),
      carriedInCents: sum(carries.filter((carry) => carry.toMilestoneId === milestone.id)),
      carriedOutCents: sum(carries.filter((carry) => carry.fromMilestoneId === milestone.id)),
      payments: payments.filter((payment) => payment.milestoneId === milestone.id),
    })),
    files,
    payments,
    ending: endings[0] ?? null,
    escrowInHandCents,
    asOf: ctx.clock.now(),
  };
}
