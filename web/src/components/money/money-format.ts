import { formatRelative } from '../../lib/format.ts';

/** "Thu 26 Nov, 14:05 (in 3 days)": a deadline as a date and as a distance, in the viewer's zone. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${date} (${formatRelative(iso, now)})`;
}

/** "Thu 26 Nov": a day in the viewer's zone. */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** A money input's value (dollars, maybe a string while typing) as whole cents, or null. */
export function inputToCents(value: string | number): number | null {
  const amount = typeof value === 'number' ? value : Number.parseFloat(value);
  if (!Number.isFinite(amount)) return null;
  return Math.round(amount * 100);
}
