import { invalidField } from '../../platform/errors.ts';

export const MAX_MESSAGE_CHARS = 10_000;
export const MAX_ATTACHMENTS = 10;
export const MAX_SUBJECT_CHARS = 200;

// C0 and C1 control characters except tab and newline; carriage returns are dropped so Windows
// line endings become plain newlines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Control characters removed and the ends trimmed; otherwise stored as written (the web app escapes). */
export function cleanMessageText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').trim();
}

/** The cleaned text, or a 400 naming `field` when it is empty or too long. */
export function requireMessageText(text: string, field = 'text'): string {
  const cleaned = cleanMessageText(text);
  if (cleaned.length === 0) throw invalidField(field, 'Write a message first.');
  if (cleaned.length > MAX_MESSAGE_CHARS) {
    throw invalidField(field, `A message can be at most ${MAX_MESSAGE_CHARS} characters.`);
  }
  return cleaned;
}

/** A one-line subject: whitespace runs collapsed, 1 to 200 characters. */
export function requireSubject(subject: string): string {
  const cleaned = cleanMessageText(subject).replace(/\s+/g, ' ');
  if (cleaned.length === 0) throw invalidField('subject', 'A conversation needs a subject.');
  return cleaned.slice(0, MAX_SUBJECT_CHARS);
}

/** A short preview for lists and notifications, cut at a word where possible. */
export function previewOf(text: string, maxChars = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
