import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { getFilesMeta } from '../files/index.ts';
import { appendRecordEntry } from './append-record-entry.ts';
import { sha256Hex } from './canonical.ts';
import type { RecordEntry } from './record-entry.ts';
import { recordFile } from './record-files.ts';

const PREVIEW_LENGTH = 140;

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}

/**
 * Records a message posted in a contract's thread (called by messages, in the posting
 * transaction). The record keeps the SHA-256 of the exact text and of every attachment, so either
 * party can later prove what was said and sent; the summary shows the start of the text.
 */
export async function recordContractMessage(
  tx: Tx,
  clock: Clock,
  input: {
    contractId: string;
    threadId: string;
    messageId: string;
    senderId: string;
    text: string;
    fileIds: string[];
    at: Date;
  },
): Promise<RecordEntry> {
  const metas = await getFilesMeta(tx, input.fileIds);
  const files = input.fileIds.flatMap((id) => {
    const meta = metas.get(id);
    return meta ? [recordFile(meta)] : [];
  });
  const attached = files.length === 0 ? '' : ` (${files.length} attachment${files.length === 1 ? '' : 's'})`;
  return appendRecordEntry(tx, clock, {
    contractId: input.contractId,
    kind: 'message.posted',
    actorId: input.senderId,
    summary: `Message: “${preview(input.text)}”${attached}`,
    data: {
      threadId: input.threadId,
      messageId: input.messageId,
      textSha256: sha256Hex(input.text),
      textLength: input.text.length,
      files,
    },
    at: input.at,
  });
}
