/** The fields of a milestone a terms change can set. */
export interface MilestoneTerms {
  title: string;
  description: string;
  amountCents: number;
  /** YYYY-MM-DD */
  dueDate: string;
  acceptanceCriteria: string;
}

/**
 * A proposed change of terms, as stored. Only what changes is present; new milestones get their
 * ids when proposed so the difference shown before acceptance is the one that takes effect.
 */
export interface TermsChange {
  title?: string;
  description?: string;
  deliverables?: { title: string; acceptanceCriteria: string }[];
  addMilestones: (MilestoneTerms & { id: string })[];
  changeMilestones: ({ milestoneId: string; refundEscrow: boolean } & Partial<MilestoneTerms>)[];
  removeMilestones: { milestoneId: string; refundEscrow: boolean }[];
}

/** A refund of funded escrow to the client that accepting the change performs. */
export interface EscrowRefund {
  milestoneId: string;
  title: string;
  amountCents: number;
}
