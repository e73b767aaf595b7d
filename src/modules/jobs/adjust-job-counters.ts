import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { refreshClientFacts } from './client-facts.ts';
import { jobs } from './tables.ts';

export interface JobCounterDeltas {
  proposals?: number;
  interviewing?: number;
  invitesSent?: number;
  hires?: number;
}

export interface JobCounters {
  proposals: number;
  interviewing: number;
  invitesSent: number;
  hires: number;
}

/**
 * Moves a job's denormalized counters by the given amounts (e.g. `{ proposals: 1 }` when a
 * proposal arrives, `{ proposals: -1 }` when one is withdrawn), in the caller's transaction.
 * A counter that would go below zero is a bug in the caller: it throws and nothing changes.
 */
export async function adjustJobCounters(tx: Tx, jobId: string, deltas: JobCounterDeltas): Promise<JobCounters> {
  const d = {
    proposals: deltas.proposals ?? 0,
    interviewing: deltas.interviewing ?? 0,
    invitesSent: deltas.invitesSent ?? 0,
    hires: deltas.hires ?? 0,
  };
  for (const [name, value] of Object.entries(d)) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`adjustJobCounters: ${name} must be an integer`);
  }
  const result = await tx.execute(sql`
    update ${jobs} set
      proposals_count = proposals_count + ${d.proposals},
      interviewing_count = interviewing_count + ${d.interviewing},
      invites_sent_count = invites_sent_count + ${d.invitesSent},
      hires_count = hires_count + ${d.hires}
    where id = ${jobId}
      and proposals_count + ${d.proposals} >= 0 and interviewing_count + ${d.interviewing} >= 0
      and invites_sent_count + ${d.invitesSent} >= 0 and hires_count + ${d.hires} >= 0
    returning client_id, proposals_count, interviewing_count, invites_sent_count, hires_count`);
  const row = result.rows[0];
  if (!row) throw new Error(`adjustJobCounters: job ${jobId} does not exist or a counter would go below zero`);
  if (d.hires !== 0) await refreshClientFacts(tx, [String(row.client_id)]);
  return {
    proposals: Number(row.proposals_count),
    interviewing: Number(row.interviewing_count),
    invitesSent: Number(row.invites_sent_count),
    hires: Number(row.hires_count),
  };
}
