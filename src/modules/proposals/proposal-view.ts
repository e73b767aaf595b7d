import type { Executor } from '../../db/client.ts';
import { feeScheduleInForce, lifetimeBilledCents, splitPayment } from '../fees/index.ts';
import { type FileMeta, getFilesMeta } from '../files/index.ts';
import { getJobForHiring, type JobType } from '../jobs/index.ts';
import { getThreadForContext } from '../messages/index.ts';
import { getFreelancerSummaries } from '../profiles/summaries.ts';
import type { proposals } from './tables.ts';

export type ProposalRow = typeof proposals.$inferSelect;

export interface ProposalFees {
  basis: 'hour' | 'project';
  currency: string;
  grossCents: number;
  serviceFeeCents: number;
  youReceiveCents: number;
  scheduleVersion: number;
}

/** A proposal with what its viewer sees around it. */
export interface ProposalView {
  row: ProposalRow;
  job: { id: string; title: string; type: JobType; state: string; clientId: string };
  freelancer: {
    userId: string;
    name: string;
    title: string;
    hourlyRateCents: number | null;
    country: string | null;
    skills: { id: string; slug: string; name: string }[];
  };
  attachments: FileMeta[];
  threadId: string | null;
  /** For the freelancer only: what the bid leaves them after the service fee. */
  fees: ProposalFees | null;
}

/** The fee preview of a bid: what the freelancer would receive from this client, by the schedule in force. */
export async function proposalFees(executor: Executor, row: ProposalRow, now: Date): Promise<ProposalFees> {
  const schedule = await feeScheduleInForce(executor, now);
  const priorBilledCents = await lifetimeBilledCents(executor, {
    freelancerId: row.freelancerId,
    clientId: row.clientId,
  });
  const split = splitPayment({ grossCents: row.bidCents, priorBilledCents, schedule });
  return {
    basis: row.bidType === 'hourly' ? 'hour' : 'project',
    currency: row.currency,
    grossCents: split.grossCents,
    serviceFeeCents: split.feeCents,
    youReceiveCents: split.netCents,
    scheduleVersion: split.scheduleVersion,
  };
}

/** Builds the views of proposals the viewer may see (the caller has scoped the rows). */
export async function viewProposals(
  executor: Executor,
  rows: ProposalRow[],
  viewer: { userId: string; now: Date },
): Promise<ProposalView[]> {
  if (rows.length === 0) return [];
  const jobIds = [...new Set(rows.map((row) => row.jobId))];
  const jobs = new Map(
    (await Promise.all(jobIds.map((id) => getJobForHiring(executor, id)))).flatMap((job) =>
      job ? [[job.id, job]] : [],
    ),
  );
  const freelancers = await getFreelancerSummaries(
    executor,
    rows.map((row) => row.freelancerId),
  );
  const files = await getFilesMeta(
    executor,
    rows.flatMap((row) => row.attachmentIds),
  );
  const views: ProposalView[] = [];
  for (const row of rows) {
    const job = jobs.get(row.jobId);
    const summary = freelancers.get(row.freelancerId);
    const thread = await getThreadForContext(executor, 'proposal', row.id);
    views.push({
      row,
      job: {
        id: row.jobId,
        title: job?.title ?? '',
        type: (job?.type ?? row.bidType) as JobType,
        state: job?.state ?? 'closed',
        clientId: row.clientId,
      },
      freelancer: {
        userId: row.freelancerId,
        name: summary?.name ?? 'Freelancer',
        title: summary?.title ?? '',
        hourlyRateCents: summary?.hourlyRateCents ?? null,
        country: summary?.location.country ?? null,
        skills: summary?.skills ?? [],
      },
      attachments: row.attachmentIds.flatMap((id) => {
        const file = files.get(id);
        return file ? [file] : [];
      }),
      threadId: thread?.id ?? null,
      fees: viewer.userId === row.freelancerId ? await proposalFees(executor, row, viewer.now) : null,
    });
  }
  return views;
}

export async function viewProposal(
  executor: Executor,
  row: ProposalRow,
  viewer: { userId: string; now: Date },
): Promise<ProposalView> {
  const [view] = await viewProposals(executor, [row], viewer);
  if (!view) throw new Error('proposal view missing');
  return view;
}
