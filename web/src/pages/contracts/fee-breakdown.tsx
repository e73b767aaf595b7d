import { Loader, Table, Text } from '@mantine/core';
import { formatMoney } from '../../lib/format.ts';
import type { FeePreview } from './contract-queries.ts';

export interface BreakdownLine {
  label: string;
  cents: number;
  /** Shown as a deduction. */
  minus?: boolean;
  strong?: boolean;
}

/** Where money goes, line by line, before the user commits (the fee schedule in force decides). */
export function BreakdownTable({
  lines,
  currency,
  label,
}: {
  lines: BreakdownLine[];
  currency: string;
  label: string;
}) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={label} data-testid="fee-breakdown">
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr
            key={line.label}
            style={line.strong ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
          >
            <Table.Td fw={line.strong ? 700 : undefined}>{line.label}</Table.Td>
            <Table.Td ta="right" fw={line.strong ? 700 : undefined}>
              {line.minus ? '−' : ''}
              {formatMoney(line.cents, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The preview's state while it loads or fails, so a dialog never shows a stale or empty breakdown silently. */
export function PreviewState({ preview }: { preview: { isFetching: boolean; isError: boolean; data?: FeePreview } }) {
  if (preview.isError) {
    return (
      <Text size="sm" c="red.9" role="alert">
        The fee breakdown could not be loaded; try again in a moment.
      </Text>
    );
  }
  if (!preview.data) return <Loader size="sm" aria-label="Loading the fee breakdown" />;
  return null;
}
