/** Money arrives as integer cents with a currency; it is only ever divided here, for display. */
export function formatMoney(cents: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** Cents to the major unit for an input field, and back, without floating-point drift. */
export function centsToAmount(cents: number): number {
  return cents / 100;
}

export function amountToCents(amount: number): number {
  return Math.round(amount * 100);
}

export function formatRate(cents: number, currency: string): string {
  return `${formatMoney(cents, currency)}/hr`;
}

/** A calendar date in the viewer's time zone: "12 Mar 2025". */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "in 2 days"; under a minute is "just now". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** The wall-clock time in another time zone: "3:42 PM". */
export function formatLocalTime(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return '';
  }
}

const regionNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : null;

/** "DE" becomes "Germany"; free text is shown as typed. */
export function countryName(country: string | null | undefined): string {
  if (!country) return '';
  if (/^[A-Z]{2}$/.test(country)) {
    try {
      return regionNames?.of(country) ?? country;
    } catch {
      return country;
    }
  }
  return country;
}

export function formatLocation(location: { country?: string | null; city?: string | null }): string {
  return [location.city, countryName(location.country)].filter(Boolean).join(', ');
}

/** "Ada Lovelace" becomes "AL", for avatars. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}
