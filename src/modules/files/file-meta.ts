import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { storedFiles } from './tables.ts';

/** An uploaded file as other modules see it (its bytes are fetched through `url`). */
export interface FileMeta {
  id: string;
  sha256: string;
  sizeBytes: number;
  contentType: string;
  name: string;
  uploadedBy: string;
  /** The purpose it was uploaded for, e.g. "portfolio"; decides who may download it. */
  ownerKind: string;
  /** The object it is attached to; null until attached. */
  ownerId: string | null;
  createdAt: Date;
  url: string;
}

export const fileUrl = (id: string) => `/api/files/${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from users; a malformed one must be "not found", not a database error. */
export const isFileId = (id: string) => UUID.test(id);

export function toFileMeta(row: typeof storedFiles.$inferSelect): FileMeta {
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    contentType: row.contentType,
    name: row.originalName,
    uploadedBy: row.uploadedBy,
    ownerKind: row.ownerKind,
    ownerId: row.ownerId,
    createdAt: row.createdAt,
    url: fileUrl(row.id),
  };
}

/** One file's metadata, or null. Does not check who may see it: callers scope by their own object. */
export async function getFileMeta(executor: Executor, id: string): Promise<FileMeta | null> {
  if (!isFileId(id)) return null;
  const [row] = await executor.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ? toFileMeta(row) : null;
}

/** Several files' metadata by id (e.g. a profile's portfolio); unknown ids are left out. */
export async function getFilesMeta(executor: Executor, ids: string[]): Promise<Map<string, FileMeta>> {
  const wanted = [...new Set(ids.filter(isFileId))];
  if (wanted.length === 0) return new Map();
  const rows = await executor.select().from(storedFiles).where(inArray(storedFiles.id, wanted));
  return new Map(rows.map((row) => [row.id, toFileMeta(row)]));
}
