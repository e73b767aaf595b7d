import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { refundConnects } from '../connects/index.ts';
import type { JobClosedListener } from '../jobs/index.ts';
import { notify } from '../notifications/notify.ts';
import { proposals } from './tables.ts';

/**
 * When a client closes a job without hiring anyone, the Connects spent on its proposals come back
 * (withdrawn proposals excepted: withdrawing forfeits them, as on Upwork). Runs in the job-closing
 * transaction, which holds the job row, so no proposal can arrive meanwhile.
 */
export const refundConnectsOnJobClosed: JobClosedListener = async (tx, clock, event) => {
  if (event.hires > 0) return;
  const spent = await tx
    .select({ id: proposals.id, freelancerId: proposals.freelancerId, entryId: proposals.connectsEntryId })
    .from(proposals)
    .where(
      and(eq(proposals.jobId, event.jobId), isNotNull(proposals.connectsEntryId), ne(proposals.state, 'withdrawn')),
    );
  for (const proposal of spent) {
    if (!proposal.entryId) continue;
    const returned = await refundConnects(tx, {
      spendEntryId: proposal.entryId,
      at: clock.now(),
      memo: 'The job closed without a hire: Connects returned',
    });
    if (returned > 0) {
      await notify(tx, clock, {
        userId: proposal.freelancerId,
        kind: 'connects.refunded',
        title: `${returned} Connects returned: the job closed without a hire`,
        link: `/proposals/${proposal.id}`,
      });
    }
  }
};
