import { Badge, List, Stack, Table, Text } from '@mantine/core';
import { formatMoney } from '../../lib/format.ts';
import type { TermsDiff } from './contract-queries.ts';

const fieldNames: Record<string, string> = {
  title: 'Title',
  description: 'Scope',
  deliverables: 'Deliverables',
  startDate: 'Start date',
  'fixed.totalCents': 'Total',
  'hourly.rateCents': 'Hourly rate',
  'hourly.weeklyLimitHours': 'Weekly limit (hours)',
  'hourly.manualTimeAllowed': 'Manual time allowed',
  feeScheduleVersion: 'Fee schedule',
  amountCents: 'Amount',
  dueDate: 'Due date',
  acceptanceCriteria: 'Acceptance criteria',
};

function show(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '—';
  if (field.endsWith('Cents') && typeof value === 'number') return formatMoney(value, currency);
  if (field === 'deliverables' && Array.isArray(value)) {
    return value.map((item: { title?: string }) => item.title ?? '').join('; ') || 'none';
  }
  return String(value);
}

function Changes({ changes, currency }: { changes: TermsDiff['fields']; currency: string }) {
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.field}>
              <Table.Td>{fieldNames[change.field] ?? change.field}</Table.Td>
              <Table.Td style={{ textDecoration: 'line-through', whiteSpace: 'pre-wrap' }}>
                {show(change.field, change.before, currency)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(change.field, change.after, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The difference between two terms versions: fields and milestones, before and after. */
export function TermsDiffView({ diff, currency }: { diff: Omit<TermsDiff, 'from' | 'to'>; currency: string }) {
  const { added, removed, changed } = diff.milestones;
  const empty = diff.fields.length + added.length + removed.length + changed.length === 0;
  if (empty) return <Text size="sm">No differences.</Text>;
  return (
    <Stack gap="sm" data-testid="terms-diff">
      {diff.fields.length > 0 && <Changes changes={diff.fields} currency={currency} />}
      {added.length > 0 && (
        <Stack gap={4}>
          <Badge color="teal" variant="light" tt="none">
            Milestones added
          </Badge>
          <List size="sm">
            {added.map((m) => (
              <List.Item key={m.id}>
                {m.title}: {formatMoney(m.amountCents, currency)}, due {m.dueDate}. {m.acceptanceCriteria}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {removed.length > 0 && (
        <Stack gap={4}>
          <Badge color="red" variant="light" tt="none">
            Milestones removed
          </Badge>
          <List size="sm">
            {removed.map((m) => (
              <List.Item key={m.id}>
                {m.title}: {formatMoney(m.amountCents, currency)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {changed.map((m) => (
        <Stack key={m.id} gap={4}>
          <Badge color="blue" variant="light" tt="none">
            Milestone changed: {m.title}
          </Badge>
          <Changes changes={m.changes} currency={currency} />
        </Stack>
      ))}
    </Stack>
  );
}
