import type { z } from 'zod';
import type { TermsChangeView } from './change-view.ts';
import type { TermsHistory } from './get-terms-history.ts';
import type { TermsChangeResponse, TermsHistoryResponse } from './schemas.ts';

export function presentTermsChange(view: TermsChangeView): z.infer<typeof TermsChangeResponse> {
  const { row } = view;
  return {
    id: row.id,
    contractId: row.contractId,
    state: row.state,
    proposedBy: view.proposedBy,
    baseVersion: row.baseVersion,
    note: row.note,
    diff: { from: row.baseVersion, to: row.resultingVersion ?? row.baseVersion + 1, ...view.diff },
    refunds: row.refunds,
    answeredBy: view.answeredBy,
    declineReason: row.declineReason,
    resultingVersion: row.resultingVersion,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    actions: view.actions,
  };
}

export function presentTermsHistory(history: TermsHistory): z.infer<typeof TermsHistoryResponse> {
  return {
    contractId: history.contractId,
    currentVersion: history.currentVersion,
    canPropose: history.canPropose,
    versions: history.versions.map((version) => ({
      version: version.version,
      createdAt: version.createdAt.toISOString(),
      note: version.note,
      proposedBy: version.proposedByPerson,
      acceptedBy: version.acceptedByPerson,
      terms: { version: version.version, createdAt: version.createdAt.toISOString(), ...version.terms },
    })),
  };
}
