import { z } from 'zod';
import { cleanLine } from '../profiles/text.ts';
import { experienceLevels, jobLimits, jobTypes, proposalRangeKeys } from './limits.ts';

/** A list parameter: repeated (`?skills=a&skills=b`), comma-separated (`?skills=a,b`) or a JSON array. */
const list = <O extends string>(item: z.ZodType<O, string>, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(','))
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(item).max(max, `Use at most ${max} values.`));

/** `true`/`false` from a query string or JSON; a filter that is off is the same as absent. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

const centsFilter = z.coerce.number().int('Use whole cents.').min(0).max(100_000_000);

export const postedWithinValues = ['24h', '3d', '7d', '30d'] as const;
export type PostedWithin = (typeof postedWithinValues)[number];
export const postedWithinMs: Record<PostedWithin, number> = {
  '24h': 86_400_000,
  '3d': 3 * 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/**
 * What a job search asks for. The same schema reads a query string (GET /api/jobs/search) and a
 * saved search's JSON, so a saved search runs exactly as the search it was saved from.
 */
export const JobSearchParams = z
  .object({
    q: z
      .string()
      .max(jobLimits.searchQueryMax, `Use at most ${jobLimits.searchQueryMax} characters.`)
      .transform(cleanLine)
      .optional()
      .describe('Words to find; supports "quoted phrases", OR and -excluded words'),
    category: z.uuid().optional(),
    skills: list(z.uuid(), jobLimits.skillsMax).optional().describe('Jobs with any of these skills'),
    type: z.enum(jobTypes).optional(),
    budgetMinCents: centsFilter.optional().describe('Fixed-price jobs with at least this budget'),
    budgetMaxCents: centsFilter.optional(),
    hourlyMinCents: centsFilter.optional().describe('Hourly jobs paying up to at least this rate'),
    hourlyMaxCents: centsFilter.optional(),
    experience: list(z.enum(experienceLevels), experienceLevels.length).optional(),
    paymentVerified: flag.optional().describe('Only clients with a verified billing method'),
    clientHasHires: flag.optional().describe('Only clients who have hired before'),
    proposals: list(z.enum(proposalRangeKeys), proposalRangeKeys.length)
      .optional()
      .describe('Proposal count ranges: lt5, 5to10, 10to15, 15to20, 20to50, 50plus'),
    postedWithin: z.enum(postedWithinValues).optional(),
    sort: z.enum(['relevance', 'newest']).optional().describe('Default: relevance with words, else newest'),
  })
  .meta({ id: 'JobSearchParams' });
export type JobSearchParamsInput = z.output<typeof JobSearchParams>;

export const JobSearchQuery = JobSearchParams.extend({
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type JobSearchQueryInput = z.output<typeof JobSearchQuery>;

/** Drops empty values so that saved searches store (and compare) only what was asked. */
export function normalizeSearchParams(params: JobSearchParamsInput): JobSearchParamsInput {
  const entries = Object.entries(params).filter(
    ([, value]) =>
      value !== undefined && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0),
  );
  return Object.fromEntries(entries) as JobSearchParamsInput;
}
