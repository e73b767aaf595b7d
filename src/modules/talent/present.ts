import type { z } from 'zod';
import type { FreelancerSummary } from '../profiles/summaries.ts';
import type { TalentSearchItem } from './schemas.ts';

export function presentTalent(summary: FreelancerSummary): z.input<typeof TalentSearchItem> {
  return {
    userId: summary.userId,
    name: summary.name,
    title: summary.title,
    hourlyRateCents: summary.hourlyRateCents,
    currency: summary.currency,
    location: summary.location,
    timeZone: summary.timeZone,
    availability: summary.availability,
    skills: summary.skills,
    memberSince: summary.memberSince.toISOString(),
    lastActiveAt: summary.lastActiveAt ? summary.lastActiveAt.toISOString() : null,
  };
}
