import { invalidField } from '../../platform/errors.ts';

/** Where a newest-first page ended: the last row's creation time and id (ids break ties). */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** Reads a cursor from a previous page; anything else is a 400 naming the `cursor` field. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      const createdAt = new Date(typeof at === 'string' ? at : Number.NaN);
      if (!Number.isNaN(createdAt.getTime()) && typeof id === 'string' && UUID.test(id)) return { createdAt, id };
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw invalidField('cursor', 'This cursor is not valid; start again from the first page.');
}
