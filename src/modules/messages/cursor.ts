import { invalidField } from '../../platform/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A message page boundary: messages never move or disappear, so their seq is a stable cursor. */
export function encodeMessageCursor(seq: number): string {
  return Buffer.from(`m:${seq}`).toString('base64url');
}

export function decodeMessageCursor(cursor: string, field = 'before'): number {
  const match = /^m:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(seq))
    throw invalidField(field, 'This cursor is not valid; start again from the newest page.');
  return seq;
}

/** Where a page of threads ended: the last thread's activity time and id (ids break ties). */
export interface ThreadPosition {
  lastActivityAt: Date;
  id: string;
}

export function encodeThreadCursor(position: ThreadPosition): string {
  return Buffer.from(JSON.stringify([position.lastActivityAt.toISOString(), position.id])).toString('base64url');
}

export function decodeThreadCursor(cursor: string): ThreadPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      const lastActivityAt = new Date(typeof at === 'string' ? at : Number.NaN);
      if (!Number.isNaN(lastActivityAt.getTime()) && typeof id === 'string' && UUID.test(id)) {
        return { lastActivityAt, id };
      }
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw invalidField('cursor', 'This cursor is not valid; start again from the first page.');
}
