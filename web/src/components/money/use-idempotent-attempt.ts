import { useRef } from 'react';
import { ApiError } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/money-queries.ts';

/**
 * The Idempotency-Key for an operation the user may retry: the same key while the outcome is
 * unknown (the network failed, the server erred or was still busy), a new one once an attempt got
 * a final answer, so that a retry after a lost answer can never pay twice.
 */
export function useIdempotentAttempt() {
  const key = useRef<string | null>(null);
  return {
    key(): string {
      key.current ??= newIdempotencyKey();
      return key.current;
    },
    settled(error?: unknown) {
      const unknownOutcome =
        error instanceof ApiError &&
        (error.status === 0 || error.status >= 500 || error.code === 'idempotency_in_progress');
      if (!unknownOutcome) key.current = null;
    },
  };
}
