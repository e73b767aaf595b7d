import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { canReadFile } from './file-access.ts';
import { type FileMeta, getFileMeta } from './file-meta.ts';

/**
 * The file, if the caller may download it: its uploader, or whoever the owning kind's rule allows.
 * Anyone else gets the same 404 as for a file that does not exist.
 */
export async function authorizeFileDownload(ctx: Ctx, fileId: string): Promise<FileMeta> {
  const file = await getFileMeta(ctx.db, fileId);
  if (!file || !(await canReadFile(ctx, file))) throw notFound('The file');
  return file;
}
