import { Anchor, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import type { MilestoneView } from './contract-queries.ts';
import { formatDeadline, formatDueDate, milestoneStates } from './labels.ts';
import type { WorkroomDialog } from './workroom-dialogs.tsx';

/** One milestone of the timeline: amount, state in words, dates, money, the latest submission, actions. */
export function MilestoneItem({
  milestone,
  viewer,
  active,
  now,
  open,
}: {
  milestone: MilestoneView;
  viewer: 'client' | 'freelancer' | 'operator';
  active: boolean;
  now: Date;
  open: (dialog: WorkroomDialog) => void;
}) {
  const money = (cents: number) => formatMoney(cents, milestone.currency);
  const state = milestoneStates[milestone.state] ?? { label: milestone.state, color: 'gray' };
  const latest = milestone.submissions.at(-1);
  const paid = milestone.payments.reduce((sum, payment) => sum + payment.grossCents, 0);
  const canAct = active && viewer !== 'operator';
  return (
    <Paper
      p="md"
      data-testid={`milestone-${milestone.position}`}
      aria-label={`Milestone ${milestone.position}: ${milestone.title}`}
      component="article"
    >
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Text fw={650}>
              {milestone.position}. {milestone.title}
            </Text>
            {milestone.dueDate && (
              <Text size="sm" c="dimmed">
                Due {formatDueDate(milestone.dueDate, now)}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            <Text fw={700}>{money(milestone.amountCents)}</Text>
            <Badge color={state.color} variant="light" tt="none" data-testid="milestone-state">
              {state.label}
            </Badge>
          </Group>
        </Group>
        {milestone.description && <Text size="sm">{milestone.description}</Text>}
        <Text size="sm">
          In escrow <strong>{money(milestone.inEscrowCents)}</strong>
          {paid > 0 && <> · paid {money(paid)}</>}
          {milestone.refundedCents > 0 && <> · refunded {money(milestone.refundedCents)}</>}
          {milestone.carriedInCents > 0 && (
            <> · {money(milestone.carriedInCents)} carried in from an earlier milestone</>
          )}
        </Text>
        {milestone.state === 'submitted' && milestone.autoApprovesAt && (
          <Text size="sm" c="violet.9">
            Review closes {formatDeadline(milestone.autoApprovesAt, now)}; without an answer it is approved and paid
            automatically.
          </Text>
        )}
        {latest && (
          <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600}>
              Submission {latest.round}, {formatDateTime(latest.submittedAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {latest.message}
            </Text>
            {latest.deliverables.length > 0 && (
              <List size="sm" spacing={2} aria-label="Deliverables checklist">
                {latest.deliverables.map((check) => (
                  <List.Item key={check.criterion}>
                    {check.met ? '✓ Met' : '✗ Not met'}: {check.criterion}
                    {check.note && ` (${check.note})`}
                  </List.Item>
                ))}
              </List>
            )}
            {latest.files.map((file) => (
              <Text key={file.id} size="sm">
                <Anchor href={file.url}>{file.name}</Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  SHA-256 {file.sha256.slice(0, 16)}…
                </Text>
              </Text>
            ))}
            {latest.responseNote && (
              <Text size="sm" c={latest.outcome === 'changes_requested' ? 'orange.9' : undefined}>
                {latest.outcome === 'changes_requested' ? 'Changes requested: ' : 'Client’s note: '}
                {latest.responseNote}
              </Text>
            )}
          </Stack>
        )}
        {canAct && (
          <Group gap="xs">
            {viewer === 'client' && milestone.state === 'not_funded' && (
              <Button size="xs" onClick={() => open({ kind: 'fund', milestoneId: milestone.id })}>
                Fund milestone
              </Button>
            )}
            {viewer === 'client' && milestone.state === 'submitted' && (
              <>
                <Button size="xs" color="teal" onClick={() => open({ kind: 'approve', milestoneId: milestone.id })}>
                  Approve and pay
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => open({ kind: 'changes', milestoneId: milestone.id })}
                >
                  Request changes
                </Button>
              </>
            )}
            {viewer === 'freelancer' && (milestone.state === 'funded' || milestone.state === 'changes_requested') && (
              <Button size="xs" onClick={() => open({ kind: 'submit', milestoneId: milestone.id })}>
                {milestone.state === 'changes_requested' ? 'Resubmit work' : 'Submit work'}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
