import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { attachFile, detachFiles, type FileReadRule, getFilesMeta } from '../files/index.ts';
import { findJob } from './job-rows.ts';
import { canFreelancerSeeJob } from './visibility.ts';

/** The upload `purpose` and file owner kind of job attachments. */
export const JOB_FILE_KIND = 'job';

export interface JobAttachment {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

/**
 * Makes `fileIds` the job's attachments: every file must be the client's own upload for a job.
 * Files no longer listed are released (private again, cleaned up later by the file store).
 */
export async function setJobAttachments(
  tx: Tx,
  input: { jobId: string; clientId: string; fileIds: string[]; replacing: boolean },
): Promise<void> {
  if (input.replacing) await detachFiles(tx, { ownerKind: JOB_FILE_KIND, ownerId: input.jobId });
  for (const [index, fileId] of input.fileIds.entries()) {
    await attachFile(tx, {
      fileId,
      ownerKind: JOB_FILE_KIND,
      ownerId: input.jobId,
      uploadedBy: input.clientId,
      field: `attachmentIds.${index}`,
    });
  }
}

export async function jobAttachments(executor: Executor, fileIds: string[]): Promise<JobAttachment[]> {
  const files = await getFilesMeta(executor, fileIds);
  return fileIds.flatMap((id) => {
    const file = files.get(id);
    return file
      ? [{ id: file.id, name: file.name, contentType: file.contentType, sizeBytes: file.sizeBytes, url: file.url }]
      : [];
  });
}

/** A job's files are readable by whoever may see the job: its client, operators, and freelancers it is visible to. */
export const canReadJobFile: FileReadRule = async (ctx, file) => {
  const actor = ctx.actor;
  if (!actor || !file.ownerId) return false;
  const job = await findJob(ctx.db, file.ownerId);
  if (!job?.attachmentIds.includes(file.id)) return false;
  if (job.clientId === actor.userId || actor.roles.includes('operator')) return true;
  return actor.roles.includes('freelancer') && canFreelancerSeeJob(ctx.db, job.id, actor.userId);
};
