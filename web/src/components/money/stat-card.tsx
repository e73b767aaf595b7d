import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatMoney } from '../../lib/format.ts';

/** One of the few numbers that matter, at the top of a money page. */
export function StatCard({
  label,
  cents,
  currency,
  hint,
  loading,
}: {
  label: string;
  cents: number | undefined;
  currency: string;
  hint?: ReactNode;
  loading?: boolean;
}) {
  return (
    <Paper p="md" component="section" aria-label={label}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        {loading || cents === undefined ? (
          <Skeleton height={30} width="60%" />
        ) : (
          <Text fz={{ base: 20, sm: 26 }} fw={700} data-testid={`stat-${label.toLowerCase().replaceAll(' ', '-')}`}>
            {formatMoney(cents, currency)}
          </Text>
        )}
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
