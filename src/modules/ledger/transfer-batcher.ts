import type { Db } from '../../db/client.ts';
import { pgErrorCode } from '../../db/transaction.ts';
import type { PostedTransfer, TransferInput } from './post-transfer.ts';
import { MAX_BATCH, postTransfers } from './post-transfers.ts';

interface Waiting {
  input: TransferInput;
  resolve(transfer: PostedTransfer): void;
  reject(error: unknown): void;
}

/** SQLSTATEs after which a batch can simply be sent again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/**
 * Group commit for transfers that stand alone (not part of a larger transaction): each caller posts
 * one transfer and awaits it as with postTransfer, while the batcher sends whatever queued up
 * meanwhile as one postTransfers call: one statement and one commit for all of them. There is no
 * timer: a batch leaves as soon as fewer than `maxInFlight` batches are out, so a lone caller waits
 * no longer than with postTransfer, and under load batches grow by themselves.
 * Each transfer is still posted, replayed or refused on its own, and a promise resolves only after
 * the commit that made its transfer durable.
 */
export class TransferBatcher {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Db,
    options: { maxBatch?: number; maxInFlight?: number } = {},
  ) {
    this.maxBatch = Math.min(options.maxBatch ?? MAX_BATCH, MAX_BATCH);
    this.maxInFlight = options.maxInFlight ?? 4;
  }

  post(input: TransferInput): Promise<PostedTransfer> {
    return new Promise<PostedTransfer>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      // A key already in this batch waits for the next one, where it replays (or is refused).
      const batch: Waiting[] = [];
      const later: Waiting[] = [];
      const keys = new Set<string>();
      for (const waiting of this.queue) {
        if (batch.length < this.maxBatch && !keys.has(waiting.input.idempotencyKey)) {
          keys.add(waiting.input.idempotencyKey);
          batch.push(waiting);
        } else {
          later.push(waiting);
        }
      }
      this.queue = later;
      this.inFlight += 1;
      void this.send(batch).then(() => {
        this.inFlight -= 1;
        this.dispatch();
      });
    }
  }

  /** Never rejects: every outcome goes to the waiting callers. */
  private async send(batch: Waiting[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await postTransfers(
          this.db,
          batch.map((waiting) => waiting.input),
        );
        results.forEach((result, index) => {
          const waiting = batch[index] as Waiting;
          if (result.ok) waiting.resolve(result.transfer);
          else waiting.reject(result.error);
        });
        return;
      } catch (error) {
        const code = pgErrorCode(error);
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        for (const waiting of batch) waiting.reject(error);
        return;
      }
    }
  }
}
