import type { App } from '../../server/module.ts';
import { presentTalent } from './present.ts';
import { TalentSearchQuery, TalentSearchResponse } from './schemas.ts';
import { searchTalent } from './search-talent.ts';

export function talentRoutes(app: App): void {
  app.get(
    '/api/talent/search',
    {
      schema: {
        tags: ['talent'],
        summary: 'Search freelancers',
        querystring: TalentSearchQuery,
        response: { 200: TalentSearchResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => {
      const page = await searchTalent(req.ctx, req.query);
      return { items: page.items.map(presentTalent), nextCursor: page.nextCursor };
    },
  );
}
