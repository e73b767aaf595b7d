import { eq } from 'drizzle-orm';
import type { FileReadRule } from '../files/index.ts';
import { proposals } from './tables.ts';

/** A proposal's attachments are for its freelancer and the job's client (operators too). */
export const canReadProposalFile: FileReadRule = async (ctx, file) => {
  if (!ctx.actor || !file.ownerId) return false;
  if (ctx.actor.roles.includes('operator')) return true;
  const [row] = await ctx.db
    .select({ freelancerId: proposals.freelancerId, clientId: proposals.clientId })
    .from(proposals)
    .where(eq(proposals.id, file.ownerId));
  return Boolean(row && (row.freelancerId === ctx.actor.userId || row.clientId === ctx.actor.userId));
};
