import type { FileMeta } from './file-meta.ts';

export function presentFile(file: FileMeta) {
  return {
    id: file.id,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    contentType: file.contentType,
    name: file.name,
    createdAt: file.createdAt.toISOString(),
    url: file.url,
  };
}

/** RFC 6266: an ASCII fallback name plus the exact name in UTF-8. */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
