import { z } from 'zod';
import { jobLimits, proposalRangeKeys, visibilities } from './limits.ts';
import { JobTermsResponse } from './schemas.ts';
import { JobSearchParams } from './search-params.ts';

const SkillView = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
const CategoryView = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const JobSearchItemResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    snippet: z.string().describe('The start of the description'),
    terms: JobTermsResponse,
    visibility: z.enum(visibilities),
    category: CategoryView,
    skills: z.array(SkillView),
    proposals: z.string().describe('A range, e.g. "5 to 10"'),
    proposalsRange: z.enum(proposalRangeKeys),
    client: z.object({ paymentVerified: z.boolean(), hasHires: z.boolean(), country: z.string().nullable() }),
    postedAt: z.iso.datetime(),
  })
  .meta({ id: 'JobSearchItem' });

export const JobSearchResponse = z
  .object({
    items: z.array(JobSearchItemResponse),
    nextCursor: z.string().nullable(),
    mode: z
      .enum(['browse', 'text', 'fuzzy'])
      .describe('fuzzy: the words found little, so titles with similar words (typos) were added'),
    sort: z.enum(['relevance', 'newest']),
  })
  .meta({ id: 'JobSearchResult' });

export const FeedQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });

export const FeedResponse = z
  .object({
    items: z.array(
      z
        .object({
          job: JobSearchItemResponse,
          score: z.number().int().describe('Higher is a better match'),
          why: z.array(z.string()).describe('Why this job matched, in plain words'),
        })
        .meta({ id: 'FeedItem' }),
    ),
  })
  .meta({ id: 'JobFeed' });

export const SavedSearchParams = z.object({ id: z.uuid() });

export const CreateSavedSearchRequest = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the search.')
      .max(jobLimits.savedSearchNameMax, `Use at most ${jobLimits.savedSearchNameMax} characters.`),
    query: JobSearchParams,
  })
  .meta({ id: 'CreateSavedSearchRequest' });
export type CreateSavedSearchInput = z.output<typeof CreateSavedSearchRequest>;

export const SavedSearchResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.record(z.string(), z.unknown()).describe('The search parameters, as for GET /api/jobs/search'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SavedSearch' });

export const SavedSearchListResponse = z
  .object({ items: z.array(SavedSearchResponse) })
  .meta({ id: 'SavedSearchList' });
