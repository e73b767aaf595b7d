import { DAY } from '../../platform/clock.ts';

/**
 * Report weeks are ISO weeks, Monday to Sunday in UTC, named like "2026-W03". A week is known by
 * its Monday as YYYY-MM-DD (what the database stores).
 */
export const WEEK_MS = 7 * DAY;

/** The Monday 00:00 UTC that starts the week containing `at`. */
export function weekStartOf(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY);
}

export const isoDate = (at: Date): string => at.toISOString().slice(0, 10);

export const mondayOf = (weekStart: string): Date => new Date(`${weekStart}T00:00:00.000Z`);

/** "2026-W03" for the week starting on this Monday (the ISO year is the year of its Thursday). */
export function weekLabel(weekStart: string): string {
  const thursday = new Date(mondayOf(weekStart).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const firstThursdayWeek = weekStartOf(new Date(Date.UTC(year, 0, 4)));
  const week = Math.round((mondayOf(weekStart).getTime() - firstThursdayWeek.getTime()) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const LABEL = /^(\d{4})-W(\d{2})$/;

/** The Monday of an ISO week label, or null if the label names no week. */
export function parseWeekLabel(label: string): string | null {
  const match = LABEL.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1) return null;
  const monday = new Date(weekStartOf(new Date(Date.UTC(year, 0, 4))).getTime() + (week - 1) * WEEK_MS);
  const start = isoDate(monday);
  return weekLabel(start) === label ? start : null;
}

/** When a week ends: the next Monday 00:00 UTC. */
export const weekEnd = (weekStart: string): Date => new Date(mondayOf(weekStart).getTime() + WEEK_MS);
