import type { z } from 'zod';
import type { ConnectsLot } from './credit-connects.ts';
import type { ConnectsEntry, ConnectsOverview } from './get-connects.ts';
import { connectsRules } from './rules.ts';
import type { ConnectsEntryResponse, ConnectsLotResponse, ConnectsResponse } from './schemas.ts';

export function presentLot(lot: ConnectsLot): z.infer<typeof ConnectsLotResponse> {
  return {
    id: lot.id,
    source: lot.source,
    granted: lot.granted,
    remaining: lot.remaining,
    grantedAt: lot.grantedAt.toISOString(),
    expiresAt: lot.expiresAt.toISOString(),
  };
}

export function presentEntry(entry: ConnectsEntry): z.infer<typeof ConnectsEntryResponse> {
  return {
    id: entry.id,
    kind: entry.kind,
    amount: entry.amount,
    balanceAfter: entry.balanceAfter,
    memo: entry.memo,
    jobId: entry.jobId,
    proposalId: entry.proposalId,
    refunded: entry.refundedByEntryId !== null,
    createdAt: entry.createdAt.toISOString(),
  };
}

export function presentConnects(overview: ConnectsOverview): z.infer<typeof ConnectsResponse> {
  return {
    balance: overview.balance,
    lots: overview.lots.map(presentLot),
    history: overview.history.map(presentEntry),
    nextCursor: overview.nextCursor,
    bundles: overview.bundles,
    monthlyGrant: overview.monthlyGrant,
    proposalCost: {
      fixed: connectsRules.proposalCost.fixed.map((tier) => ({ ...tier })),
      hourly: connectsRules.proposalCost.hourly.map((tier) => ({ ...tier })),
    },
  };
}
