import { invalidField } from '../../platform/errors.ts';

/** An opaque keyset cursor: the last row's sort value and id. */
export function encodeCursor(value: number | Date, id: string): string {
  const text = value instanceof Date ? `d${value.toISOString()}` : `n${value}`;
  return Buffer.from(`${text}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { value: number | Date; id: string } {
  const [text, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const bad = () => invalidField('cursor', 'Not a cursor from this list.');
  if (!text || !id || !/^[0-9a-f-]{36}$/i.test(id)) throw bad();
  const raw = text.slice(1);
  const value = text.startsWith('d') ? new Date(raw) : Number(raw);
  if (value instanceof Date ? Number.isNaN(value.getTime()) : !Number.isSafeInteger(value)) throw bad();
  return { value, id };
}
