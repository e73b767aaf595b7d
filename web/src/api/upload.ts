import { api, unwrap } from './client.ts';
import type { ResponseOf } from './types.ts';

export type StoredFile = ResponseOf<'/api/files', 'post'>;

/** Uploads one file for a purpose (e.g. "portfolio"); attach it afterwards with the owner's own call. */
export function uploadFile(file: File, purpose: string): Promise<StoredFile> {
  return unwrap(
    api.POST('/api/files', {
      // The schema documents the multipart fields; the body is sent as real multipart form data.
      body: { purpose, file: file.name },
      bodySerializer: () => {
        const data = new FormData();
        // The purpose goes first: the server decides where the file may go before reading it.
        data.append('purpose', purpose);
        data.append('file', file);
        return data;
      },
    }),
  );
}
