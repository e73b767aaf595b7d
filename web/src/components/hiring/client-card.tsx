import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientCard as ClientCardData } from '../../api/hiring-queries.ts';
import { formatDate, formatLocation, formatMoney, formatRelative } from '../../lib/format.ts';
import { CheckIcon, MapPinIcon } from '../icons.tsx';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

export function PaymentBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <Badge color="teal" variant="light" leftSection={<CheckIcon size={14} />} radius="sm">
      Payment verified
    </Badge>
  ) : (
    <Badge color="gray" variant="light" radius="sm">
      Payment not verified
    </Badge>
  );
}

/** A client's hiring record, as the job page's card and the client's own page show it. */
export function ClientFacts({
  client,
}: {
  client: Pick<
    ClientCardData,
    'jobsPosted' | 'openJobs' | 'hireRatePercent' | 'totalSpentCents' | 'currency' | 'hires'
  >;
}) {
  return (
    <Group gap="lg" align="flex-start">
      <Fact label="Jobs posted" value={`${client.jobsPosted} (${client.openJobs} open)`} />
      <Fact label="Hire rate" value={client.hireRatePercent === null ? 'No hires yet' : `${client.hireRatePercent}%`} />
      <Fact label="Total spent" value={formatMoney(client.totalSpentCents, client.currency)} />
      <Fact label="Hires" value={String(client.hires)} />
    </Group>
  );
}

/** What a freelancer checks about a client before spending Connects on a proposal. */
export function ClientCard({ client }: { client: ClientCardData }) {
  const place = formatLocation(client.location);
  return (
    <Paper p="lg" component="section" aria-labelledby="client-card-title">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="client-card-title">
          About the client
        </Title>
        <div>
          <Anchor component={Link} to={`/clients/${client.userId}`} fw={600}>
            {client.company || client.name}
          </Anchor>
          {client.company && (
            <Text size="sm" c="dimmed">
              {client.name}
            </Text>
          )}
        </div>
        <PaymentBadge verified={client.paymentVerified} />
        {place && (
          <Group gap={4} wrap="nowrap" c="dimmed">
            <MapPinIcon size={16} />
            <Text size="sm">{place}</Text>
          </Group>
        )}
        <ClientFacts client={client} />
        <Text size="xs" c="dimmed">
          Member since {formatDate(client.memberSince)}
          {client.lastActiveAt ? ` · Last active ${formatRelative(client.lastActiveAt)}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
