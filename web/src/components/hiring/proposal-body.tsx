import { Group, Stack, Table, Text } from '@mantine/core';
import type { Proposal } from '../../api/hiring-queries.ts';
import { formatDate, formatMoney, formatRate } from '../../lib/format.ts';
import { AttachmentList } from './attachments.tsx';
import { durationLabels, formatCalendarDate } from './labels.ts';

export function bidText(proposal: Proposal): string {
  const { bid } = proposal;
  return bid.type === 'hourly'
    ? formatRate(bid.amountCents, bid.currency)
    : `${formatMoney(bid.amountCents, bid.currency)} fixed`;
}

/** What a proposal says: the bid, the letter, the proposed milestones, answers and files. */
export function ProposalBody({ proposal }: { proposal: Proposal }) {
  const { bid } = proposal;
  return (
    <Stack gap="md">
      <Group gap="xl" wrap="wrap">
        <div>
          <Text size="xs" c="dimmed">
            Bid
          </Text>
          <Text fw={700} data-testid="proposal-bid">
            {bidText(proposal)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Estimated duration
          </Text>
          <Text fw={600}>{durationLabels[proposal.estimatedDuration]}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Sent
          </Text>
          <Text fw={600}>{formatDate(proposal.createdAt)}</Text>
        </div>
      </Group>
      <div>
        <Text size="sm" fw={600} mb={4}>
          Cover letter
        </Text>
        <Text size="sm" className="preserve-lines">
          {proposal.coverLetter}
        </Text>
      </div>
      {bid.milestones.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={4}>
            Proposed milestones
          </Text>
          <Table.ScrollContainer minWidth={360}>
            <Table withTableBorder verticalSpacing={6} aria-label="Proposed milestones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bid.milestones.map((milestone, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: proposed milestones are ordered and have no ids
                  <Table.Tr key={index}>
                    <Table.Td>{milestone.title}</Table.Td>
                    <Table.Td>{milestone.dueDate ? formatCalendarDate(milestone.dueDate) : '—'}</Table.Td>
                    <Table.Td ta="right">{formatMoney(milestone.amountCents, bid.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
      {proposal.answers.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Screening answers
          </Text>
          {proposal.answers.map((answer) => (
            <div key={answer.question}>
              <Text size="sm" c="dimmed">
                {answer.question}
              </Text>
              <Text size="sm" className="preserve-lines">
                {answer.answer}
              </Text>
            </div>
          ))}
        </Stack>
      )}
      <AttachmentList files={proposal.attachments} label="Proposal attachments" />
    </Stack>
  );
}
