import { z } from 'zod';
import type { App } from '../../server/module.ts';
import { addPayoutMethod } from './add-payout-method.ts';
import { getEarningsSummary } from './earnings-summary.ts';
import { listPayoutMethods } from './list-payout-methods.ts';
import { listWithdrawals } from './list-withdrawals.ts';
import { describePayoutOptions } from './method-types.ts';
import { presentPayoutMethod, presentSchedule, presentWithdrawal } from './present.ts';
import { removePayoutMethod } from './remove-payout-method.ts';
import {
  AddPayoutMethodRequest,
  CreateWithdrawalRequest,
  EarningsSummaryResponse,
  IdempotencyHeaders,
  IdParams,
  PayoutMethodListResponse,
  PayoutMethodResponse,
  PayoutMethodTypeListResponse,
  WithdrawalListQuery,
  WithdrawalListResponse,
  WithdrawalResponse,
  WithdrawalScheduleEnvelope,
  WithdrawalScheduleRequest,
  WithdrawalScheduleResponse,
} from './schemas.ts';
import { withdraw } from './withdraw.ts';
import { getWithdrawalSchedule, setWithdrawalSchedule, stopWithdrawalSchedule } from './withdrawal-schedule.ts';

const tags = ['payouts'];

export function payoutRoutes(app: App): void {
  app.get(
    '/api/payouts/method-types',
    {
      schema: {
        tags,
        summary: 'Payout methods on offer: fee, minimum and delay of each',
        response: { 200: PayoutMethodTypeListResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => describePayoutOptions(req.ctx),
  );

  app.get(
    '/api/payouts/summary',
    {
      schema: {
        tags,
        summary: 'Pending, available, in flight and lifetime earnings',
        response: { 200: EarningsSummaryResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const summary = await getEarningsSummary(req.ctx);
      return {
        ...summary,
        asOf: req.ctx.clock.now().toISOString(),
        upcoming: summary.upcoming.map((item) => ({ ...item, availableAt: item.availableAt.toISOString() })),
      };
    },
  );

  app.get(
    '/api/payouts/methods',
    {
      schema: { tags, summary: 'Your payout methods', response: { 200: PayoutMethodListResponse } },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const now = req.ctx.clock.now();
      return { items: (await listPayoutMethods(req.ctx)).map((method) => presentPayoutMethod(method, now)) };
    },
  );

  app.post(
    '/api/payouts/methods',
    {
      schema: {
        tags,
        summary: 'Add a payout method (usable after a 3-day hold)',
        body: AddPayoutMethodRequest,
        response: { 201: PayoutMethodResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) =>
      reply.status(201).send(presentPayoutMethod(await addPayoutMethod(req.ctx, req.body), req.ctx.clock.now())),
  );

  app.delete(
    '/api/payouts/methods/:id',
    {
      schema: { tags, summary: 'Remove a payout method', params: IdParams, response: { 204: z.null() } },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => {
      await removePayoutMethod(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/payouts/withdrawals',
    {
      schema: {
        tags,
        summary: 'Your withdrawals, newest first',
        querystring: WithdrawalListQuery,
        response: { 200: WithdrawalListResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const page = await listWithdrawals(req.ctx, req.query);
      return {
        items: page.items.map(({ withdrawal, method }) => presentWithdrawal(withdrawal, method)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/api/payouts/withdrawals',
    {
      schema: {
        tags,
        summary: 'Withdraw from your available balance (Idempotency-Key header required)',
        headers: IdempotencyHeaders,
        body: CreateWithdrawalRequest,
        response: { 201: WithdrawalResponse },
      },
      config: { auth: 'freelancer', idempotent: true },
    },
    async (req, reply) => {
      const { withdrawal, method } = await withdraw(req.ctx, {
        ...req.body,
        idempotencyKey: req.headers['idempotency-key'],
      });
      return reply.status(201).send(presentWithdrawal(withdrawal, method));
    },
  );

  app.get(
    '/api/payouts/schedule',
    {
      schema: { tags, summary: 'Your withdrawal schedule', response: { 200: WithdrawalScheduleEnvelope } },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const schedule = await getWithdrawalSchedule(req.ctx);
      return { schedule: schedule ? presentSchedule(schedule) : null };
    },
  );

  app.put(
    '/api/payouts/schedule',
    {
      schema: {
        tags,
        summary: 'Set your withdrawal schedule (weekly, twice a month or monthly, with a threshold)',
        body: WithdrawalScheduleRequest,
        response: { 200: WithdrawalScheduleResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => presentSchedule(await setWithdrawalSchedule(req.ctx, req.body)),
  );

  app.delete(
    '/api/payouts/schedule',
    {
      schema: { tags, summary: 'Stop your withdrawal schedule', response: { 204: z.null() } },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => {
      await stopWithdrawalSchedule(req.ctx);
      return reply.status(204).send(null);
    },
  );
}
