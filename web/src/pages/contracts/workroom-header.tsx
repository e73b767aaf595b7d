import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format.ts';
import type { Contract, NextAction, Overview } from './contract-queries.ts';
import { contractStates, formatDeadline } from './labels.ts';
import type { WorkroomDialog } from './workroom-dialogs.tsx';

const dialogFor: Partial<Record<NextAction['action'], WorkroomDialog['kind']>> = {
  fund_milestone: 'fund',
  review_submission: 'approve',
  submit_work: 'submit',
  resubmit_work: 'submit',
  respond_to_end: 'respond',
};

/** The viewer's next step as a prominent button, or whose turn it is when it is not theirs. */
function NextStep({ overview, open }: { overview: Overview; open: (dialog: WorkroomDialog) => void }) {
  const next = overview.nextActions.find((action) => dialogFor[action.action]) ?? overview.nextActions[0];
  if (!next) return null;
  const kind = dialogFor[next.action];
  const due = next.dueAt ? formatDeadline(next.dueAt, new Date(overview.asOf)) : null;
  if (!kind) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          Waiting: {next.label}
        </Text>
        {due && (
          <Text size="xs" c="dimmed">
            By {due}
          </Text>
        )}
      </Stack>
    );
  }
  const dialog: WorkroomDialog =
    kind === 'respond'
      ? { kind }
      : { kind: kind as 'fund' | 'approve' | 'submit', milestoneId: next.milestoneId ?? '' };
  return (
    <Stack gap={4} align="flex-start">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        Your next step
      </Text>
      <Button size="md" onClick={() => open(dialog)} data-testid="next-action">
        {next.label}
      </Button>
      {due && (
        <Text size="xs" c="dimmed">
          By {due}
        </Text>
      )}
    </Stack>
  );
}

/** The terms in force, who the other party is, the escrow in hand and the viewer's next step. */
export function WorkroomHeader({
  contract,
  overview,
  meId,
  open,
}: {
  contract: Contract;
  overview: Overview | undefined;
  meId: string;
  open: (dialog: WorkroomDialog) => void;
}) {
  const asClient = contract.client.userId === meId;
  const other = asClient ? contract.freelancer : contract.client;
  const state = contractStates[overview?.state ?? contract.state] ?? { label: contract.state, color: 'gray' };
  const { terms } = contract;
  const price = terms.fixed
    ? `${formatMoney(terms.fixed.totalCents, contract.currency)} fixed price`
    : terms.hourly
      ? `${formatMoney(terms.hourly.rateCents, contract.currency)}/hr, up to ${terms.hourly.weeklyLimitHours} h a week`
      : '';
  const escrow = overview?.escrowInHandCents ?? contract.escrowBalanceCents;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} component="header">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Anchor component={Link} to="/contracts" size="sm">
              ← All contracts
            </Anchor>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
              {contract.title}
            </Title>
            <Group gap="xs">
              <Badge color={state.color} variant="light" tt="none">
                {state.label}
              </Badge>
              <Text size="sm">
                {asClient ? 'Freelancer' : 'Client'}: <strong>{other.name}</strong>
              </Text>
            </Group>
          </Stack>
          {overview && <NextStep overview={overview} open={open} />}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Terms in force
            </Text>
            <Text fw={600} data-testid="terms-summary">
              {price} · version {terms.version}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              Escrow in hand
            </Text>
            <Text fw={700} fz="lg" data-testid="escrow-in-hand">
              {formatMoney(escrow, contract.currency)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {terms.fixed ? 'Milestones' : 'Type'}
            </Text>
            <Text fw={600}>
              {terms.fixed
                ? `${contract.milestones.length} · ${contract.milestones.filter((m) => m.state === 'approved').length} paid`
                : 'Hourly'}
            </Text>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
