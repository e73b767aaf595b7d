import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { inputToCents } from '../../components/money/money-format.ts';
import { formatMoney } from '../../lib/format.ts';
import { type MilestoneView, type Overview, useFeePreview } from './contract-queries.ts';
import { BreakdownTable, PreviewState } from './fee-breakdown.tsx';
import { useWorkroomAction } from './use-workroom-action.ts';

interface DialogProps {
  overview: Overview;
  parties: { clientId: string; freelancerId: string };
  onClose: () => void;
}

const failureAlert = (failure: { message: string } | null) =>
  failure && (
    <Alert color="red" variant="light" role="alert">
      {failure.message}
    </Alert>
  );

/** The client funds a milestone: the amount, the marketplace fee and the total are shown first. */
export function FundDialog({ overview, parties, milestone, onClose }: DialogProps & { milestone: MilestoneView }) {
  const needed = Math.max(0, milestone.amountCents - milestone.fundedCents);
  const fromLeftover = Math.min(needed, overview.leftoverCents);
  const newMoney = needed - fromLeftover;
  const preview = useFeePreview({ amountCents: newMoney, currency: overview.currency, kind: 'milestone', ...parties });
  const action = useWorkroomAction(
    overview.contractId,
    (key) =>
      unwrap(
        api.POST('/api/contracts/{id}/milestones/{mid}/fund', {
          params: { path: { id: overview.contractId, mid: milestone.id }, header: { 'idempotency-key': key } },
          body: {},
        }),
      ),
    {
      title: 'Milestone funded',
      message: () => `${milestone.title} is in escrow; the freelancer can start.`,
      onDone: onClose,
    },
  );
  const money = (cents: number) => formatMoney(cents, overview.currency);
  const total = newMoney > 0 ? preview.data?.clientTotalCents : 0;
  return (
    <Modal opened onClose={onClose} title={`Fund milestone ${milestone.position}: ${milestone.title}`}>
      <Stack>
        <Text size="sm">
          The money waits in the contract’s escrow until you approve the work. Your Workroom funds pay first; your
          default billing method is charged for the rest.
        </Text>
        {newMoney > 0 && <PreviewState preview={preview} />}
        {(newMoney === 0 || preview.data) && (
          <BreakdownTable
            label="Funding breakdown"
            currency={overview.currency}
            lines={[
              { label: 'Milestone amount', cents: needed },
              ...(fromLeftover > 0
                ? [{ label: 'Left in escrow from an earlier milestone', cents: fromLeftover, minus: true }]
                : []),
              ...(newMoney > 0 ? [{ label: 'Marketplace fee', cents: preview.data?.clientFeeCents ?? 0 }] : []),
              { label: 'You pay now', cents: total ?? 0, strong: true },
            ]}
          />
        )}
        {failureAlert(action.failure)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={action.run} loading={action.pending} disabled={newMoney > 0 && !preview.data}>
            Fund {money(total ?? needed)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The client approves submitted work, all of the escrow or less; the freelancer's side is shown first. */
export function ApproveDialog({ overview, parties, milestone, onClose }: DialogProps & { milestone: MilestoneView }) {
  const [amount, setAmount] = useState<string | number>(milestone.inEscrowCents / 100);
  const [note, setNote] = useState('');
  const cents = inputToCents(amount);
  const tooMuch = cents !== null && cents > milestone.inEscrowCents;
  const valid = cents !== null && cents >= 1 && !tooMuch;
  const preview = useFeePreview({
    amountCents: valid ? cents : null,
    currency: overview.currency,
    kind: 'milestone',
    ...parties,
  });
  const action = useWorkroomAction(
    overview.contractId,
    (key) =>
      unwrap(
        api.POST('/api/contracts/{id}/milestones/{mid}/approve', {
          params: { path: { id: overview.contractId, mid: milestone.id }, header: { 'idempotency-key': key } },
          body: { amountCents: cents ?? 0, ...(note.trim() ? { note } : {}) },
        }),
      ),
    {
      title: 'Approved and paid',
      message: () => `${formatMoney(cents ?? 0, overview.currency)} released to the freelancer.`,
      onDone: onClose,
    },
  );
  const left = valid ? milestone.inEscrowCents - (cents ?? 0) : 0;
  return (
    <Modal opened onClose={onClose} title={`Approve milestone ${milestone.position}: ${milestone.title}`}>
      <Stack>
        <NumberInput
          label="Amount to release"
          description={`Up to ${formatMoney(milestone.inEscrowCents, overview.currency)} held for this milestone. Pay less and the rest stays in escrow for the next milestone.`}
          value={amount}
          onChange={setAmount}
          min={0.01}
          decimalScale={2}
          fixedDecimalScale
          prefix="$"
          thousandSeparator=","
          error={
            tooMuch ? 'That is more than the escrow holds for this milestone.' : action.failure?.fields.amountCents
          }
        />
        <Textarea
          label="Note to the freelancer (optional)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {valid && <PreviewState preview={preview} />}
        {valid && preview.data && (
          <BreakdownTable
            label="Payment breakdown"
            currency={overview.currency}
            lines={[
              { label: 'Released from escrow', cents: cents ?? 0 },
              { label: 'Freelancer service fee', cents: preview.data.freelancerFeeCents, minus: true },
              { label: 'The freelancer receives', cents: preview.data.freelancerNetCents, strong: true },
              ...(left > 0 ? [{ label: 'Stays in escrow for the next milestone', cents: left }] : []),
            ]}
          />
        )}
        {failureAlert(action.failure)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={action.run} loading={action.pending} disabled={!valid || !preview.data} color="teal">
            Approve and pay {valid ? formatMoney(cents ?? 0, overview.currency) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A bonus, at any time: the client sees the fee and the total; the freelancer's net is shown too. */
export function BonusDialog({ overview, parties, onClose }: DialogProps) {
  const [amount, setAmount] = useState<string | number>('');
  const [note, setNote] = useState('');
  const cents = inputToCents(amount);
  const valid = cents !== null && cents >= 100;
  const preview = useFeePreview({
    amountCents: valid ? cents : null,
    currency: overview.currency,
    kind: 'bonus',
    ...parties,
  });
  const action = useWorkroomAction(
    overview.contractId,
    (key) =>
      unwrap(
        api.POST('/api/contracts/{id}/bonus', {
          params: { path: { id: overview.contractId }, header: { 'idempotency-key': key } },
          body: { amountCents: cents ?? 0, note },
        }),
      ),
    {
      title: 'Bonus paid',
      message: () => `${formatMoney(cents ?? 0, overview.currency)} sent to the freelancer.`,
      onDone: onClose,
    },
  );
  return (
    <Modal opened onClose={onClose} title="Pay a bonus">
      <Stack>
        <NumberInput
          label="Bonus amount"
          value={amount}
          onChange={setAmount}
          min={1}
          decimalScale={2}
          prefix="$"
          thousandSeparator=","
          error={action.failure?.fields.amountCents}
        />
        <Textarea
          label="What it is for"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={action.failure?.fields.note}
        />
        {valid && <PreviewState preview={preview} />}
        {valid && preview.data && (
          <BreakdownTable
            label="Bonus breakdown"
            currency={overview.currency}
            lines={[
              { label: 'Bonus', cents: cents ?? 0 },
              { label: 'Marketplace fee', cents: preview.data.clientFeeCents },
              { label: 'You pay', cents: preview.data.clientTotalCents, strong: true },
              { label: 'The freelancer receives, after their fee', cents: preview.data.freelancerNetCents },
            ]}
          />
        )}
        {failureAlert(action.failure)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={action.run}
            loading={action.pending}
            disabled={!valid || note.trim().length === 0 || !preview.data}
          >
            Pay bonus
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
