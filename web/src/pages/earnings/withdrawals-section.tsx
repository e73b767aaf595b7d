import { Badge, Table, Text } from '@mantine/core';
import { useWithdrawals } from '../../api/money-queries.ts';
import { formatDay } from '../../components/money/money-format.ts';
import { WAITING_TEXT } from '../../components/money/status-colors.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatMoney } from '../../lib/format.ts';

const states = {
  in_flight: { label: 'In flight', color: 'yellow' },
  completed: { label: 'Paid out', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
} as const;

/** The latest withdrawals and where each one is. */
export function WithdrawalsSection() {
  const withdrawals = useWithdrawals();
  return (
    <Section id="withdrawals" title="Withdrawals" description="Your latest withdrawals and where each one is.">
      {withdrawals.isPending ? (
        <LoadingBlocks rows={2} label="Loading withdrawals" />
      ) : withdrawals.isError ? (
        <ErrorState error={withdrawals.error} onRetry={() => void withdrawals.refetch()} />
      ) : withdrawals.data.items.length === 0 ? (
        <EmptyNote title="No withdrawals yet">When you withdraw, you can follow it here until it arrives.</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Withdrawals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Withdrawn</Table.Th>
                <Table.Th ta="right">Fee</Table.Th>
                <Table.Th ta="right">Arrives</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {withdrawals.data.items.map((withdrawal) => {
                const state = states[withdrawal.state];
                return (
                  <Table.Tr key={withdrawal.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(withdrawal.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{withdrawal.methodLabel}</Text>
                      {withdrawal.scheduled && (
                        <Text size="xs" c="dimmed">
                          Scheduled
                        </Text>
                      )}
                      {withdrawal.failureMessage && (
                        <Text size="xs" c="red.9">
                          {withdrawal.failureMessage} The money is back in your available balance.
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        color={state.color}
                        c={state.color === 'yellow' ? WAITING_TEXT : undefined}
                        tt="none"
                      >
                        {state.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(withdrawal.amountCents, withdrawal.currency)}</Table.Td>
                    <Table.Td ta="right">
                      {withdrawal.feeCents ? formatMoney(withdrawal.feeCents, withdrawal.currency) : 'Free'}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600}>
                        {formatMoney(withdrawal.netCents, withdrawal.currency)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {withdrawal.state === 'in_flight'
                          ? `expected ${formatDay(withdrawal.expectedAt)}`
                          : withdrawal.settledAt
                            ? formatDay(withdrawal.settledAt)
                            : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
