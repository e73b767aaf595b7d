import type { App } from '../../server/module.ts';
import { addFeeSchedule } from './add-fee-schedule.ts';
import { feeScheduleInForce, listFeeSchedules } from './fee-schedules.ts';
import { presentFeeSchedule } from './present.ts';
import { previewFees } from './preview-fees.ts';
import {
  AddFeeScheduleRequest,
  FeePreviewRequest,
  FeePreviewResponse,
  FeeScheduleListResponse,
  FeeScheduleResponse,
} from './schemas.ts';

export function feeRoutes(app: App): void {
  app.post(
    '/api/fees/preview',
    {
      schema: {
        tags: ['fees'],
        summary: 'What a payment costs the client and leaves the freelancer, before anyone commits',
        body: FeePreviewRequest,
        response: { 200: FeePreviewResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => previewFees(req.ctx, req.body),
  );

  app.get(
    '/api/operator/fee-schedules',
    {
      schema: {
        tags: ['operator'],
        summary: 'Every fee schedule version, newest first',
        response: { 200: FeeScheduleListResponse },
      },
      config: { auth: 'operator' },
    },
    async (req) => {
      const [schedules, inForce] = await Promise.all([
        listFeeSchedules(req.ctx.db),
        feeScheduleInForce(req.ctx.db, req.ctx.clock.now()),
      ]);
      return { items: schedules.map((schedule) => presentFeeSchedule(schedule, inForce.version)) };
    },
  );

  app.post(
    '/api/operator/fee-schedules',
    {
      schema: {
        tags: ['operator'],
        summary: 'Add a fee schedule version taking effect at a future date',
        body: AddFeeScheduleRequest,
        response: { 201: FeeScheduleResponse },
      },
      config: { auth: 'operator' },
    },
    async (req, reply) => {
      const schedule = await addFeeSchedule(req.ctx, {
        effectiveFrom: new Date(req.body.effectiveFrom),
        definition: req.body.definition,
      });
      return reply.status(201).send(presentFeeSchedule(schedule, -1));
    },
  );
}
