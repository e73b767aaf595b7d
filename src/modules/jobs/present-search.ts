import type { z } from 'zod';
import { proposalRangeOf, type Visibility } from './limits.ts';
import { presentTerms } from './present.ts';
import type { JobSearchHit } from './search-jobs.ts';
import type { JobSearchItemResponse } from './search-schemas.ts';

export function presentSearchHit({ row, category }: JobSearchHit): z.input<typeof JobSearchItemResponse> {
  const range = proposalRangeOf(row.proposals_count);
  return {
    id: row.id,
    title: row.title,
    snippet: row.snippet,
    terms: presentTerms({
      type: row.type,
      currency: row.currency,
      budgetCents: row.budget_cents,
      hourlyMinCents: row.hourly_min_cents,
      hourlyMaxCents: row.hourly_max_cents,
      hoursPerWeek: row.hours_per_week,
      duration: row.duration,
      experienceLevel: row.experience_level,
    }),
    visibility: row.visibility as Visibility,
    category,
    skills: row.skills,
    proposals: range.label,
    proposalsRange: range.key,
    client: {
      paymentVerified: row.client_payment_verified,
      hasHires: row.client_has_hires,
      country: row.client_country,
    },
    postedAt: row.published_at.toISOString(),
  };
}
