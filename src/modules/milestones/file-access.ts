import { eq } from 'drizzle-orm';
import { hasRole } from '../../server/context.ts';
import { contracts } from '../contracts/tables.ts';
import type { FileReadRule } from '../files/index.ts';
import { milestoneSubmissions } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Submitted files: the contract's two parties (also after the end) and operators (disputes). */
export const canReadSubmissionFile: FileReadRule = async (ctx, file) => {
  if (!ctx.actor || !file.ownerId || !UUID.test(file.ownerId)) return false;
  if (hasRole(ctx.actor, 'operator')) return true;
  const [row] = await ctx.db
    .select({ clientId: contracts.clientId, freelancerId: contracts.freelancerId })
    .from(milestoneSubmissions)
    .innerJoin(contracts, eq(contracts.id, milestoneSubmissions.contractId))
    .where(eq(milestoneSubmissions.id, file.ownerId));
  return row !== undefined && (row.clientId === ctx.actor.userId || row.freelancerId === ctx.actor.userId);
};
