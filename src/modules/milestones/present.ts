import type { z } from 'zod';
import type { FileMeta } from '../files/index.ts';
import { acceptanceCriteriaOf } from './acceptance-criteria.ts';
import { inEscrowOf } from './access.ts';
import type { ContractOverview } from './contract-overview.ts';
import { REFUND_WINDOW_MS } from './limits.ts';
import type { ContractMovement } from './list-contract-payments.ts';
import { leftoverOf } from './milestone-rows.ts';
import { type NextAction, nextActionsFor } from './next-actions.ts';
import type { Payment } from './pay-freelancer.ts';
import type { Refund } from './refund-payment.ts';
import type {
  ContractMovementResponse,
  ContractOverviewResponse,
  ContractPaymentResponse,
  NextActionResponse,
  RefundResponse,
  SubmissionResponse,
} from './schemas.ts';
import type { Ending } from './settle-ending.ts';
import type { Submission } from './submit-milestone.ts';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentPayment(payment: Payment, now: Date): z.infer<typeof ContractPaymentResponse> {
  const refundableUntil = new Date(payment.paidAt.getTime() + REFUND_WINDOW_MS);
  return {
    id: payment.id,
    kind: payment.kind,
    milestoneId: payment.milestoneId,
    currency: payment.currency,
    grossCents: payment.grossCents,
    serviceFeeCents: payment.serviceFeeCents,
    netCents: payment.netCents,
    clientFeeCents: payment.clientFeeCents,
    refundedCents: payment.refundedCents,
    refundableCents: refundableUntil > now ? payment.grossCents - payment.refundedCents : 0,
    refundableUntil: refundableUntil.toISOString(),
    transferId: payment.transferId,
    paidBy: payment.paidBy,
    note: payment.note,
    paidAt: payment.paidAt.toISOString(),
  };
}

function presentSubmission(submission: Submission, files: Map<string, FileMeta>): z.infer<typeof SubmissionResponse> {
  return {
    id: submission.id,
    round: submission.round,
    message: submission.message,
    files: submission.fileIds.flatMap((id) => {
      const file = files.get(id);
      return file
        ? [
            {
              id,
              name: file.name,
              contentType: file.contentType,
              sizeBytes: file.sizeBytes,
              sha256: file.sha256,
              url: file.url,
            },
          ]
        : [];
    }),
    deliverables: submission.deliverables,
    submittedAt: submission.submittedAt.toISOString(),
    reviewDueAt: submission.reviewDueAt.toISOString(),
    outcome: submission.outcome,
    responseNote: submission.responseNote,
    respondedBy: submission.respondedBy,
    respondedAt: iso(submission.respondedAt),
  };
}

const presentAction = (action: NextAction): z.infer<typeof NextActionResponse> => ({
  ...action,
  dueAt: iso(action.dueAt),
});

function presentEnding(ending: Ending, clientId: string) {
  return {
    requestedBy: ending.requestedBy,
    requestedByRole: ending.requestedBy === clientId ? ('client' as const) : ('freelancer' as const),
    reason: ending.reason,
    requestedAt: ending.requestedAt.toISOString(),
    respondBy: ending.respondBy.toISOString(),
    escrowCents: ending.escrowCents,
    state: ending.state,
    agreedToRefund: ending.agreedToRefund,
    respondedAt: iso(ending.respondedAt),
    responseNote: ending.responseNote,
    refundedCents: ending.refundedCents,
  };
}

export function presentOverview(overview: ContractOverview): z.infer<typeof ContractOverviewResponse> {
  const { contract, asOf } = overview;
  const actions = nextActionsFor(overview);
  const rows = overview.milestones.map((item) => item.milestone);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    contractId: contract.id,
    title: contract.title,
    type: contract.type as 'hourly' | 'fixed',
    state: contract.state,
    currency: contract.currency,
    viewer: overview.viewer,
    endedAt: iso(contract.endedAt),
    escrowInHandCents: overview.escrowInHandCents,
    leftoverCents: leftoverOf(rows),
    totals: {
      // A carry moves funding from one milestone to another: the sum is what was paid into escrow.
      fundedCents: sum(rows.map((row) => row.fundedCents)),
      releasedCents: sum(rows.map((row) => row.releasedCents)),
      refundedCents: sum(rows.map((row) => row.refundedCents)),
      inEscrowCents: sum(rows.map(inEscrowOf)),
      bonusCents: sum(overview.payments.filter((p) => p.kind === 'bonus').map((p) => p.grossCents)),
      refundedByFreelancerCents: sum(overview.payments.map((p) => p.refundedCents)),
      freelancerNetCents: sum(overview.payments.map((p) => p.netCents)),
    },
    milestones: overview.milestones.map(({ milestone, submissions, carriedInCents, carriedOutCents, payments }) => {
      const pending = submissions.find((submission) => submission.outcome === 'pending');
      const next = actions.find((action) => action.milestoneId === milestone.id);
      return {
        id: milestone.id,
        position: milestone.position,
        title: milestone.title,
        description: milestone.description,
        amountCents: milestone.amountCents,
        currency: milestone.currency,
        dueDate: milestone.dueDate,
        acceptanceCriteria: milestone.acceptanceCriteria,
        criteria: acceptanceCriteriaOf(milestone.acceptanceCriteria),
        state: milestone.state,
        fundedCents: milestone.fundedCents,
        releasedCents: milestone.releasedCents,
        refundedCents: milestone.refundedCents,
        inEscrowCents: inEscrowOf(milestone),
        clientFeeCents: milestone.clientFeeCents,
        carriedInCents,
        carriedOutCents,
        fundedAt: iso(milestone.fundedAt),
        autoApprovesAt: milestone.state === 'submitted' && pending ? pending.reviewDueAt.toISOString() : null,
        submissions: submissions.map((submission) => presentSubmission(submission, overview.files)),
        payments: payments.map((payment) => presentPayment(payment, asOf)),
        nextAction: next ? presentAction(next) : null,
      };
    }),
    payments: overview.payments.map((payment) => presentPayment(payment, asOf)),
    ending: overview.ending ? presentEnding(overview.ending, contract.clientId) : null,
    nextActions: actions.map(presentAction),
    asOf: asOf.toISOString(),
  };
}

export function presentRefund(refund: Refund, payment: Payment, now: Date): z.infer<typeof RefundResponse> {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amountCents: refund.amountCents,
    feeShareCents: refund.feeShareCents,
    netShareCents: refund.netShareCents,
    reason: refund.reason,
    transferId: refund.transferId,
    createdAt: refund.createdAt.toISOString(),
    payment: presentPayment(payment, now),
  };
}

export const presentMovement = (movement: ContractMovement): z.infer<typeof ContractMovementResponse> => ({
  ...movement,
  at: movement.at.toISOString(),
});
