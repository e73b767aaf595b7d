import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { moneyKeys, type TransactionLine, type TransactionPage } from '../../api/money-queries.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../page-state.tsx';
import { Section } from '../section.tsx';
import { WAITING_TEXT } from './status-colors.ts';

type AccountName = TransactionLine['account'];
type TransactionType = TransactionLine['type'];

const typeLabels: Record<TransactionType, string> = {
  charge: 'Payment',
  escrow: 'Escrow',
  earning: 'Earning',
  clearance: 'Cleared',
  fee: 'Fee',
  refund: 'Refund',
  withdrawal: 'Withdrawal',
  adjustment: 'Adjustment',
};

const typeColors: Record<TransactionType, string> = {
  charge: 'blue',
  escrow: 'grape',
  earning: 'teal',
  clearance: 'cyan',
  fee: 'gray',
  refund: 'orange',
  withdrawal: 'indigo',
  adjustment: 'gray',
};

const accountLabels: Record<AccountName, string> = { funding: 'Funds', pending: 'Pending', available: 'Available' };

const statusLabels: Record<string, { label: string; color: string }> = {
  in_flight: { label: 'In flight', color: 'yellow' },
  completed: { label: 'Paid out', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

interface Filters {
  account: AccountName | '';
  type: TransactionType | '';
  from: string;
  to: string;
}

function queryOf(filters: Filters) {
  return {
    ...(filters.account ? { account: filters.account } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

function csvHref(filters: Filters): string {
  const params = new URLSearchParams({ ...queryOf(filters), format: 'csv' });
  return `/api/records/transactions?${params.toString()}`;
}

/** Signed amount, green when money came in. */
function Amount({ cents, currency }: { cents: number; currency: string }) {
  return (
    <Text size="sm" fw={600} c={cents > 0 ? 'teal.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {cents > 0 ? '+' : ''}
      {formatMoney(cents, currency)}
    </Text>
  );
}

function Row({ line, showAccount }: { line: TransactionLine; showAccount: boolean }) {
  const status = line.status ? statusLabels[line.status] : null;
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(line.date)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Badge size="sm" variant="light" color={typeColors[line.type]} tt="none">
              {typeLabels[line.type]}
            </Badge>
            {status && (
              <Badge
                size="sm"
                variant="light"
                color={status.color}
                c={status.color === 'yellow' ? WAITING_TEXT : undefined}
                tt="none"
              >
                {status.label}
              </Badge>
            )}
          </Group>
          <Text size="sm">{line.description}</Text>
        </Stack>
      </Table.Td>
      {showAccount && <Table.Td>{accountLabels[line.account]}</Table.Td>}
      <Table.Td ta="right">
        <Amount cents={line.amountCents} currency={line.currency} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(line.balanceCents, line.currency)}
      </Table.Td>
      <Table.Td>
        {line.documentUrl && (
          <Anchor href={line.documentUrl} target="_blank" rel="noopener" size="sm">
            PDF<VisuallyHidden> for {line.description}</VisuallyHidden>
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The transaction history of the signed-in user, with the running balance of the account each
 * row is on: filters by account, type and date, more rows on demand, and the same view as CSV.
 */
export function TransactionHistory({
  accounts,
  types,
  emptyHint,
}: {
  accounts: AccountName[];
  types: TransactionType[];
  emptyHint: ReactNode;
}) {
  const [filters, setFilters] = useState<Filters>({ account: '', type: '', from: '', to: '' });
  const history = useInfiniteQuery({
    queryKey: moneyKeys.transactions(filters),
    // The route also answers CSV (format=csv); this JSON call always gets a page.
    queryFn: async ({ pageParam }) =>
      (await unwrap(
        api.GET('/api/records/transactions', {
          params: { query: { ...queryOf(filters), limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      )) as TransactionPage,
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const lines = history.data?.pages.flatMap((page) => page.items) ?? [];
  const showAccount = accounts.length > 1 && !filters.account;
  const set = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  const filtered = Boolean(filters.account || filters.type || filters.from || filters.to);

  return (
    <Section
      id="history"
      title="Transaction history"
      description="Every payment, earning, fee, refund and withdrawal, with the balance after each."
      actions={
        <Button component="a" href={csvHref(filters)} download variant="default" size="sm">
          Export CSV
        </Button>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        {accounts.length > 1 && (
          <Select
            label="Account"
            w={150}
            value={filters.account}
            onChange={(value) => set({ account: (value ?? '') as Filters['account'] })}
            data={[
              { value: '', label: 'All' },
              ...accounts.map((account) => ({ value: account, label: accountLabels[account] })),
            ]}
            allowDeselect={false}
          />
        )}
        <Select
          label="Type"
          w={160}
          value={filters.type}
          onChange={(value) => set({ type: (value ?? '') as Filters['type'] })}
          data={[{ value: '', label: 'All types' }, ...types.map((type) => ({ value: type, label: typeLabels[type] }))]}
          allowDeselect={false}
        />
        <TextInput
          label="From"
          type="date"
          w={160}
          value={filters.from}
          onChange={(event) => set({ from: event.currentTarget.value })}
        />
        <TextInput
          label="To"
          type="date"
          w={160}
          value={filters.to}
          onChange={(event) => set({ to: event.currentTarget.value })}
        />
        {filtered && (
          <Button variant="subtle" size="sm" onClick={() => setFilters({ account: '', type: '', from: '', to: '' })}>
            Clear filters
          </Button>
        )}
      </Group>
      {history.isPending ? (
        <LoadingBlocks rows={4} label="Loading transactions" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : lines.length === 0 ? (
        <EmptyNote title={filtered ? 'Nothing matches these filters' : 'No transactions yet'}>
          {filtered ? 'Try another type or a wider date range.' : emptyHint}
        </EmptyNote>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Transactions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Description</Table.Th>
                  {showAccount && <Table.Th>Account</Table.Th>}
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Balance</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Document</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line) => (
                  <Row key={line.id} line={line} showAccount={showAccount} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {history.hasNextPage && (
            <Group>
              <Button
                variant="default"
                size="sm"
                loading={history.isFetchingNextPage}
                onClick={() => void history.fetchNextPage()}
              >
                Show older transactions
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Section>
  );
}
