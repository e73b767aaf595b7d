import type { App } from '../../server/module.ts';
import { ContractResponse, presentContract } from '../contracts/index.ts';
import { acceptOffer } from './accept-offer.ts';
import { declineOffer } from './decline-offer.ts';
import { getOffer } from './get-offer.ts';
import { listOffers } from './list-offers.ts';
import { presentOffer } from './present.ts';
import {
  DeclineOfferRequest,
  OfferListQuery,
  OfferListResponse,
  OfferParams,
  OfferResponse,
  SendOfferRequest,
} from './schemas.ts';
import { sendOffer } from './send-offer.ts';
import { withdrawOffer } from './withdraw-offer.ts';

const tags = ['offers'];

export function registerOfferRoutes(app: App): void {
  app.post(
    '/api/offers',
    {
      schema: {
        tags,
        summary:
          'Send an offer (fixed price: funds the first or every milestone into escrow; Idempotency-Key required)',
        body: SendOfferRequest,
        response: { 201: OfferResponse },
      },
      config: { auth: 'client', idempotent: true },
    },
    async (req, reply) =>
      reply.status(201).send(presentOffer(await sendOffer(req.ctx, req.body, req.idempotencyKey ?? ''))),
  );

  app.get(
    '/api/offers',
    {
      schema: {
        tags,
        summary: 'Offers you sent or received, newest first',
        querystring: OfferListQuery,
        response: { 200: OfferListResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => {
      const page = await listOffers(req.ctx, req.query);
      return { items: page.items.map(presentOffer), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/offers/:id',
    {
      schema: {
        tags,
        summary: 'An offer, with both sides’ fees (its client and freelancer)',
        params: OfferParams,
        response: { 200: OfferResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentOffer(await getOffer(req.ctx, req.params.id)),
  );

  app.post(
    '/api/offers/:id/accept',
    {
      schema: {
        tags,
        summary:
          'Accept an offer: creates the contract (Idempotency-Key required; accepting again returns the same contract)',
        params: OfferParams,
        response: { 200: ContractResponse },
      },
      config: { auth: 'freelancer', idempotent: true },
    },
    async (req) => presentContract(await acceptOffer(req.ctx, req.params.id)),
  );

  app.post(
    '/api/offers/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline an offer, with a reason (its escrow returns to the client)',
        params: OfferParams,
        body: DeclineOfferRequest,
        response: { 200: OfferResponse },
      },
      config: { auth: 'freelancer', idempotent: true },
    },
    async (req) => presentOffer(await declineOffer(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/offers/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a pending offer (its escrow returns to your funds)',
        params: OfferParams,
        response: { 200: OfferResponse },
      },
      config: { auth: 'client', idempotent: true },
    },
    async (req) => presentOffer(await withdrawOffer(req.ctx, req.params.id)),
  );
}
