import { Alert, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { StatCard } from '../../components/money/stat-card.tsx';
import { EmptyNote } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import type { Overview } from './contract-queries.ts';
import { formatDeadline } from './labels.ts';
import { MilestoneItem } from './milestone-item.tsx';
import type { WorkroomDialog } from './workroom-dialogs.tsx';

function EndingBanner({ overview, open }: { overview: Overview; open: (dialog: WorkroomDialog) => void }) {
  const ending = overview.ending;
  if (!ending || overview.state === 'active') return null;
  const now = new Date(overview.asOf);
  const money = (cents: number) => formatMoney(cents, overview.currency);
  const title =
    overview.state === 'ended'
      ? 'This contract has ended'
      : overview.state === 'ending_disputed'
        ? 'The escrow is in dispute'
        : 'This contract is ending';
  return (
    <Alert color={overview.state === 'ended' ? 'gray' : 'orange'} variant="light" title={title} role="status">
      <Stack gap={6}>
        <Text size="sm">
          Asked by the {ending.requestedByRole}: “{ending.reason}”
          {ending.refundedCents > 0 && ` ${money(ending.refundedCents)} went back to the client.`}
          {overview.state === 'ending' &&
            ` ${money(ending.escrowCents)} in escrow goes back to the client unless the freelancer disputes it by ${formatDeadline(ending.respondBy, now)}.`}
        </Text>
        {overview.state === 'ending' && overview.viewer === 'freelancer' && (
          <Group>
            <Button size="xs" onClick={() => open({ kind: 'respond' })}>
              Answer about the escrow
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Overview: the money at a glance, the milestones as a timeline, and every payment. */
export function OverviewTab({ overview, open }: { overview: Overview; open: (dialog: WorkroomDialog) => void }) {
  const now = new Date(overview.asOf);
  const { totals, currency } = overview;
  const active = overview.state === 'active';
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <Stack gap="lg">
      <EndingBanner overview={overview} open={open} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard label="In escrow" cents={totals.inEscrowCents} currency={currency} hint="Funded, not yet released" />
        <StatCard label="Released" cents={totals.releasedCents} currency={currency} hint="Paid for approved work" />
        <StatCard label="Bonuses" cents={totals.bonusCents} currency={currency} />
        <StatCard
          label={overview.viewer === 'freelancer' ? 'You received' : 'Freelancer received'}
          cents={totals.freelancerNetCents}
          currency={currency}
          hint="After service fees"
        />
      </SimpleGrid>
      <Section
        id="milestones"
        title="Milestones"
        description={`${money(totals.fundedCents)} funded in all, ${money(totals.refundedCents)} refunded to the client.`}
        actions={
          active && overview.viewer !== 'operator' ? (
            <Group gap="xs">
              {overview.viewer === 'client' && (
                <Button size="xs" variant="default" onClick={() => open({ kind: 'bonus' })}>
                  Pay a bonus
                </Button>
              )}
              <Button size="xs" variant="default" color="red" onClick={() => open({ kind: 'end' })}>
                End contract
              </Button>
            </Group>
          ) : undefined
        }
      >
        {overview.milestones.length === 0 ? (
          <EmptyNote title="No milestones">This contract is paid by the hour; see the work diary.</EmptyNote>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Milestone timeline">
            {overview.milestones.map((milestone) => (
              <li key={milestone.id}>
                <MilestoneItem milestone={milestone} viewer={overview.viewer} active={active} now={now} open={open} />
              </li>
            ))}
          </Stack>
        )}
        {overview.leftoverCents > 0 && (
          <Text size="sm">
            {money(overview.leftoverCents)} left in escrow by a partial payment goes to the next milestone funded.
          </Text>
        )}
      </Section>
      <Section id="payments" title="Payments" description="Every release and bonus, with the fees.">
        {overview.payments.length === 0 ? (
          <EmptyNote title="No payments yet">Approved milestones and bonuses appear here.</EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Payments" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th ta="right">Paid</Table.Th>
                  <Table.Th ta="right">Service fee</Table.Th>
                  <Table.Th ta="right">Freelancer got</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.payments.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>{formatDateTime(payment.paidAt)}</Table.Td>
                    <Table.Td>
                      {payment.kind === 'bonus'
                        ? `Bonus: ${payment.note}`
                        : (overview.milestones.find((m) => m.id === payment.milestoneId)?.title ?? 'Milestone')}
                      {payment.paidBy === null && ' (approved automatically)'}
                    </Table.Td>
                    <Table.Td ta="right">{money(payment.grossCents)}</Table.Td>
                    <Table.Td ta="right">−{money(payment.serviceFeeCents)}</Table.Td>
                    <Table.Td ta="right">{money(payment.netCents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
