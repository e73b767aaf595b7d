import type { JsonValue } from './canonical.ts';

/** A file named by the record, as `data.files` entries hold it (see kinds.ts). */
export interface ExportedFile {
  id: string;
  name: string;
  sha256: string;
  sizeBytes: number;
}

function asFile(value: JsonValue): ExportedFile | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { id, name, sha256, sizeBytes } = value;
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof sha256 !== 'string' ||
    typeof sizeBytes !== 'number'
  ) {
    return null;
  }
  return { id, name, sha256, sizeBytes };
}

/** The files of one entry's data (its `files` array). */
export function filesOf(data: JsonValue): ExportedFile[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const files = data.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((file) => asFile(file) ?? []);
}

/** Every file the entries name, once each, in order of first mention. Pure (the CLI uses it too). */
export function filesNamedBy(data: readonly JsonValue[]): ExportedFile[] {
  const seen = new Map<string, ExportedFile>();
  for (const item of data) {
    for (const file of filesOf(item)) if (!seen.has(file.id)) seen.set(file.id, file);
  }
  return [...seen.values()];
}

/** How a file is written into an entry's data, from the files module's metadata. */
export const recordFile = (file: ExportedFile): ExportedFile => ({
  id: file.id,
  name: file.name,
  sha256: file.sha256,
  sizeBytes: file.sizeBytes,
});
