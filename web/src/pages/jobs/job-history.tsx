import { Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys } from '../../api/hiring-queries.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';

const fieldNames: Record<string, string> = {
  title: 'Title',
  description: 'Scope',
  deliverables: 'Deliverables',
  categoryId: 'Category',
  skillIds: 'Skills',
  type: 'Payment type',
  budgetCents: 'Budget',
  hourlyMinCents: 'Lowest rate',
  hourlyMaxCents: 'Highest rate',
  hoursPerWeek: 'Hours per week',
  duration: 'Duration',
  experienceLevel: 'Experience',
  visibility: 'Visibility',
  screeningQuestions: 'Screening questions',
  attachmentIds: 'Attachments',
};

/** Where two texts start to differ, so a long scope shows the part that changed. */
function firstDifference(before: unknown, after: unknown): number {
  if (typeof before !== 'string' || typeof after !== 'string') return 0;
  let index = 0;
  while (index < before.length && index < after.length && before[index] === after[index]) index++;
  return index;
}

function show(value: unknown, field: string, currency: string, from: number): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && field.endsWith('Cents')) return formatMoney(value, currency);
  if (typeof value === 'string') {
    if (value.length <= 240) return value;
    const start = Math.max(0, from - 60);
    return `${start > 0 ? '…' : ''}${value.slice(start, start + 240)}${start + 240 < value.length ? '…' : ''}`;
  }
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return JSON.stringify(value).slice(0, 240);
}

/** The edits made to a job while it was open: when, by whom, and what changed. */
export function JobHistory({ jobId, currency }: { jobId: string; currency: string }) {
  const history = useQuery({
    queryKey: hiringKeys.jobHistory(jobId),
    queryFn: () => unwrap(api.GET('/api/jobs/{id}/history', { params: { path: { id: jobId } } })),
  });
  if (history.isPending) return <LoadingBlocks rows={3} label="Loading the history" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) {
    return (
      <Paper p="lg">
        <EmptyNote title="No edits since it was published">
          Changes you make while the job is open are listed here.
        </EmptyNote>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      {history.data.items.map((edit) => (
        <Paper key={edit.id} p="md">
          <Text size="sm" fw={600} mb="xs">
            {formatDateTime(edit.editedAt)} · {edit.editedBy.name}
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4} aria-label={`Changes on ${formatDateTime(edit.editedAt)}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edit.changes.map((change) => {
                  const from = firstDifference(change.before, change.after);
                  return (
                    <Table.Tr key={change.field}>
                      <Table.Td>{fieldNames[change.field] ?? change.field}</Table.Td>
                      <Table.Td className="preserve-lines">
                        {show(change.before, change.field, currency, from)}
                      </Table.Td>
                      <Table.Td className="preserve-lines">{show(change.after, change.field, currency, from)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
    </Stack>
  );
}
