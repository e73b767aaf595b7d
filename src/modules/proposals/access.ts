import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, type Ctx, hasRole, requireActor } from '../../server/context.ts';
import type { ProposalRow } from './proposal-view.ts';
import { proposals } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in freelancer (operators pass role routes, but only freelancers send proposals). */
export function actingAsFreelancer(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'freelancer')) {
    throw new AppError('forbidden', { userMessage: 'Only freelancer accounts can do this.' });
  }
  return actor;
}

export function actingAsClient(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'client')) throw new AppError('forbidden', { userMessage: 'Only client accounts can do this.' });
  return actor;
}

/** The caller's own proposal, locked; anyone else's is a 404 (its existence stays private). */
export async function lockOwnProposal(tx: Tx, actor: Actor, proposalId: string): Promise<ProposalRow> {
  if (!UUID.test(proposalId)) throw notFound('Proposal');
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.freelancerId, actor.userId)))
    .for('update');
  if (!row) throw notFound('Proposal');
  return row;
}

/** A proposal for one of the caller's jobs, locked; proposals to other clients' jobs are a 404. */
export async function lockReceivedProposal(tx: Tx, actor: Actor, proposalId: string): Promise<ProposalRow> {
  if (!UUID.test(proposalId)) throw notFound('Proposal');
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.clientId, actor.userId)))
    .for('update');
  if (!row) throw notFound('Proposal');
  return row;
}

/** A proposal its freelancer or the job's client may read (operators too); else 404. */
export async function findVisibleProposal(executor: Executor, actor: Actor, proposalId: string): Promise<ProposalRow> {
  if (!UUID.test(proposalId)) throw notFound('Proposal');
  const party = or(eq(proposals.freelancerId, actor.userId), eq(proposals.clientId, actor.userId));
  const [row] = await executor
    .select()
    .from(proposals)
    .where(hasRole(actor, 'operator') ? eq(proposals.id, proposalId) : and(eq(proposals.id, proposalId), party));
  if (!row) throw notFound('Proposal');
  return row;
}
