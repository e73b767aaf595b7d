import type { Multipart } from '@fastify/multipart';
import { sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { discardTemp, moveIntoPlace, type ReceivedBlob, receiveToTemp } from './blob-store.ts';
import { acceptedContentType } from './content-types.ts';
import { isRegisteredFileKind, registeredFileKinds } from './file-access.ts';
import { type FileMeta, toFileMeta } from './file-meta.ts';
import { storedFiles } from './tables.ts';

const MAX_NAME_LENGTH = 200;
// Room for the multipart framing and the purpose field around the file itself.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const ACCEPTED_DESCRIPTION = 'images (PNG, JPEG, GIF, WebP), PDF, text, CSV, Markdown, ZIP and Office documents';

/** Keeps the last path segment, drops control characters, shortens while keeping the extension. */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[/\\]/).pop() ?? '')
    .split('')
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  if (base.length <= MAX_NAME_LENGTH) return base || 'file';
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', {
    userMessage: `The file is larger than the ${Math.floor(maxBytes / (1024 * 1024))} MB limit.`,
    fields: [{ field: 'file', message: 'Too large' }],
  });

/**
 * Receives one multipart upload (a file and its `purpose`), stores it by content address and
 * records it, unattached, for the uploader. Refuses what is too large (413) or not an accepted
 * type (415) before keeping any of it.
 */
export async function uploadFile(
  ctx: Ctx,
  parts: AsyncIterable<Multipart>,
  request: { declaredLength: number | null },
): Promise<FileMeta> {
  const actor = requireActor(ctx);
  const { dataDir, maxUploadBytes } = ctx.config;
  // A body announced as far too large is refused before reading any of it.
  if (request.declaredLength !== null && request.declaredLength > maxUploadBytes + MULTIPART_OVERHEAD_BYTES) {
    throw tooLarge(maxUploadBytes);
  }
  let received: ReceivedBlob | null = null;
  try {
    let purpose: string | null = null;
    let name = 'file';
    const accepted: { contentType: string | null } = { contentType: null };
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'purpose') purpose = String(part.value);
        continue;
      }
      if (received) throw invalidField('file', 'Upload one file at a time.');
      name = cleanFileName(part.filename);
      received = await receiveToTemp(dataDir, part.file, (head) => {
        accepted.contentType = acceptedContentType(head, name, part.mimetype);
        if (!accepted.contentType) {
          throw new AppError('unsupported_media_type', {
            userMessage: `This type of file is not accepted. Upload ${ACCEPTED_DESCRIPTION}.`,
            fields: [{ field: 'file', message: 'Type not accepted' }],
          });
        }
      });
      if (part.file.truncated) throw tooLarge(maxUploadBytes);
    }
    const contentType = accepted.contentType;
    if (!received || !contentType) throw invalidField('file', 'Choose a file to upload.');
    if (received.sizeBytes === 0) throw invalidField('file', 'The file is empty.');
    if (!purpose || !isRegisteredFileKind(purpose)) {
      throw invalidField(
        'purpose',
        `Say what the file is for: one of ${registeredFileKinds().join(', ') || '(none)'}.`,
      );
    }
    const blob = received;
    const row = await ctx.tx(async (tx) => {
      // The same lock as the clean-up task: a blob is never deleted while a row for it is being added.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`workroom-blob:${blob.sha256}`}))`);
      await moveIntoPlace(dataDir, blob);
      const [inserted] = await tx
        .insert(storedFiles)
        .values({
          id: newId(),
          sha256: blob.sha256,
          sizeBytes: blob.sizeBytes,
          contentType,
          originalName: name,
          uploadedBy: actor.userId,
          ownerKind: purpose,
          ownerId: null,
          createdAt: ctx.clock.now(),
        })
        .returning();
      return inserted;
    });
    if (!row) throw new AppError('internal');
    return toFileMeta(row);
  } catch (error) {
    if (received) await discardTemp(received);
    throw error;
  }
}
