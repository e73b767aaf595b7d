import { z } from 'zod';
import { FeeScheduleDefinition } from './schedule.ts';

const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const FeePreviewRequest = z
  .object({
    // $1,000,000: far above any single payment; keeps every product of cents and basis points exact.
    amountCents: z.number().int().positive().max(100_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as USD.'),
    kind: z.enum(['milestone', 'hourly', 'bonus']),
    freelancerId: z.uuid().optional(),
    clientId: z.uuid().optional(),
  })
  .meta({ id: 'FeePreviewRequest' });

export const FeeTierPiece = z
  .object({
    fromCents: Cents,
    toCents: Cents,
    rateBps: z.number().int(),
    amountCents: Cents,
    feeCents: Cents,
  })
  .meta({ id: 'FeeTierPiece' });

export const FeePreviewResponse = z
  .object({
    kind: z.enum(['milestone', 'hourly', 'bonus']),
    currency: z.string(),
    grossCents: Cents,
    freelancerFeeCents: Cents,
    freelancerNetCents: Cents,
    clientFeeCents: Cents,
    clientTotalCents: Cents,
    /** Lifetime billings between the pair before this payment (where the sliding fee starts). */
    priorBilledCents: Cents,
    tiers: z.array(FeeTierPiece),
    scheduleVersion: z.number().int(),
  })
  .meta({ id: 'FeePreview' });

export const FeeScheduleResponse = z
  .object({
    version: z.number().int(),
    effectiveFrom: z.iso.datetime(),
    inForce: z.boolean(),
    definition: FeeScheduleDefinition,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'FeeSchedule' });

export const FeeScheduleListResponse = z
  .object({ items: z.array(FeeScheduleResponse) })
  .meta({ id: 'FeeScheduleList' });

export const AddFeeScheduleRequest = z
  .object({ effectiveFrom: z.iso.datetime({ offset: true }), definition: FeeScheduleDefinition })
  .meta({ id: 'AddFeeScheduleRequest' });
