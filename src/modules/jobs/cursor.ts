import { invalidField } from '../../platform/errors.ts';

/**
 * Keyset cursors: the sort key of the last row of a page plus its id, opaque to clients
 * (base64url of a JSON array). `decode` validates the shape and answers a 400 on `cursor`.
 */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, read: (values: unknown[]) => T | undefined): T {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) {
      const decoded = read(values);
      if (decoded !== undefined) return decoded;
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw invalidField('cursor', 'This cursor is not valid; start again from the first page.');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export function asDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The common newest-first position: [ISO time, id]. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  return decodeCursor(cursor, ([at, id]) => {
    const date = asDate(at);
    return date && isUuid(id) ? { at: date, id } : undefined;
  });
}

export const encodeTimeCursor = (at: Date, id: string): string => encodeCursor([at.toISOString(), id]);
