import type { Executor } from '../../db/client.ts';
import { type JobAttachment, jobAttachments } from './job-files.ts';
import type { JobRow } from './job-rows.ts';
import { type CategoryRef, taxonomyIndex, unknownCategory } from './taxonomy-index.ts';

/** A job with what its page shows beside the row: its category and attached files. */
export interface JobDetails {
  row: JobRow;
  category: CategoryRef;
  attachments: JobAttachment[];
}

export async function withDetails(executor: Executor, row: JobRow): Promise<JobDetails> {
  const [taxonomy, attachments] = await Promise.all([
    taxonomyIndex(executor),
    jobAttachments(executor, row.attachmentIds),
  ]);
  return { row, category: taxonomy.categories.get(row.categoryId) ?? unknownCategory(row.categoryId), attachments };
}
