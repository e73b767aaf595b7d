import type { WithdrawalFrequency } from './tables.ts';

/**
 * When scheduled withdrawals run, all at 00:00 UTC: weekly on Wednesdays, twice a month on the 1st
 * and the 16th, monthly on the 1st. (Upwork runs its schedules on Wednesdays; the twice-monthly
 * and monthly days here are calendar days so a month never gets three runs.)
 */
export const frequencyLabels: Record<WithdrawalFrequency, string> = {
  weekly: 'Weekly (Wednesdays)',
  twice_monthly: 'Twice a month (1st and 16th)',
  monthly: 'Monthly (1st)',
};

const WEDNESDAY = 3;

/** The first run strictly after `after`. */
export function nextScheduledRun(frequency: WithdrawalFrequency, after: Date): Date {
  const year = after.getUTCFullYear();
  const month = after.getUTCMonth();
  const day = after.getUTCDate();
  const candidates: Date[] = [];
  if (frequency === 'weekly') {
    const daysAhead = (WEDNESDAY - after.getUTCDay() + 7) % 7;
    for (const extra of [0, 7]) candidates.push(new Date(Date.UTC(year, month, day + daysAhead + extra)));
  } else {
    const days = frequency === 'twice_monthly' ? [1, 16] : [1];
    for (const monthOffset of [0, 1]) {
      for (const dayOfMonth of days) candidates.push(new Date(Date.UTC(year, month + monthOffset, dayOfMonth)));
    }
  }
  const next = candidates.find((candidate) => candidate.getTime() > after.getTime());
  if (!next) throw new Error('no next run found');
  return next;
}
