import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { invalidField } from '../../platform/errors.ts';
import { type FileMeta, isFileId, toFileMeta } from './file-meta.ts';
import { storedFiles } from './tables.ts';

export interface AttachFileInput {
  fileId: string;
  ownerKind: string;
  ownerId: string;
  /** The user attaching it: only their own uploads can be attached. */
  uploadedBy: string;
  /** The request field that named the file, for the error (default "fileId"). */
  field?: string;
}

/**
 * Attaches an upload to the object it belongs to (inside the caller's transaction). Only the
 * uploader's own file, uploaded for this purpose and not yet attached elsewhere, qualifies;
 * attaching it again to the same object is a no-op.
 */
export async function attachFile(tx: Tx, input: AttachFileInput): Promise<FileMeta> {
  const refused = () =>
    invalidField(input.field ?? 'fileId', 'Upload the file first: it must be your own upload for this purpose.');
  if (!isFileId(input.fileId)) throw refused();
  const [row] = await tx
    .update(storedFiles)
    .set({ ownerId: input.ownerId })
    .where(
      and(
        eq(storedFiles.id, input.fileId),
        eq(storedFiles.uploadedBy, input.uploadedBy),
        eq(storedFiles.ownerKind, input.ownerKind),
        or(isNull(storedFiles.ownerId), eq(storedFiles.ownerId, input.ownerId)),
      ),
    )
    .returning();
  if (!row) throw refused();
  return toFileMeta(row);
}

/**
 * Detaches every file of an object (e.g. a deleted portfolio item). Detached files are only
 * visible to their uploader and are removed by the `files.remove-unattached` task.
 */
export async function detachFiles(tx: Tx, owner: { ownerKind: string; ownerId: string }): Promise<number> {
  const rows = await tx
    .update(storedFiles)
    .set({ ownerId: null })
    .where(and(eq(storedFiles.ownerKind, owner.ownerKind), eq(storedFiles.ownerId, owner.ownerId)))
    .returning({ id: storedFiles.id });
  return rows.length;
}
