import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../server/module.ts';
import { authorizeFileDownload } from './authorize-file-download.ts';
import { openBlob } from './blob-store.ts';
import { isInlineImage } from './content-types.ts';
import type { FileMeta } from './file-meta.ts';
import { contentDisposition, presentFile } from './present.ts';
import { FileDownload, FileParams, StoredFileResponse, UploadFileRequest } from './schemas.ts';
import { uploadFile } from './upload-file.ts';

/** Streams a blob with headers that keep a browser from running or sniffing it. */
async function sendStoredFile(request: FastifyRequest, reply: FastifyReply, file: FileMeta) {
  const etag = `"${file.sha256}"`;
  reply
    .header('content-type', file.contentType)
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header(
      'content-disposition',
      contentDisposition(isInlineImage(file.contentType) ? 'inline' : 'attachment', file.name),
    );
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const stream = await openBlob(request.ctx.config.dataDir, file.sha256);
  if (!stream) {
    request.log.error({ fileId: file.id, sha256: file.sha256 }, 'stored file is missing its blob');
    throw notFound('The file');
  }
  return reply.header('content-length', String(file.sizeBytes)).send(stream);
}

/**
 * A refused upload stops being read part-way; the rest of the body must still be drained (and the
 * connection closed after the answer), or the client keeps sending into a connection nobody reads.
 */
function discardUnreadBody(request: FastifyRequest, reply: FastifyReply) {
  if (request.raw.complete) return;
  reply.header('connection', 'close');
  request.raw.resume();
}

export function registerFileRoutes(app: App): void {
  app.post(
    '/api/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart: `file` and `purpose`); attach it with the owning object’s own call',
        consumes: ['multipart/form-data'],
        body: UploadFileRequest,
        response: { 201: StoredFileResponse },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      const length = Number(request.headers['content-length']);
      try {
        const file = await uploadFile(request.ctx, request.parts(), {
          declaredLength: Number.isFinite(length) ? length : null,
        });
        return reply.status(201).send(presentFile(file));
      } catch (error) {
        discardUnreadBody(request, reply);
        throw error;
      }
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file: for its uploader, and whoever may see the object it is attached to',
        params: FileParams,
        response: { 200: FileDownload },
      },
      // Who may download is decided per file by the owning module's rule (see registerFileAccess).
      config: { auth: 'public' },
    },
    async (request, reply) =>
      sendStoredFile(request, reply, await authorizeFileDownload(request.ctx, request.params.id)),
  );
}
