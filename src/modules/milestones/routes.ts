import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../../server/context.ts';
import type { App } from '../../server/module.ts';
import { approveMilestone } from './approve-milestone.ts';
import { getContractOverview } from './contract-overview.ts';
import { endContract } from './end-contract.ts';
import { fundMilestone } from './fund-milestone.ts';
import { listContractPayments } from './list-contract-payments.ts';
import { payBonus } from './pay-bonus.ts';
import { presentMovement, presentOverview, presentPayment, presentRefund } from './present.ts';
import { refundPayment } from './refund-payment.ts';
import { requestChanges } from './request-changes.ts';
import { respondToEnd } from './respond-to-end.ts';
import {
  ApproveMilestoneRequest,
  BonusRequest,
  ContractMovementListResponse,
  ContractOverviewResponse,
  ContractParams,
  ContractPaymentResponse,
  EndContractRequest,
  EndResponseRequest,
  FundMilestoneRequest,
  MilestoneParams,
  RefundRequest,
  RefundResponse,
  RequestChangesRequest,
  SubmitMilestoneRequest,
} from './schemas.ts';
import { submitMilestone } from './submit-milestone.ts';

const tags = ['contracts'];

/** The Workroom's state after an action, as the acting party now sees it. */
const overviewAfter = async (ctx: Ctx, contractId: string) =>
  presentOverview(await getContractOverview(ctx, contractId));
const keyOf = (req: FastifyRequest) => req.idempotencyKey ?? '';

export function registerLifecycleRoutes(app: App): void {
  app.get(
    '/api/contracts/:id/overview',
    {
      schema: {
        tags,
        summary:
          'The fixed-price lifecycle: milestones with escrow and submissions, payments, the end, your next action',
        params: ContractParams,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => overviewAfter(req.ctx, req.params.id),
  );

  app.post(
    '/api/contracts/:id/milestones/:mid/fund',
    {
      schema: {
        tags,
        summary: 'Fund a milestone into escrow (client; amount + marketplace fee; Idempotency-Key required)',
        params: MilestoneParams,
        body: FundMilestoneRequest,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req) => {
      await fundMilestone(req.ctx, {
        contractId: req.params.id,
        milestoneId: req.params.mid,
        billingMethodId: req.body.billingMethodId,
        requestKey: keyOf(req),
      });
      return overviewAfter(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/contracts/:id/milestones/:mid/submit',
    {
      schema: {
        tags,
        summary: 'Submit work for approval (freelancer): a message, files and each acceptance criterion checked',
        params: MilestoneParams,
        body: SubmitMilestoneRequest,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => {
      await submitMilestone(req.ctx, { contractId: req.params.id, milestoneId: req.params.mid, ...req.body });
      return overviewAfter(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/contracts/:id/milestones/:mid/request-changes',
    {
      schema: {
        tags,
        summary: 'Send submitted work back, saying what must change (client)',
        params: MilestoneParams,
        body: RequestChangesRequest,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => {
      await requestChanges(req.ctx, {
        contractId: req.params.id,
        milestoneId: req.params.mid,
        message: req.body.message,
      });
      return overviewAfter(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/contracts/:id/milestones/:mid/approve',
    {
      schema: {
        tags,
        summary: 'Approve submitted work and pay (client; all of the escrow or less; Idempotency-Key required)',
        params: MilestoneParams,
        body: ApproveMilestoneRequest,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req) => {
      await approveMilestone(req.ctx, { contractId: req.params.id, milestoneId: req.params.mid, ...req.body });
      return overviewAfter(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/contracts/:id/bonus',
    {
      schema: {
        tags,
        summary: 'Pay the freelancer a bonus (client; plus marketplace fee; Idempotency-Key required)',
        params: ContractParams,
        body: BonusRequest,
        response: { 201: ContractPaymentResponse },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req, reply) => {
      const payment = await payBonus(req.ctx, { contractId: req.params.id, ...req.body, requestKey: keyOf(req) });
      return reply.status(201).send(presentPayment(payment, req.ctx.clock.now()));
    },
  );

  app.post(
    '/api/contracts/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Refund part or all of a payment received in the last 180 days (freelancer; Idempotency-Key required)',
        params: ContractParams,
        body: RefundRequest,
        response: { 201: RefundResponse },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req, reply) => {
      const { refund, payment } = await refundPayment(req.ctx, {
        contractId: req.params.id,
        ...req.body,
        requestKey: keyOf(req),
      });
      return reply.status(201).send(presentRefund(refund, payment, req.ctx.clock.now()));
    },
  );

  app.post(
    '/api/contracts/:id/end',
    {
      schema: {
        tags,
        summary:
          'End the contract (either party); money in escrow waits for the freelancer’s answer (Idempotency-Key required)',
        params: ContractParams,
        body: EndContractRequest,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req) => {
      await endContract(req.ctx, { contractId: req.params.id, reason: req.body.reason });
      return overviewAfter(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/contracts/:id/end/respond',
    {
      schema: {
        tags,
        summary:
          'Answer an end: refund the escrow to the client, or keep it for a dispute (freelancer; Idempotency-Key required)',
        params: ContractParams,
        body: EndResponseRequest,
        response: { 200: ContractOverviewResponse },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req) => {
      await respondToEnd(req.ctx, { contractId: req.params.id, ...req.body });
      return overviewAfter(req.ctx, req.params.id);
    },
  );

  app.get(
    '/api/contracts/:id/payments',
    {
      schema: {
        tags,
        summary: 'The contract’s money movements, oldest first (its parties and operators)',
        params: ContractParams,
        response: { 200: ContractMovementListResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => ({ items: (await listContractPayments(req.ctx, req.params.id)).map(presentMovement) }),
  );
}
