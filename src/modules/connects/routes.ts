import type { App } from '../../server/module.ts';
import { getConnects } from './get-connects.ts';
import { presentConnects, presentLot } from './present.ts';
import { purchaseConnects } from './purchase-connects.ts';
import { connectsRules } from './rules.ts';
import { ConnectsListQuery, ConnectsResponse, PurchaseConnectsRequest, PurchaseConnectsResponse } from './schemas.ts';

const tags = ['connects'];

export function registerConnectsRoutes(app: App): void {
  app.get(
    '/api/connects',
    {
      schema: {
        tags,
        summary: 'Your Connects: balance, lots with expiry, history',
        querystring: ConnectsListQuery,
        response: { 200: ConnectsResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => presentConnects(await getConnects(req.ctx, req.query)),
  );

  app.post(
    '/api/connects/purchase',
    {
      schema: {
        tags,
        summary: 'Buy a bundle of Connects with a billing method (Idempotency-Key header required)',
        body: PurchaseConnectsRequest,
        response: { 201: PurchaseConnectsResponse },
      },
      config: { auth: 'freelancer', idempotent: true },
    },
    async (req, reply) => {
      const { lot, priceCents, balance } = await purchaseConnects(req.ctx, {
        ...req.body,
        idempotencyKey: req.idempotencyKey ?? '',
      });
      return reply
        .status(201)
        .send({ lot: presentLot(lot), priceCents, currency: connectsRules.priceCurrency, balance });
    },
  );
}
