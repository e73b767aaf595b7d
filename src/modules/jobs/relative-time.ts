const units: [ms: number, one: string, many: string][] = [
  [365 * 86_400_000, 'year', 'years'],
  [30 * 86_400_000, 'month', 'months'],
  [7 * 86_400_000, 'week', 'weeks'],
  [86_400_000, 'day', 'days'],
  [3_600_000, 'hour', 'hours'],
  [60_000, 'minute', 'minutes'],
];

/** "2 hours ago", "yesterday"-free and locale-free: the web app may localize from the timestamp. */
export function timeAgo(then: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - then.getTime());
  for (const [ms, one, many] of units) {
    const count = Math.floor(elapsed / ms);
    if (count >= 1) return `${count} ${count === 1 ? one : many} ago`;
  }
  return 'just now';
}
