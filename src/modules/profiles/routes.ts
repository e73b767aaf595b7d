import { z } from 'zod';
import type { App } from '../../server/module.ts';
import { addPortfolioItem } from './add-portfolio-item.ts';
import { deletePortfolioItem } from './delete-portfolio-item.ts';
import { getOwnClientProfile } from './get-own-client-profile.ts';
import { getOwnFreelancerProfile } from './get-own-freelancer-profile.ts';
import { getPublicClientCard } from './get-public-client-card.ts';
import { getPublicFreelancerProfile } from './get-public-freelancer-profile.ts';
import { getTaxonomy } from './get-taxonomy.ts';
import {
  presentClientProfile,
  presentFreelancerProfile,
  presentPortfolioItem,
  presentPublicClientCard,
  presentPublicFreelancer,
} from './present.ts';
import { saveClientProfile } from './save-client-profile.ts';
import { saveFreelancerProfile } from './save-freelancer-profile.ts';
import {
  AddPortfolioItemRequest,
  ClientProfileResponse,
  FreelancerProfileResponse,
  PortfolioItemParams,
  PortfolioItemResponse,
  PublicClientCardResponse,
  PublicFreelancerProfileResponse,
  SaveClientProfileRequest,
  SaveFreelancerProfileRequest,
  SkillSearchQuery,
  SkillSearchResponse,
  TaxonomyResponse,
  UpdatePortfolioItemRequest,
  UserIdParams,
} from './schemas.ts';
import { searchSkills } from './search-skills.ts';
import { updatePortfolioItem } from './update-portfolio-item.ts';

export function profileRoutes(app: App): void {
  app.get(
    '/api/taxonomy',
    {
      schema: { tags: ['profiles'], summary: 'Skill categories and their skills', response: { 200: TaxonomyResponse } },
      config: { auth: 'public' },
    },
    async (req) => ({ categories: await getTaxonomy(req.ctx.db) }),
  );

  app.get(
    '/api/skills',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Skill autocomplete',
        querystring: SkillSearchQuery,
        response: { 200: SkillSearchResponse },
      },
      config: { auth: 'public' },
    },
    async (req) => ({ skills: await searchSkills(req.ctx.db, req.query) }),
  );

  app.get(
    '/api/profiles/freelancer/me',
    {
      schema: { tags: ['profiles'], summary: 'Your freelancer profile', response: { 200: FreelancerProfileResponse } },
      config: { auth: 'freelancer' },
    },
    async (req) => presentFreelancerProfile(await getOwnFreelancerProfile(req.ctx)),
  );

  app.put(
    '/api/profiles/freelancer/me',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Save your freelancer profile',
        body: SaveFreelancerProfileRequest,
        response: { 200: FreelancerProfileResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => presentFreelancerProfile(await saveFreelancerProfile(req.ctx, req.body)),
  );

  app.post(
    '/api/profiles/freelancer/me/portfolio',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Add a portfolio item',
        body: AddPortfolioItemRequest,
        response: { 201: PortfolioItemResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => reply.status(201).send(presentPortfolioItem(await addPortfolioItem(req.ctx, req.body))),
  );

  app.patch(
    '/api/profiles/freelancer/me/portfolio/:id',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Change one of your portfolio items',
        params: PortfolioItemParams,
        body: UpdatePortfolioItemRequest,
        response: { 200: PortfolioItemResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => presentPortfolioItem(await updatePortfolioItem(req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/api/profiles/freelancer/me/portfolio/:id',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Remove one of your portfolio items',
        params: PortfolioItemParams,
        response: { 204: z.null().describe('Removed') },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => {
      await deletePortfolioItem(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/freelancers/:userId',
    {
      schema: {
        tags: ['profiles'],
        summary: "A freelancer's public profile",
        params: UserIdParams,
        response: { 200: PublicFreelancerProfileResponse },
      },
      config: { auth: 'public' },
    },
    async (req) => presentPublicFreelancer(await getPublicFreelancerProfile(req.ctx, req.params.userId)),
  );

  app.get(
    '/api/profiles/client/me',
    {
      schema: { tags: ['profiles'], summary: 'Your client profile', response: { 200: ClientProfileResponse } },
      config: { auth: 'client' },
    },
    async (req) => presentClientProfile(await getOwnClientProfile(req.ctx)),
  );

  app.put(
    '/api/profiles/client/me',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Save your client profile',
        body: SaveClientProfileRequest,
        response: { 200: ClientProfileResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => presentClientProfile(await saveClientProfile(req.ctx, req.body)),
  );

  app.get(
    '/api/clients/:userId',
    {
      schema: {
        tags: ['profiles'],
        summary: "A client's public card",
        params: UserIdParams,
        response: { 200: PublicClientCardResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentPublicClientCard(await getPublicClientCard(req.ctx, req.params.userId)),
  );
}
