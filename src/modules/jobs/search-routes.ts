import { z } from 'zod';
import type { App } from '../../server/module.ts';
import { createSavedSearch, type SavedSearchRow } from './create-saved-search.ts';
import { deleteSavedSearch } from './delete-saved-search.ts';
import { getBestMatches } from './get-best-matches.ts';
import { listSavedSearches } from './list-saved-searches.ts';
import { presentSearchHit } from './present-search.ts';
import { searchJobs } from './search-jobs.ts';
import { JobSearchQuery } from './search-params.ts';
import {
  CreateSavedSearchRequest,
  FeedQuery,
  FeedResponse,
  JobSearchResponse,
  SavedSearchListResponse,
  SavedSearchParams,
  SavedSearchResponse,
} from './search-schemas.ts';

const tags = ['job search'];

const presentSavedSearch = (row: SavedSearchRow) => ({
  id: row.id,
  name: row.name,
  query: row.query,
  createdAt: row.createdAt.toISOString(),
});

export function jobSearchRoutes(app: App): void {
  app.get(
    '/api/jobs/search',
    {
      schema: {
        tags,
        summary: 'Search open jobs by words and filters',
        querystring: JobSearchQuery,
        response: { 200: JobSearchResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const page = await searchJobs(req.ctx, req.query);
      return { ...page, items: page.items.map(presentSearchHit) };
    },
  );

  app.get(
    '/api/jobs/feed',
    {
      schema: {
        tags,
        summary: 'Best matches: open jobs ranked for you, with why each matched',
        querystring: FeedQuery,
        response: { 200: FeedResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const items = await getBestMatches(req.ctx, req.query);
      return { items: items.map((item) => ({ job: presentSearchHit(item.hit), score: item.score, why: item.why })) };
    },
  );

  app.post(
    '/api/saved-searches',
    {
      schema: {
        tags,
        summary: 'Save a search; new jobs matching it notify you',
        body: CreateSavedSearchRequest,
        response: { 201: SavedSearchResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => reply.status(201).send(presentSavedSearch(await createSavedSearch(req.ctx, req.body))),
  );

  app.get(
    '/api/saved-searches',
    {
      schema: { tags, summary: 'Your saved searches', response: { 200: SavedSearchListResponse } },
      config: { auth: 'freelancer' },
    },
    async (req) => ({ items: (await listSavedSearches(req.ctx)).map(presentSavedSearch) }),
  );

  app.delete(
    '/api/saved-searches/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of your saved searches',
        params: SavedSearchParams,
        response: { 204: z.null().describe('Deleted') },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => {
      await deleteSavedSearch(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
