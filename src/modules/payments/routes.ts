import { z } from 'zod';
import type { App } from '../../server/module.ts';
import { addBillingMethod } from './add-billing-method.ts';
import { addFunds } from './add-funds.ts';
import { listBillingMethods } from './list-billing-methods.ts';
import { listCharges } from './list-charges.ts';
import { presentBillingMethod, presentCharge } from './present.ts';
import { removeBillingMethod } from './remove-billing-method.ts';
import {
  AddBillingMethodRequest,
  BillingMethodListResponse,
  BillingMethodParams,
  BillingMethodResponse,
  ChargeListQuery,
  ChargeListResponse,
  ChargeResponse,
  CreateChargeRequest,
  VerifyBankAccountRequest,
} from './schemas.ts';
import { setDefaultBillingMethod } from './set-default-billing-method.ts';
import { verifyBankAccount } from './verify-bank-account.ts';

const tags = ['payments'];
/** Freelancers keep billing methods too: they pay for Connects with them. */
const BILLING_METHOD_OWNERS = ['client', 'freelancer'] as const;

export function paymentRoutes(app: App): void {
  app.get(
    '/api/billing-methods',
    {
      schema: { tags, summary: 'Your billing methods', response: { 200: BillingMethodListResponse } },
      config: { auth: BILLING_METHOD_OWNERS },
    },
    async (req) => {
      const { methods, paymentVerified } = await listBillingMethods(req.ctx);
      return { items: methods.map(presentBillingMethod), paymentVerified };
    },
  );

  app.post(
    '/api/billing-methods',
    {
      schema: {
        tags,
        summary: 'Add a card, PayPal account or US bank account',
        body: AddBillingMethodRequest,
        response: { 201: BillingMethodResponse },
      },
      config: { auth: BILLING_METHOD_OWNERS },
    },
    async (req, reply) => reply.status(201).send(presentBillingMethod(await addBillingMethod(req.ctx, req.body))),
  );

  app.post(
    '/api/billing-methods/:id/verify',
    {
      schema: {
        tags,
        summary: 'Confirm a bank account with its two micro-deposits',
        params: BillingMethodParams,
        body: VerifyBankAccountRequest,
        response: { 200: BillingMethodResponse },
      },
      config: { auth: BILLING_METHOD_OWNERS },
    },
    async (req) =>
      presentBillingMethod(
        await verifyBankAccount(req.ctx, { billingMethodId: req.params.id, amountsCents: req.body.amountsCents }),
      ),
  );

  app.post(
    '/api/billing-methods/:id/default',
    {
      schema: {
        tags,
        summary: 'Make a billing method your default',
        params: BillingMethodParams,
        response: { 200: BillingMethodResponse },
      },
      config: { auth: BILLING_METHOD_OWNERS },
    },
    async (req) => presentBillingMethod(await setDefaultBillingMethod(req.ctx, req.params.id)),
  );

  app.delete(
    '/api/billing-methods/:id',
    {
      schema: { tags, summary: 'Remove a billing method', params: BillingMethodParams, response: { 204: z.null() } },
      config: { auth: BILLING_METHOD_OWNERS },
    },
    async (req, reply) => {
      await removeBillingMethod(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/payments/charges',
    {
      schema: {
        tags,
        summary: 'Add funds: charge a billing method (Idempotency-Key header required)',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(255) }).loose(),
        body: CreateChargeRequest,
        response: { 201: ChargeResponse },
      },
      config: { auth: 'client', idempotent: true },
    },
    async (req, reply) => {
      const idempotencyKey = req.idempotencyKey ?? req.headers['idempotency-key'];
      const charge = await addFunds(req.ctx, { ...req.body, idempotencyKey });
      return reply.status(201).send(presentCharge(charge));
    },
  );

  app.get(
    '/api/payments/charges',
    {
      schema: {
        tags,
        summary: 'Your charges, newest first',
        querystring: ChargeListQuery,
        response: { 200: ChargeListResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => ({ items: (await listCharges(req.ctx, req.query)).map(presentCharge) }),
  );
}
