import { Group, Progress, Stack, Text } from '@mantine/core';
import type { SpendingSummary } from '../../api/money-queries.ts';
import { EmptyNote } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatMoney } from '../../lib/format.ts';

const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Paid in and spent per month (UTC months), as bars against the busiest month. */
export function SpendingSection({ spending }: { spending: SpendingSummary }) {
  const largest = Math.max(1, ...spending.months.map((month) => Math.max(month.paidInCents, month.spentCents)));
  return (
    <Section
      id="spending"
      title="Spending by month"
      description="What you paid in and put into contracts, by calendar month (UTC)."
    >
      {spending.months.length === 0 ? (
        <EmptyNote title="Nothing spent yet">
          Your monthly totals appear here once you add funds or fund a contract.
        </EmptyNote>
      ) : (
        <Stack gap="sm">
          {spending.months.map((month) => (
            <Stack key={month.month} gap={4}>
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {monthLabel(month.month)}
                </Text>
                <Text size="sm" c="dimmed">
                  Paid in {formatMoney(month.paidInCents, spending.currency)} · Spent{' '}
                  {formatMoney(month.spentCents, spending.currency)}
                </Text>
              </Group>
              <Progress
                value={(month.paidInCents / largest) * 100}
                color="blue"
                size="sm"
                aria-label={`Paid in, ${monthLabel(month.month)}`}
              />
              <Progress
                value={(month.spentCents / largest) * 100}
                color="grape"
                size="sm"
                aria-label={`Spent, ${monthLabel(month.month)}`}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
