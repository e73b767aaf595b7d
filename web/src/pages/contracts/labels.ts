import { formatRelative } from '../../lib/format.ts';

/** A state is a coloured badge with a word, never a colour alone. */
export const milestoneStates: Record<string, { label: string; color: string }> = {
  not_funded: { label: 'Not funded', color: 'gray' },
  funded: { label: 'Funded', color: 'blue' },
  submitted: { label: 'Submitted', color: 'violet' },
  changes_requested: { label: 'Changes requested', color: 'orange' },
  approved: { label: 'Paid', color: 'teal' },
  refunded: { label: 'Refunded', color: 'gray' },
};

export const contractStates: Record<string, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  ending: { label: 'Ending', color: 'orange' },
  ending_disputed: { label: 'In dispute', color: 'red' },
  ended: { label: 'Ended', color: 'gray' },
};

export const changeStates: Record<string, { label: string; color: string }> = {
  pending: { label: 'Waiting for an answer', color: 'orange' },
  accepted: { label: 'Accepted', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};

export const taskStates: Record<string, { label: string; color: string }> = {
  todo: { label: 'To do', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
};

const utcFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const localFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A deadline defined in UTC (review windows): "Fri 27 Nov, 23:59 UTC (Sat 27 Nov, 00:59 your time),
 * in 3 days". `now` is the server's reading, so a moved test clock still reads right.
 */
export function formatDeadline(iso: string, now: Date): string {
  const at = new Date(iso);
  return `${utcFormat.format(at)} UTC (${localFormat.format(at)} your time), ${formatRelative(iso, now)}`;
}

/** A due date (a calendar day): "1 Feb 2026, in 3 days" / "3 days ago". */
export function formatDueDate(day: string, now: Date): string {
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((new Date(`${day}T00:00:00Z`).getTime() - startOfToday) / 86_400_000);
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const relative = Math.abs(days) < 14 ? words.format(days, 'day') : words.format(Math.round(days / 7), 'week');
  return `${date} (${relative})`;
}
