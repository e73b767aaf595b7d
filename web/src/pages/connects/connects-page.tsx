import {
  Alert,
  Badge,
  Button,
  Container,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type Connects, hiringKeys, useConnects } from '../../api/hiring-queries.ts';
import { moneyKeys, useBillingMethods } from '../../api/money-queries.ts';
import { Notice } from '../../components/hiring/notice.tsx';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { useIdempotentAttempt } from '../../components/money/use-idempotent-attempt.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatDate, formatDateTime, formatMoney, formatRelative } from '../../lib/format.ts';
import { AddBillingMethodModal } from '../billing/add-billing-method-modal.tsx';

const sourceNames: Record<Connects['lots'][number]['source'], string> = {
  monthly_grant: 'Monthly free Connects',
  purchase: 'Bought',
  refund: 'Returned',
};

const kindNames: Record<Connects['history'][number]['kind'], string> = {
  grant: 'Monthly grant',
  purchase: 'Bought',
  spend: 'Proposal',
  refund: 'Returned',
  expire: 'Expired',
};

function BuyConnects({ connects }: { connects: Connects }) {
  const queryClient = useQueryClient();
  const methods = useBillingMethods();
  const usable = (methods.data?.items ?? []).filter((method) => method.status === 'verified');
  const [bundle, setBundle] = useState(String(connects.bundles[0]?.connects ?? 10));
  const [methodId, setMethodId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const attempt = useIdempotentAttempt();
  const chosen = connects.bundles.find((option) => String(option.connects) === bundle);
  const method =
    usable.find((candidate) => candidate.id === methodId) ??
    usable.find((candidate) => candidate.isDefault) ??
    usable[0];
  const buy = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/connects/purchase', {
          params: { header: { 'idempotency-key': attempt.key() } },
          body: { bundle: Number(bundle), ...(method ? { billingMethodId: method.id } : {}) },
        }),
      ),
    onSuccess: (purchase) => {
      attempt.settled();
      void queryClient.invalidateQueries({ queryKey: hiringKeys.connects });
      void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      notifications.show({
        color: 'teal',
        title: `${purchase.lot.granted} Connects added`,
        message: `You paid ${formatMoney(purchase.priceCents, purchase.currency)}; you have ${purchase.balance} now.`,
      });
    },
    onError: (error) => attempt.settled(error),
  });
  return (
    <Section
      id="buy"
      title="Buy Connects"
      description="Connects you buy last a year; the soonest to expire are spent first."
    >
      <Radio.Group label="Bundle" value={bundle} onChange={setBundle}>
        <SimpleGrid cols={{ base: 2, sm: 5 }} mt="xs">
          {connects.bundles.map((option) => (
            <Radio.Card key={option.connects} value={String(option.connects)} p="sm" radius="md">
              <Group wrap="nowrap" gap="xs">
                <Radio.Indicator />
                <div>
                  <Text fw={700}>{option.connects}</Text>
                  <Text size="xs" c="dimmed">
                    {formatMoney(option.priceCents, option.currency)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {methods.isPending ? (
        <LoadingBlocks rows={1} label="Loading your billing methods" />
      ) : usable.length === 0 ? (
        <Notice title="Add a billing method to buy Connects">
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            Add a card or account
          </Button>
        </Notice>
      ) : (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Pay with"
            data={usable.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
            value={method?.id ?? null}
            onChange={setMethodId}
            allowDeselect={false}
            w={280}
          />
          <Button onClick={() => buy.mutate()} loading={buy.isPending} disabled={!chosen}>
            Buy {chosen?.connects} Connects for {chosen ? formatMoney(chosen.priceCents, chosen.currency) : ''}
          </Button>
        </Group>
      )}
      <AddBillingMethodModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(added) => {
          setAdding(false);
          setMethodId(added.id);
        }}
      />
      {buy.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(buy.error)}
        </Alert>
      )}
    </Section>
  );
}

function ConnectsOverview() {
  const connects = useConnects();
  if (connects.isPending) {
    return (
      <Container size="lg" w="100%" py="xl">
        <LoadingBlocks rows={8} label="Loading your Connects" />
      </Container>
    );
  }
  if (connects.isError) {
    return (
      <Container size="lg" w="100%" py="xl">
        <ErrorState error={connects.error} onRetry={() => void connects.refetch()} />
      </Container>
    );
  }
  const data = connects.data;
  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Connects"
          description={`Proposals cost Connects by the job’s size; proposals you were invited to are free. You get ${data.monthlyGrant} free each month.`}
        />
        <Paper p="lg">
          <Text size="sm" c="dimmed">
            Available now
          </Text>
          <Text fz={40} fw={750} lh={1.1} data-testid="connects-balance">
            {data.balance}
          </Text>
        </Paper>
        <Section id="lots" title="When they expire">
          {data.lots.length === 0 ? (
            <EmptyNote title="No Connects right now">
              Your monthly grant arrives at the start of each month, or buy a bundle below.
            </EmptyNote>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table aria-label="Connects by expiry" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>From</Table.Th>
                    <Table.Th ta="right">Left</Table.Th>
                    <Table.Th>Received</Table.Th>
                    <Table.Th>Expires</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.lots.map((lot) => (
                    <Table.Tr key={lot.id}>
                      <Table.Td>{sourceNames[lot.source]}</Table.Td>
                      <Table.Td ta="right">
                        {lot.remaining} of {lot.granted}
                      </Table.Td>
                      <Table.Td>{formatDate(lot.grantedAt)}</Table.Td>
                      <Table.Td>
                        {formatDate(lot.expiresAt)} ({formatRelative(lot.expiresAt)})
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
        <BuyConnects connects={data} />
        <Section id="history" title="History">
          {data.history.length === 0 ? (
            <EmptyNote title="Nothing yet">Grants, purchases and proposals show here.</EmptyNote>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Connects history" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th ta="right">Connects</Table.Th>
                    <Table.Th ta="right">Balance</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.history.map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td>{formatDateTime(entry.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm">{entry.memo || kindNames[entry.kind]}</Text>
                          {entry.refunded && (
                            <Badge size="xs" color="teal" variant="light">
                              Returned
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {entry.amount > 0 ? `+${entry.amount}` : entry.amount}
                      </Table.Td>
                      <Table.Td ta="right">{entry.balanceAfter}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>
      </Stack>
    </Container>
  );
}

export default function ConnectsPage() {
  return <RequireRole needs="freelancer">{() => <ConnectsOverview />}</RequireRole>;
}
