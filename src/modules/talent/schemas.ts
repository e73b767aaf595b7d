import { z } from 'zod';
import { availabilities } from '../profiles/limits.ts';

const list = <O extends string>(item: z.ZodType<O, string>, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(','))
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(item).max(max, `Use at most ${max} values.`));

const cents = z.coerce.number().int('Use whole cents.').min(0).max(10_000_000);

export const TalentSearchQuery = z.object({
  q: z.string().max(200).optional().describe('Words in the name, title, skills or overview'),
  skills: list(z.uuid(), 15).optional().describe('Freelancers with any of these skills'),
  hourlyMinCents: cents.optional(),
  hourlyMaxCents: cents.optional(),
  currency: z.string().length(3).toUpperCase().default('USD').describe('The currency of the rate range'),
  country: list(z.string().regex(/^[A-Za-z]{2}$/, 'Use two-letter ISO country codes, e.g. DE.'), 20).optional(),
  availability: list(z.enum(availabilities), availabilities.length).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TalentSearchInput = z.output<typeof TalentSearchQuery>;

const Skill = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const TalentSearchItem = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    title: z.string(),
    hourlyRateCents: z.number().int().nullable(),
    currency: z.string(),
    location: z.object({ country: z.string().nullable(), city: z.string().nullable() }),
    timeZone: z.string(),
    availability: z.enum(availabilities),
    skills: z.array(Skill),
    memberSince: z.iso.datetime(),
    lastActiveAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TalentSearchItem' });

export const TalentSearchResponse = z
  .object({ items: z.array(TalentSearchItem), nextCursor: z.string().nullable() })
  .meta({ id: 'TalentSearchResult' });
