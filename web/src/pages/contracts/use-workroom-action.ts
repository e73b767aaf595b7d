import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useIdempotentAttempt } from '../../components/money/use-idempotent-attempt.ts';
import { useRefreshContract } from './contract-queries.ts';

/**
 * One action in the Workroom: runs the call with an Idempotency-Key kept across retries of an
 * unknown outcome, refreshes the whole contract afterwards, and keeps the failure in plain words
 * (with the fields at fault) for the dialog to show.
 */
export function useWorkroomAction<T>(
  contractId: string,
  call: (idempotencyKey: string) => Promise<T>,
  done: { title: string | ((result: T) => string); message?: (result: T) => string; onDone?: (result: T) => void },
) {
  const refresh = useRefreshContract(contractId);
  const attempt = useIdempotentAttempt();
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const mutation = useMutation({
    mutationFn: () => call(attempt.key()),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      attempt.settled();
      refresh();
      const title = typeof done.title === 'string' ? done.title : done.title(result);
      notifications.show({ color: 'teal', title, message: done.message?.(result) ?? '' });
      done.onDone?.(result);
    },
    onError: (error) => {
      attempt.settled(error);
      // A 409 means the contract moved meanwhile: show the news along with the refusal.
      if (error instanceof ApiError && error.status === 409) refresh();
      setFailure({ message: errorMessage(error), fields: error instanceof ApiError ? error.fields : {} });
    },
  });
  return { run: () => mutation.mutate(), pending: mutation.isPending, failure, clearFailure: () => setFailure(null) };
}
