import { type Ctx, requireActor } from '../../server/context.ts';
import { type JsonValue, RECORD_FORMAT } from './canonical.ts';
import { contractForParty } from './record-access.ts';
import { namesFor, type RecordContract } from './record-contract.ts';
import { type RecordEntry, recordEntries } from './record-entry.ts';
import { type ExportedFile, filesNamedBy } from './record-files.ts';

/** An entry as exported: exactly the hashed fields plus the hash (see canonical.ts). */
export interface ExportedEntry {
  seq: number;
  kind: string;
  actorId: string | null;
  at: string;
  summary: string;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

/** The JSON export: checkable offline with `workroom record verify FILE`. */
export interface RecordExport {
  format: typeof RECORD_FORMAT;
  contract: { id: string; title: string; termsVersion: number; parties: Pick<RecordContract, 'client' | 'freelancer'> };
  exportedAt: string;
  head: { seq: number; hash: string } | null;
  entries: ExportedEntry[];
  /** Every file the entries name, with the SHA-256 its bytes must have. */
  files: ExportedFile[];
}

export interface RecordDocument {
  export: RecordExport;
  contract: RecordContract;
  /** Display names of the actors, for the PDF. */
  nameOf(userId: string | null): string;
}

export const exportedEntry = (entry: RecordEntry): ExportedEntry => ({
  seq: entry.seq,
  kind: entry.kind,
  actorId: entry.actorId,
  at: entry.at.toISOString(),
  summary: entry.summary,
  data: entry.data,
  prevHash: entry.prevHash,
  hash: entry.hash,
});

/** The whole record of a contract, for one of its parties to keep (JSON or PDF). */
export async function exportRecord(ctx: Ctx, contractId: string): Promise<RecordDocument> {
  const actor = requireActor(ctx);
  return ctx.tx(
    async (tx) => {
      const contract = await contractForParty(
        tx,
        actor,
        contractId,
        'Only the parties to a contract can export its record.',
      );
      const entries = await recordEntries(tx, contract.contractId);
      const names = await namesFor(tx, contract, entries);
      const last = entries.at(-1);
      return {
        contract: names.contract,
        nameOf: names.nameOf,
        export: {
          format: RECORD_FORMAT,
          contract: {
            id: contract.contractId,
            title: contract.title,
            termsVersion: contract.termsVersion,
            parties: { client: names.contract.client, freelancer: names.contract.freelancer },
          },
          exportedAt: ctx.clock.now().toISOString(),
          head: last ? { seq: last.seq, hash: last.hash } : null,
          entries: entries.map(exportedEntry),
          files: filesNamedBy(entries.map((entry) => entry.data)),
        },
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}
