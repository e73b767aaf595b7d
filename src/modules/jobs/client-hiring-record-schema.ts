import { z } from 'zod';

/**
 * The fields of a client's hiring record (see client-hiring-record.ts), shared by the job page's
 * client card and the client's public page. Only zod here, so both schema files can import it.
 */
export const clientHiringRecordFields = {
  /** The client has a verified billing method. */
  paymentVerified: z.boolean(),
  jobsPosted: z.number().int().describe('Jobs this client has published'),
  openJobs: z.number().int(),
  hires: z.number().int(),
  hireRatePercent: z
    .number()
    .int()
    .nullable()
    .describe(
      'Jobs with a hire / jobs that are closed, have proposals or have a hire (drafts and untouched open jobs do not count); null when no job counts yet',
    ),
  totalSpentCents: z.number().int().describe('Paid to freelancers so far, less refunds'),
  currency: z.string(),
};
