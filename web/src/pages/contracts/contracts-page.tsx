import { Anchor, Badge, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type Me, RequireSignedIn } from '../../app/session.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { type Contract, useContracts } from './contract-queries.ts';
import { contractStates } from './labels.ts';

function ContractRow({ contract, me }: { contract: Contract; me: Me }) {
  const asClient = contract.client.userId === me.id;
  const other = asClient ? contract.freelancer : contract.client;
  const state = contractStates[contract.state] ?? { label: contract.state, color: 'gray' };
  const total = contract.terms.fixed
    ? formatMoney(contract.terms.fixed.totalCents, contract.currency)
    : contract.terms.hourly
      ? `${formatMoney(contract.terms.hourly.rateCents, contract.currency)}/hr`
      : '';
  return (
    <Paper p="md" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Anchor component={Link} to={`/contracts/${contract.id}`} fw={600} fz="lg">
            {contract.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {asClient ? 'Freelancer' : 'Client'}: {other.name} · {contract.type === 'fixed' ? 'Fixed price' : 'Hourly'}{' '}
            {total} · since {formatDate(contract.createdAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" color={asClient ? 'blue' : 'grape'} tt="none">
            You are the {asClient ? 'client' : 'freelancer'}
          </Badge>
          <Badge variant="light" color={state.color} tt="none">
            {state.label}
          </Badge>
        </Group>
      </Group>
      {contract.type === 'fixed' && (
        <Text size="sm" mt={6}>
          In escrow: <strong>{formatMoney(contract.escrowBalanceCents, contract.currency)}</strong>
        </Text>
      )}
    </Paper>
  );
}

function Contracts({ me }: { me: Me }) {
  const contracts = useContracts();
  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            Contracts
          </Title>
          <Text size="sm" c="dimmed">
            Every contract you work on or pay for, with its Workroom.
          </Text>
        </div>
        {contracts.isPending ? (
          <LoadingBlocks rows={4} label="Loading your contracts" />
        ) : contracts.isError ? (
          <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
        ) : contracts.data.items.length === 0 ? (
          <Paper p="lg">
            <EmptyNote title="No contracts yet">
              A contract starts when a freelancer accepts an offer. Its Workroom then holds the terms, the milestones,
              the messages and the money.
            </EmptyNote>
          </Paper>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} aria-label="Your contracts">
            {contracts.data.items.map((contract) => (
              <ContractRow key={contract.id} contract={contract} me={me} />
            ))}
          </Stack>
        )}
      </Stack>
    </Container>
  );
}

export default function ContractsPage() {
  return <RequireSignedIn>{(me) => <Contracts me={me} />}</RequireSignedIn>;
}
