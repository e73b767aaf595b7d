import type { JobTerms, OfferState, ProposalState } from '../../api/hiring-queries.ts';
import { formatMoney, formatRate } from '../../lib/format.ts';

export const durationLabels = {
  less_than_1_month: 'Less than 1 month',
  '1_to_3_months': '1 to 3 months',
  '3_to_6_months': '3 to 6 months',
  more_than_6_months: 'More than 6 months',
} as const;
export type Duration = keyof typeof durationLabels;

export const experienceLabels = {
  entry: 'Entry level',
  intermediate: 'Intermediate',
  expert: 'Expert',
} as const;
export type Experience = keyof typeof experienceLabels;

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/** "Fixed price · $1,500" or "Hourly · $40.00/hr to $60.00/hr". */
export function termsSummary(terms: JobTerms): string {
  if (terms.type === 'fixed') {
    return terms.budgetCents === null
      ? 'Fixed price'
      : `Fixed price · ${formatMoney(terms.budgetCents, terms.currency)}`;
  }
  const low = terms.hourlyMinCents;
  const high = terms.hourlyMaxCents;
  if (low !== null && high !== null && low !== high) {
    return `Hourly · ${formatMoney(low, terms.currency)} to ${formatRate(high, terms.currency)}`;
  }
  const one = low ?? high;
  return one === null ? 'Hourly' : `Hourly · ${formatRate(one, terms.currency)}`;
}

/** "20 hrs/week · 1 to 3 months · Expert". */
export function termsDetails(terms: JobTerms): string {
  return [
    terms.type === 'hourly' && terms.hoursPerWeek ? `${terms.hoursPerWeek} hrs/week` : null,
    terms.duration ? durationLabels[terms.duration] : null,
    experienceLabels[terms.experienceLevel],
  ]
    .filter(Boolean)
    .join(' · ');
}

type Badge = { label: string; color: string };

export const jobStateBadges: Record<'draft' | 'open' | 'closed', Badge> = {
  draft: { label: 'Draft', color: 'gray' },
  open: { label: 'Open', color: 'teal' },
  closed: { label: 'Closed', color: 'dark' },
};

export const proposalStateBadges: Record<ProposalState, Badge> = {
  submitted: { label: 'Submitted', color: 'blue' },
  shortlisted: { label: 'Shortlisted', color: 'indigo' },
  archived: { label: 'Archived', color: 'gray' },
  interviewing: { label: 'Interviewing', color: 'violet' },
  declined: { label: 'Declined', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  hired: { label: 'Hired', color: 'teal' },
};

export const offerStateBadges: Record<OfferState, Badge> = {
  pending: { label: 'Awaiting answer', color: 'blue' },
  accepted: { label: 'Accepted', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  expired: { label: 'Expired', color: 'gray' },
};

/** The whole size of a file, readable: "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** A calendar date without a time ("2026-12-31") as the viewer reads dates; no time zone shift. */
export function formatCalendarDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(year, month - 1, day));
}
