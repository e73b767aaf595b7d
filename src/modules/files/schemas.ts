import { z } from 'zod';

export const StoredFileResponse = z
  .object({
    id: z.uuid(),
    sha256: z.string().describe('SHA-256 of the content, hex; also the download ETag'),
    sizeBytes: z.number().int(),
    contentType: z.string().describe('The type Workroom recognised, not the one the browser sent'),
    name: z.string().describe('The original file name, cleaned'),
    createdAt: z.iso.datetime(),
    url: z.string().describe('Where to download it: /api/files/{id}'),
  })
  .meta({ id: 'StoredFile' });

/** Documents the multipart form for OpenAPI; the route reads the parts as a stream. */
export const UploadFileRequest = z
  .object({
    file: z.string().meta({ format: 'binary' }).describe('The file (one per request)'),
    purpose: z.string().describe('What the file is for, e.g. "portfolio"; decides who may download it'),
  })
  .meta({ id: 'UploadFileRequest' })
  // Fastify leaves the body null for a multipart request it has not read yet.
  .nullable();

export const FileParams = z.object({ id: z.string().max(64) });

export const FileDownload = {
  description: 'The file content, with its type, size and SHA-256 ETag',
  content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
};
