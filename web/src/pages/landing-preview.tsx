import { Badge, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { formatMoney } from '../lib/format.ts';

const milestones = [
  { title: 'Design and clickable prototype', cents: 120_000, state: 'Paid', color: 'teal' },
  { title: 'Booking flow and reminders', cents: 240_000, state: 'Funded', color: 'blue' },
  { title: 'Launch and handover', cents: 90_000, state: 'Not funded yet', color: 'gray' },
] as const;

/** An illustration of a contract as Workroom shows it: milestones, states in words, money in escrow. */
export function ContractPreview() {
  return (
    <Paper component="figure" m={0} p="lg" shadow="md" w={400} maw="100%">
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Fixed-price contract
          </Text>
          <Text fw={650}>Booking app for a dental clinic</Text>
        </div>
        <Stack gap={8} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {milestones.map((milestone) => (
            <Group component="li" key={milestone.title} justify="space-between" wrap="nowrap" gap="xs">
              <div>
                <Text size="sm">{milestone.title}</Text>
                <Text size="xs" c="dimmed">
                  {formatMoney(milestone.cents, 'USD')}
                </Text>
              </div>
              <Badge variant="light" color={milestone.color} tt="none">
                {milestone.state}
              </Badge>
            </Group>
          ))}
        </Stack>
        <Divider />
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            In escrow
          </Text>
          <Text size="sm" fw={700}>
            {formatMoney(240_000, 'USD')}
          </Text>
        </Group>
        <Text component="figcaption" size="xs" c="dimmed">
          An example: the client funds each milestone before work starts and releases it on approval.
        </Text>
      </Stack>
    </Paper>
  );
}
