import type { z } from 'zod';
import type { RecordPage } from './list-record.ts';
import type { RecordPageResponse } from './schemas.ts';

export function presentRecordPage(page: RecordPage): z.infer<typeof RecordPageResponse> {
  return {
    contract: page.contract,
    head: page.head,
    items: page.items.map((entry) => ({
      seq: entry.seq,
      kind: entry.kind,
      actor: entry.actor,
      at: entry.at.toISOString(),
      summary: entry.summary,
      data: entry.data,
      prevHash: entry.prevHash,
      hash: entry.hash,
    })),
    nextAfter: page.nextAfter,
  };
}
