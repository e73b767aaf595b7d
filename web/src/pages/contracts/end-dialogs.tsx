import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { formatMoney } from '../../lib/format.ts';
import type { Overview } from './contract-queries.ts';
import { formatDeadline } from './labels.ts';
import { useWorkroomAction } from './use-workroom-action.ts';

/** Either party ends the contract; what happens to the escrow is said before confirming. */
export function EndDialog({ overview, onClose }: { overview: Overview; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const action = useWorkroomAction(
    overview.contractId,
    (key) =>
      unwrap(
        api.POST('/api/contracts/{id}/end', {
          params: { path: { id: overview.contractId }, header: { 'idempotency-key': key } },
          body: { reason },
        }),
      ),
    {
      title: (result) => (result.state === 'ended' ? 'Contract ended' : 'End requested'),
      message: (result) =>
        result.state === 'ended'
          ? 'The Workroom stays readable.'
          : 'The freelancer has 7 days to answer about the escrow.',
      onDone: onClose,
    },
  );
  const escrow = overview.escrowInHandCents;
  return (
    <Modal opened onClose={onClose} title="End the contract">
      <Stack>
        <Text size="sm">
          {escrow > 0
            ? `${formatMoney(escrow, overview.currency)} is still in escrow. It goes back to the client if the freelancer agrees or does not answer within 7 days; otherwise the freelancer can dispute it.`
            : 'Nothing is in escrow: the contract ends at once.'}{' '}
          Both of you keep read access to the Workroom and the record; nobody can message or submit afterwards.
        </Text>
        <Textarea
          label="Why the contract ends"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={action.failure?.fields.reason}
        />
        {action.failure && !action.failure.fields.reason && (
          <Alert color="red" variant="light" role="alert">
            {action.failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep the contract
          </Button>
          <Button color="red" onClick={action.run} loading={action.pending} disabled={reason.trim().length === 0}>
            End the contract
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The freelancer answers an end with money in escrow: refund it, or keep it for a dispute. */
export function RespondToEndDialog({ overview, onClose }: { overview: Overview; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [agree, setAgree] = useState<boolean | null>(null);
  // The answer is read when the call runs, in the same click that sets it.
  const answer = useRef(false);
  const action = useWorkroomAction(
    overview.contractId,
    (key) =>
      unwrap(
        api.POST('/api/contracts/{id}/end/respond', {
          params: { path: { id: overview.contractId }, header: { 'idempotency-key': key } },
          body: { agreeToRefund: answer.current, ...(note.trim() ? { note } : {}) },
        }),
      ),
    { title: 'Answer sent', onDone: onClose },
  );
  const ending = overview.ending;
  return (
    <Modal opened onClose={onClose} title="The client asked to end the contract">
      <Stack>
        {ending && (
          <Text size="sm">
            Reason: “{ending.reason}”. {formatMoney(ending.escrowCents, overview.currency)} is in escrow. Without an
            answer by {formatDeadline(ending.respondBy, new Date(overview.asOf))} it goes back to the client.
          </Text>
        )}
        <Textarea
          label="Note (optional)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {action.failure && (
          <Alert color="red" variant="light" role="alert">
            {action.failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            onClick={() => {
              answer.current = false;
              setAgree(false);
              action.run();
            }}
            loading={action.pending && agree === false}
          >
            Keep it for a dispute
          </Button>
          <Button
            onClick={() => {
              answer.current = true;
              setAgree(true);
              action.run();
            }}
            loading={action.pending && agree === true}
          >
            Refund the client
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
