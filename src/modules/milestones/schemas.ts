import { z } from 'zod';
import { MILESTONE_STATES } from '../contracts/index.ts';
import { lifecycleLimits as limits } from './limits.ts';
import { MOVEMENT_KINDS } from './list-contract-payments.ts';
import { NEXT_ACTIONS } from './next-actions.ts';
import { ENDING_STATES, PAYMENT_KINDS, SUBMISSION_OUTCOMES } from './tables.ts';

const text = (min: number, max: number, required = 'This field is required.') =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? required : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`);
const cents = z.number().int('Use whole cents.').positive('Use a positive amount.').max(Number.MAX_SAFE_INTEGER);

export const ContractParams = z.object({ id: z.uuid() });
export const MilestoneParams = z.object({ id: z.uuid(), mid: z.uuid() });

export const FundMilestoneRequest = z
  .object({
    billingMethodId: z
      .uuid()
      .optional()
      .describe('Charged for what your Workroom funds do not cover (default method otherwise)'),
  })
  .meta({ id: 'FundMilestoneRequest' });

export const DeliverableCheckInput = z.object({
  criterion: text(1, limits.criterionMax).describe(
    'One acceptance criterion of the milestone, as listed in `criteria`',
  ),
  met: z.boolean(),
  note: z.string().trim().max(limits.noteMax, `Use at most ${limits.noteMax} characters.`).default(''),
});

export const SubmitMilestoneRequest = z
  .object({
    message: text(1, limits.messageMax, 'Tell the client what you are submitting.'),
    fileIds: z
      .array(z.uuid())
      .max(limits.filesMax, `Attach at most ${limits.filesMax} files.`)
      .default([])
      .describe('Uploads made with purpose "submission"'),
    deliverables: z
      .array(DeliverableCheckInput)
      .max(limits.deliverablesMax)
      .describe('Whether each acceptance criterion is met, one entry per criterion'),
  })
  .meta({ id: 'SubmitMilestoneRequest' });

export const RequestChangesRequest = z
  .object({ message: text(1, limits.messageMax, 'Say what must change.') })
  .meta({ id: 'RequestChangesRequest' });

export const ApproveMilestoneRequest = z
  .object({
    amountCents: cents
      .optional()
      .describe('Pay less than the milestone: the rest stays in escrow for the next milestone. Default: all of it'),
    note: z.string().trim().max(limits.noteMax, `Use at most ${limits.noteMax} characters.`).optional(),
  })
  .meta({ id: 'ApproveMilestoneRequest' });

export const BonusRequest = z
  .object({
    amountCents: cents
      .min(limits.bonusMinCents, 'A bonus is at least $1.00.')
      .max(limits.bonusMaxCents, 'A bonus is at most $10,000.00.'),
    note: text(1, limits.noteMax, 'Say what the bonus is for.'),
    billingMethodId: z.uuid().optional(),
  })
  .meta({ id: 'BonusRequest' });

export const RefundRequest = z
  .object({
    amountCents: cents,
    reason: text(1, limits.reasonMax, 'Say why you are refunding.'),
    transferId: z
      .uuid()
      .optional()
      .describe('The payment to refund (its transfer); default: the newest one that covers it'),
  })
  .meta({ id: 'RefundRequest' });

export const EndContractRequest = z
  .object({ reason: text(1, limits.reasonMax, 'Say why the contract ends.') })
  .meta({ id: 'EndContractRequest' });

export const EndResponseRequest = z
  .object({
    agreeToRefund: z.boolean().describe('true: the escrow goes back to the client; false: it stays for a dispute'),
    note: z.string().trim().max(limits.noteMax).optional(),
  })
  .meta({ id: 'EndResponseRequest' });

// ---- responses -------------------------------------------------------------------------------

const dateTime = z.iso.datetime();

export const SubmissionResponse = z
  .object({
    id: z.uuid(),
    round: z.number().int(),
    message: z.string(),
    files: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string(),
        url: z.string(),
      }),
    ),
    deliverables: z.array(z.object({ criterion: z.string(), met: z.boolean(), note: z.string() })),
    submittedAt: dateTime,
    reviewDueAt: dateTime.describe('When it is approved automatically if the client does not answer'),
    outcome: z.enum(SUBMISSION_OUTCOMES),
    responseNote: z.string().nullable().describe('What must change, or the client’s note with the approval'),
    respondedBy: z.uuid().nullable(),
    respondedAt: dateTime.nullable(),
  })
  .meta({ id: 'MilestoneSubmission' });

export const ContractPaymentResponse = z
  .object({
    id: z.uuid(),
    kind: z.enum(PAYMENT_KINDS),
    milestoneId: z.uuid().nullable(),
    currency: z.string(),
    grossCents: z.number().int(),
    serviceFeeCents: z.number().int(),
    netCents: z.number().int().describe('What reached the freelancer’s pending earnings'),
    clientFeeCents: z.number().int(),
    refundedCents: z.number().int(),
    refundableCents: z.number().int().describe('What the freelancer can still refund (0 after 180 days)'),
    refundableUntil: dateTime,
    transferId: z.uuid(),
    paidBy: z.uuid().nullable().describe('Null: approved automatically'),
    note: z.string(),
    paidAt: dateTime,
  })
  .meta({ id: 'ContractPayment' });

export const NextActionResponse = z
  .object({
    action: z.enum(NEXT_ACTIONS),
    milestoneId: z.uuid().nullable(),
    label: z.string(),
    dueAt: dateTime.nullable(),
  })
  .meta({ id: 'ContractNextAction' });

export const MilestoneOverviewResponse = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    description: z.string(),
    amountCents: z.number().int(),
    currency: z.string(),
    dueDate: z.string().nullable(),
    acceptanceCriteria: z.string(),
    criteria: z.array(z.string()).describe('The acceptance criteria as the checklist a submission answers'),
    state: z.enum(MILESTONE_STATES),
    fundedCents: z.number().int().describe('Escrow held for this milestone, including leftovers carried in'),
    releasedCents: z.number().int(),
    refundedCents: z.number().int().describe('Escrow returned to the client'),
    inEscrowCents: z.number().int().describe('funded - released - refunded'),
    clientFeeCents: z.number().int(),
    carriedInCents: z.number().int().describe('Leftover escrow of earlier milestones applied to this one'),
    carriedOutCents: z.number().int().describe('Leftover escrow this milestone passed on'),
    fundedAt: dateTime.nullable(),
    autoApprovesAt: dateTime.nullable().describe('While submitted: when it is approved and paid automatically'),
    submissions: z.array(SubmissionResponse),
    payments: z.array(ContractPaymentResponse),
    nextAction: NextActionResponse.nullable(),
  })
  .meta({ id: 'MilestoneOverview' });

export const EndingResponse = z
  .object({
    requestedBy: z.uuid(),
    requestedByRole: z.enum(['client', 'freelancer']),
    reason: z.string(),
    requestedAt: dateTime,
    respondBy: dateTime.describe('Without the freelancer’s answer by then, the escrow goes back to the client'),
    escrowCents: z.number().int(),
    state: z.enum(ENDING_STATES),
    agreedToRefund: z.boolean().nullable(),
    respondedAt: dateTime.nullable(),
    responseNote: z.string().nullable(),
    refundedCents: z.number().int(),
  })
  .meta({ id: 'ContractEnding' });

export const ContractOverviewResponse = z
  .object({
    contractId: z.uuid(),
    title: z.string(),
    type: z.enum(['hourly', 'fixed']),
    state: z.string().describe('active, ending, ending_disputed or ended'),
    currency: z.string(),
    viewer: z.enum(['client', 'freelancer', 'operator']),
    endedAt: dateTime.nullable(),
    escrowInHandCents: z.number().int().describe('The contract’s escrow balance in the ledger'),
    leftoverCents: z.number().int().describe('Escrow left by partial approvals, applied to the next milestone funded'),
    totals: z.object({
      fundedCents: z.number().int(),
      releasedCents: z.number().int(),
      refundedCents: z.number().int(),
      inEscrowCents: z.number().int(),
      bonusCents: z.number().int(),
      refundedByFreelancerCents: z.number().int(),
      freelancerNetCents: z.number().int().describe('What the freelancer received after service fees'),
    }),
    milestones: z.array(MilestoneOverviewResponse),
    payments: z.array(ContractPaymentResponse),
    ending: EndingResponse.nullable(),
    nextActions: z.array(NextActionResponse),
    asOf: dateTime,
  })
  .meta({ id: 'ContractOverview' });

export const RefundResponse = z
  .object({
    id: z.uuid(),
    paymentId: z.uuid(),
    amountCents: z.number().int(),
    feeShareCents: z.number().int().describe('Service fee the platform gave back'),
    netShareCents: z.number().int().describe('What came out of the freelancer’s available balance'),
    reason: z.string(),
    transferId: z.uuid(),
    createdAt: dateTime,
    payment: ContractPaymentResponse,
  })
  .meta({ id: 'PaymentRefund' });

export const ContractMovementResponse = z
  .object({
    transferId: z.uuid(),
    at: dateTime,
    kind: z.enum(MOVEMENT_KINDS),
    milestoneId: z.uuid().nullable(),
    amountCents: z.number().int(),
    clientFeeCents: z.number().int(),
    serviceFeeCents: z.number().int().describe('Negative: given back with a refund'),
    freelancerNetCents: z.number().int(),
    currency: z.string(),
    description: z.string(),
  })
  .meta({ id: 'ContractMovement' });

export const ContractMovementListResponse = z
  .object({ items: z.array(ContractMovementResponse) })
  .meta({ id: 'ContractMovementList' });
