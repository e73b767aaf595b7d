// C0 and C1 control characters except tab (\u0009) and newline (\u000A); carriage returns are
// dropped so Windows line endings become plain newlines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Normalises user text before it is stored: control characters other than newlines and tabs are
 * removed and the ends trimmed. Text is otherwise stored as given (no HTML escaping here): the API
 * returns JSON and the web app escapes on render.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').trim();
}

/** For one-line fields (names, titles): newlines and tabs become single spaces too. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}
