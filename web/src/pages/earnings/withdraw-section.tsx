import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type EarningsSummary, moneyKeys, type PayoutMethod } from '../../api/money-queries.ts';
import { formatDay, formatWhen, inputToCents } from '../../components/money/money-format.ts';
import { WAITING_TEXT } from '../../components/money/status-colors.ts';
import { useIdempotentAttempt } from '../../components/money/use-idempotent-attempt.ts';
import { EmptyNote } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatMoney } from '../../lib/format.ts';

const DAY_MS = 86_400_000;

interface Breakdown {
  amountCents: number;
  feeCents: number;
  netCents: number;
  arrivesAt: string;
}

function BreakdownTable({
  breakdown,
  method,
  currency,
}: {
  breakdown: Breakdown;
  method: PayoutMethod;
  currency: string;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <Table
      withRowBorders={false}
      verticalSpacing={4}
      aria-label="Withdrawal breakdown"
      data-testid="withdraw-breakdown"
    >
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>From your available balance</Table.Td>
          <Table.Td ta="right">{money(breakdown.amountCents)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{method.typeLabel} fee</Table.Td>
          <Table.Td ta="right">{breakdown.feeCents > 0 ? `−${money(breakdown.feeCents)}` : 'Free'}</Table.Td>
        </Table.Tr>
        <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Table.Td fw={700}>Arrives at {method.label}</Table.Td>
          <Table.Td ta="right" fw={700}>
            {money(breakdown.netCents)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td colSpan={2}>
            <Text size="xs" c="dimmed">
              Expected around {formatDay(breakdown.arrivesAt)} ({method.processingDays} day
              {method.processingDays === 1 ? '' : 's'}).
            </Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Withdraw from the available balance: the fee and what arrives are shown before confirming. */
export function WithdrawSection({
  summary,
  methods,
  onAddMethod,
}: {
  summary: EarningsSummary;
  methods: PayoutMethod[];
  onAddMethod: () => void;
}) {
  const queryClient = useQueryClient();
  const usable = methods.filter((method) => method.usable);
  const [methodId, setMethodId] = useState<string | null>(null);
  const [amount, setAmount] = useState<string | number>('');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = useIdempotentAttempt();
  const method = usable.find((candidate) => candidate.id === methodId) ?? usable[0];
  const currency = summary.currency;
  const cents = inputToCents(amount);
  const money = (value: number) => formatMoney(value, currency);

  let amountError: string | null = null;
  if (cents !== null && method) {
    if (cents > summary.availableCents) amountError = `You have ${money(summary.availableCents)} available.`;
    else if (cents < method.minimumCents)
      amountError = `The smallest withdrawal to ${method.typeLabel} is ${money(method.minimumCents)}.`;
  }
  const breakdown: Breakdown | null =
    cents && method && !amountError
      ? {
          amountCents: cents,
          feeCents: method.feeCents,
          netCents: cents - method.feeCents,
          arrivesAt: new Date(new Date(summary.asOf).getTime() + method.processingDays * DAY_MS).toISOString(),
        }
      : null;

  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/payouts/withdrawals', {
          params: { header: { 'idempotency-key': attempt.key() } },
          body: { payoutMethodId: method?.id ?? '', amountCents: cents ?? 0, currency },
        }),
      ),
    onSuccess: (withdrawal) => {
      attempt.settled();
      setConfirming(false);
      setAmount('');
      void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Withdrawal on its way',
        message: `${money(withdrawal.netCents)} to ${withdrawal.methodLabel}, expected ${formatDay(withdrawal.expectedAt)}.`,
      });
    },
    onError: (error) => {
      attempt.settled(error);
      setFailure(errorMessage(error));
    },
  });

  const held = methods.filter((candidate) => !candidate.usable);
  return (
    <Section id="withdraw" title="Withdraw" description="Send your available balance to one of your payout methods.">
      {methods.length === 0 ? (
        <EmptyNote
          title="Add a payout method to withdraw"
          action={
            <Button size="sm" onClick={onAddMethod}>
              Add a payout method
            </Button>
          }
        >
          Bank account, PayPal, Payoneer or wire: new methods can be used 3 days after you add them.
        </EmptyNote>
      ) : usable.length === 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title="Your payout method is on hold"
          role="status"
          styles={{ title: { color: WAITING_TEXT } }}
        >
          For your security, a new payout method can be used 3 days after it is added.{' '}
          {held[0] && `${held[0].label} can be used from ${formatWhen(held[0].usableAt, new Date(summary.asOf))}.`}
        </Alert>
      ) : summary.availableCents === 0 ? (
        <EmptyNote title="Nothing to withdraw yet">
          Earnings become available 5 days after you are paid
          {summary.pendingCents > 0 ? `; ${money(summary.pendingCents)} is on its way.` : '.'}
        </EmptyNote>
      ) : (
        <form
          noValidate
          aria-label="Withdraw"
          onSubmit={(event) => {
            event.preventDefault();
            setFailure(null);
            if (breakdown) setConfirming(true);
          }}
        >
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label="To"
                w={300}
                data={usable.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
                value={method?.id ?? null}
                onChange={setMethodId}
                allowDeselect={false}
              />
              <NumberInput
                label="Amount"
                prefix="$"
                decimalScale={2}
                thousandSeparator=","
                min={0}
                w={180}
                value={amount}
                onChange={setAmount}
                error={amountError}
              />
              <Button variant="subtle" mt={25} onClick={() => setAmount(summary.availableCents / 100)}>
                Withdraw all ({money(summary.availableCents)})
              </Button>
            </Group>
            {breakdown && method && <BreakdownTable breakdown={breakdown} method={method} currency={currency} />}
            <Group>
              <Button type="submit" disabled={!breakdown}>
                Review withdrawal
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Confirm your withdrawal">
        {breakdown && method && (
          <Stack gap="sm">
            {failure && (
              <Alert color="red" variant="light" role="alert" title="Not withdrawn">
                {failure}
              </Alert>
            )}
            <BreakdownTable breakdown={breakdown} method={method} currency={currency} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
                Withdraw {money(breakdown.amountCents)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Section>
  );
}
