import { type Ctx, requireActor } from '../../server/context.ts';
import { contractForReader } from './record-access.ts';
import { namesFor, type Person, type RecordContract } from './record-contract.ts';
import { type RecordEntry, recordEntries, recordHead } from './record-entry.ts';

export interface RecordPage {
  contract: RecordContract;
  head: { seq: number; hash: string } | null;
  items: (RecordEntry & { actor: Person | null })[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: number | null;
}

/** GET /api/contracts/:id/record: the record oldest first, in pages (parties and operators). */
export async function listRecord(
  ctx: Ctx,
  input: { contractId: string; after?: number | undefined; limit: number },
): Promise<RecordPage> {
  const actor = requireActor(ctx);
  return ctx.tx(
    async (tx) => {
      const contract = await contractForReader(tx, actor, input.contractId);
      const rows = await recordEntries(tx, contract.contractId, { afterSeq: input.after ?? 0, limit: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      const names = await namesFor(tx, contract, page);
      return {
        contract: names.contract,
        head: await recordHead(tx, contract.contractId),
        items: page.map((entry) => ({
          ...entry,
          actor: entry.actorId ? { userId: entry.actorId, name: names.nameOf(entry.actorId) } : null,
        })),
        nextAfter: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}
