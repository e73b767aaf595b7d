/** Money in messages and emails the server writes (the web app formats in the viewer's locale). */
export function moneyText(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** "Tue, 20 Jan 2026 14:00 UTC": dates in server-written text are always UTC and say so. */
export function utcText(at: Date): string {
  return at.toUTCString().replace(/:\d\d GMT$/, ' UTC');
}
