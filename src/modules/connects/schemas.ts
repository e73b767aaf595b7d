import { z } from 'zod';
import { connectsRules } from './rules.ts';
import { CONNECTS_ENTRY_KINDS, CONNECTS_LOT_SOURCES } from './tables.ts';

export const PurchaseConnectsRequest = z
  .object({
    bundle: z
      .number()
      .int()
      .refine((value) => (connectsRules.bundles as readonly number[]).includes(value), {
        message: `Choose a bundle of ${connectsRules.bundles.join(', ')} Connects.`,
      })
      .describe(`Connects to buy: ${connectsRules.bundles.join(', ')}`),
    billingMethodId: z.uuid().optional().describe('Defaults to your default billing method'),
  })
  .meta({ id: 'PurchaseConnectsRequest' });

export const ConnectsListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ConnectsLotResponse = z
  .object({
    id: z.uuid(),
    source: z.enum(CONNECTS_LOT_SOURCES),
    granted: z.number().int(),
    remaining: z.number().int(),
    grantedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ConnectsLot' });

export const ConnectsEntryResponse = z
  .object({
    id: z.uuid(),
    kind: z.enum(CONNECTS_ENTRY_KINDS),
    amount: z.number().int().describe('Positive: received; negative: spent or expired'),
    balanceAfter: z
      .number()
      .int()
      .describe('Connects in the account right after (expired lots count until taken back)'),
    memo: z.string(),
    jobId: z.uuid().nullable(),
    proposalId: z.uuid().nullable(),
    refunded: z.boolean().describe('A spend whose Connects were given back'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ConnectsEntry' });

const ProposalCostTier = z.object({
  underCents: z.number().int().nullable().describe('null: no upper bound (every value from the previous tier up)'),
  connects: z.number().int(),
});

export const ConnectsResponse = z
  .object({
    balance: z.number().int().describe('Connects you can spend now'),
    lots: z.array(ConnectsLotResponse).describe('Unexpired Connects, spent in this order (soonest expiry first)'),
    history: z.array(ConnectsEntryResponse),
    nextCursor: z.string().nullable(),
    bundles: z.array(z.object({ connects: z.number().int(), priceCents: z.number().int(), currency: z.string() })),
    monthlyGrant: z.number().int(),
    proposalCost: z
      .object({
        fixed: z.array(ProposalCostTier),
        hourly: z.array(ProposalCostTier),
      })
      .describe(
        "What a proposal costs by the job's value (fixed: its budget; hourly: the top of its rate range): the first tier the value is under",
      ),
  })
  .meta({ id: 'Connects' });

export const PurchaseConnectsResponse = z
  .object({
    lot: ConnectsLotResponse,
    priceCents: z.number().int(),
    currency: z.string(),
    balance: z.number().int(),
  })
  .meta({ id: 'ConnectsPurchase' });
