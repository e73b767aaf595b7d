import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../../platform/ids.ts';
import { SNIFF_BYTES } from './content-types.ts';

/**
 * File contents live on disk under `<dataDir>/files/<aa>/<bb>/<sha256>`: named by their hash, so
 * the same bytes are stored once and a blob never changes. Uploads are written to `files/tmp`
 * first (same file system, so the final move is an atomic rename).
 */
export const filesRoot = (dataDir: string) => path.join(dataDir, 'files');

export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`Not a SHA-256: ${sha256}`);
  return path.join(filesRoot(dataDir), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export interface ReceivedBlob {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes, to recognise the format. */
  head: Buffer;
}

/** Hashes, counts and keeps the head of the bytes flowing through; `inspectHead` may refuse the file early. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  sizeBytes = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private inspected = false;

  constructor(private readonly inspectHead: (head: Buffer) => void) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks).subarray(0, SNIFF_BYTES);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.sizeBytes += chunk.length;
    if (this.headLength < SNIFF_BYTES) {
      this.headChunks.push(chunk.subarray(0, SNIFF_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, SNIFF_BYTES - this.headLength);
      if (this.headLength >= SNIFF_BYTES && !this.inspect(callback)) return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.inspect(callback)) callback();
  }

  /** Runs the head check once; on refusal fails the stream and answers false. */
  private inspect(callback: TransformCallback): boolean {
    if (this.inspected) return true;
    this.inspected = true;
    try {
      this.inspectHead(this.head);
      return true;
    } catch (error) {
      callback(error as Error);
      return false;
    }
  }
}

/**
 * Streams an upload to a temporary file while hashing it. On any failure (a refused head, a broken
 * connection) the partial file is removed before the error is passed on.
 */
export async function receiveToTemp(
  dataDir: string,
  source: Readable,
  inspectHead: (head: Buffer) => void,
): Promise<ReceivedBlob> {
  const tempDir = path.join(filesRoot(dataDir), 'tmp');
  await fs.mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${newId()}.part`);
  const inspector = new Inspector(inspectHead);
  // Opened before the pipeline starts: a stream that opens its file lazily can create it after a
  // refusal has already removed it, leaving a stray partial file behind.
  const target = await fs.open(tempPath, 'wx');
  try {
    await pipeline(source, inspector, target.createWriteStream());
  } catch (error) {
    await target.close().catch(() => undefined); // usually closed by the failed stream already
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, sha256: inspector.hash.digest('hex'), sizeBytes: inspector.sizeBytes, head: inspector.head };
}

/**
 * Moves a received file to its content address. Safe to repeat (a retried transaction finds the
 * temporary file already moved), and a blob already there is the same bytes, so replacing it is harmless.
 */
export async function moveIntoPlace(dataDir: string, received: ReceivedBlob): Promise<void> {
  const target = blobPath(dataDir, received.sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.rename(received.tempPath, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fs.access(target); // moved by an earlier attempt: the blob must be there
  }
}

export const discardTemp = (received: ReceivedBlob) => fs.rm(received.tempPath, { force: true });

export async function removeBlob(dataDir: string, sha256: string): Promise<void> {
  await fs.rm(blobPath(dataDir, sha256), { force: true });
}

/** Opens a blob for reading; null when it is missing from disk. */
export async function openBlob(dataDir: string, sha256: string): Promise<Readable | null> {
  try {
    const handle = await fs.open(blobPath(dataDir, sha256), 'r');
    return handle.createReadStream();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Re-reads a blob and hashes it (for `workroom verify`). */
export async function hashBlob(dataDir: string, sha256: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(blobPath(dataDir, sha256))) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function blobSize(dataDir: string, sha256: string): Promise<number | null> {
  try {
    return (await fs.stat(blobPath(dataDir, sha256))).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
