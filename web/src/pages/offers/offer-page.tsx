import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage, unwrap } from '../../api/client.ts';
import { hiringKeys, messageKeys, type Offer, useOffer } from '../../api/hiring-queries.ts';
import { moneyKeys } from '../../api/money-queries.ts';
import { type Me, RequireSignedIn } from '../../app/session.tsx';
import { formatCalendarDate, offerStateBadges } from '../../components/hiring/labels.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { TextPromptModal } from '../../components/hiring/text-prompt-modal.tsx';
import { useIdempotentAttempt } from '../../components/money/use-idempotent-attempt.ts';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDateTime, formatMoney, formatRate, formatRelative } from '../../lib/format.ts';
import NotFoundPage from '../not-found-page.tsx';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function Terms({ offer }: { offer: Offer }) {
  const money = (cents: number) => formatMoney(cents, offer.currency);
  return (
    <Paper p="lg" component="section" aria-labelledby="offer-terms-title">
      <Title order={2} fz="h5" id="offer-terms-title" mb="sm">
        Terms
      </Title>
      <Stack gap="md">
        <Group gap="xl" wrap="wrap">
          <Fact label="Type" value={offer.type === 'fixed' ? 'Fixed price' : 'Hourly'} />
          {offer.hourly && (
            <>
              <Fact label="Rate" value={formatRate(offer.hourly.rateCents, offer.currency)} />
              <Fact label="Weekly limit" value={`${offer.hourly.weeklyLimitHours} hrs`} />
              <Fact label="Manual time" value={offer.hourly.manualTimeAllowed ? 'Allowed' : 'Not allowed'} />
            </>
          )}
          {offer.fixed && <Fact label="Total" value={money(offer.fixed.totalCents)} testId="offer-total" />}
          <Fact label="Starts" value={formatCalendarDate(offer.startDate)} />
        </Group>
        {offer.fixed && (
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder verticalSpacing={6} aria-label="Milestones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th w={130}>Escrow</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offer.fixed.milestones.map((milestone) => (
                  <Table.Tr key={milestone.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {milestone.title}
                      </Text>
                      <Text size="xs" c="dimmed" className="preserve-lines">
                        Done when: {milestone.acceptanceCriteria}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatCalendarDate(milestone.dueDate)}</Table.Td>
                    <Table.Td ta="right">{money(milestone.amountCents)}</Table.Td>
                    <Table.Td>
                      {milestone.funded ? (
                        <Badge color="teal" variant="light" radius="sm">
                          Funded
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" radius="sm">
                          Not funded yet
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <div>
          <Text size="sm" fw={600} mb={4}>
            Scope
          </Text>
          <Text size="sm" className="preserve-lines">
            {offer.description}
          </Text>
        </div>
        {offer.deliverables.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Deliverables
            </Text>
            {offer.deliverables.map((deliverable, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: deliverables are ordered and have no ids
              <Text key={index} size="sm">
                {index + 1}. {deliverable.title}{' '}
                <Text span size="sm" c="dimmed">
                  — done when: {deliverable.acceptanceCriteria}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Money({ offer, viewerIsClient }: { offer: Offer; viewerIsClient: boolean }) {
  const money = (cents: number) => formatMoney(cents, offer.currency);
  const { fees, funding } = offer;
  const per = fees.basis === 'hour' ? ' per hour' : '';
  const rows: [string, string, boolean?][] = [
    [fees.basis === 'hour' ? 'Hourly rate' : 'Contract total', money(fees.amountCents)],
    [
      `Client pays${per} (with ${money(fees.client.marketplaceFeeCents)} marketplace fee)`,
      money(fees.client.totalCents),
      viewerIsClient,
    ],
    [
      `Freelancer receives${per} (after ${money(fees.freelancer.serviceFeeCents)} service fee)`,
      money(fees.freelancer.netCents),
      !viewerIsClient,
    ],
  ];
  if (fees.weeklyLimit) {
    rows.push([
      `A full week (${fees.weeklyLimit.hours} hrs) costs the client at most`,
      money(fees.weeklyLimit.clientMaxCents),
    ]);
    rows.push(['and pays the freelancer at most', money(fees.weeklyLimit.freelancerMaxNetCents)]);
  }
  return (
    <Stack gap="md">
      {offer.type === 'fixed' && (
        <Paper p="lg" component="section" aria-labelledby="offer-escrow-title" bg="teal.0">
          <Title order={2} fz="h5" id="offer-escrow-title" mb={4}>
            In escrow
          </Title>
          <Text fz={28} fw={700} data-testid="escrow-funded">
            {money(funding.fundedCents)}
          </Text>
          <Text size="sm" c="dimmed">
            {offer.state === 'pending'
              ? 'Held for this offer; paid out only when milestones are approved, returned in full if the offer is declined, withdrawn or expires.'
              : offer.state === 'accepted'
                ? `The contract’s escrow holds ${money(funding.escrowBalanceCents)}.`
                : 'Returned to the client.'}
          </Text>
          {viewerIsClient && funding.paidCents > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              You paid {money(funding.paidCents)} ({money(funding.fundedCents)} + {money(funding.clientFeeCents)} fee).
            </Text>
          )}
        </Paper>
      )}
      <Paper p="lg" component="section" aria-labelledby="offer-fees-title">
        <Title order={2} fz="h5" id="offer-fees-title" mb="xs">
          Fees on both sides
        </Title>
        <Table withRowBorders={false} verticalSpacing={4} aria-label="Fees">
          <Table.Tbody>
            {rows.map(([label, value, strong]) => (
              <Table.Tr key={label}>
                <Table.Td fw={strong ? 700 : undefined}>{label}</Table.Td>
                <Table.Td ta="right" fw={strong ? 700 : undefined}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function Actions({ offer, me }: { offer: Offer; me: Me }) {
  const queryClient = useQueryClient();
  const attempt = useIdempotentAttempt();
  const [confirmAccept, setConfirmAccept] = useState(false);
  const [declining, setDeclining] = useState(false);
  const isFreelancer = offer.freelancer.userId === me.id;
  const isClient = offer.client.userId === me.id;
  const withKey = () => ({ params: { path: { id: offer.id }, header: { 'idempotency-key': attempt.key() } } });
  const refresh = () => {
    attempt.settled();
    void queryClient.invalidateQueries({ queryKey: hiringKeys.all });
    void queryClient.invalidateQueries({ queryKey: messageKeys.all });
    void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
  };
  const done = (updated: Offer) => {
    queryClient.setQueryData(hiringKeys.offer(offer.id), updated);
    refresh();
  };
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST('/api/offers/{id}/accept', withKey())),
    onSuccess: () => {
      refresh();
      setConfirmAccept(false);
      notifications.show({ color: 'teal', title: 'Offer accepted', message: 'Your contract has started.' });
    },
    onError: (error) => attempt.settled(error),
  });
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/offers/{id}/withdraw', withKey())),
    onSuccess: done,
    onError: (error) => {
      attempt.settled(error);
      notifications.show({ color: 'red', title: 'Not withdrawn', message: errorMessage(error) });
    },
  });
  if (offer.state !== 'pending') return null;
  return (
    <>
      {isFreelancer && (
        <>
          <Button onClick={() => setConfirmAccept(true)}>Accept offer</Button>
          <Button variant="default" color="red" onClick={() => setDeclining(true)}>
            Decline
          </Button>
        </>
      )}
      {isClient && (
        <Button variant="subtle" color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
          Withdraw offer
        </Button>
      )}
      <Modal opened={confirmAccept} onClose={() => setConfirmAccept(false)} title="Accept this offer?">
        <Stack gap="md">
          <Text size="sm">
            Accepting starts the contract “{offer.title}” with {offer.client.name} on these terms
            {offer.fixed
              ? `: ${formatMoney(offer.fees.freelancer.netCents, offer.currency)} to you after fees for ${formatMoney(offer.fixed.totalCents, offer.currency)} of work.`
              : `: ${formatMoney(offer.fees.freelancer.netCents, offer.currency)} an hour to you after fees.`}
          </Text>
          {accept.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(accept.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmAccept(false)}>
              Not yet
            </Button>
            <Button loading={accept.isPending} onClick={() => accept.mutate()}>
              Accept and start the contract
            </Button>
          </Group>
        </Stack>
      </Modal>
      <TextPromptModal
        opened={declining}
        onClose={() => setDeclining(false)}
        title="Decline this offer"
        label="Reason"
        description={`${offer.client.name} sees this reason. Any money funded returns to them.`}
        submitLabel="Decline offer"
        submitColor="red"
        maxLength={1000}
        onSubmit={async (reason) => {
          try {
            done(await unwrap(api.POST('/api/offers/{id}/decline', { ...withKey(), body: { reason } })));
          } catch (error) {
            attempt.settled(error);
            throw error;
          }
        }}
      />
    </>
  );
}

function OfferView({ offer, me }: { offer: Offer; me: Me }) {
  const viewerIsClient = offer.client.userId === me.id;
  const other = viewerIsClient ? offer.freelancer : offer.client;
  return (
    <Stack gap="lg">
      <PageHeader
        title={offer.title}
        badge={<StateBadge badge={offerStateBadges[offer.state]} />}
        description={
          <>
            {viewerIsClient ? 'Your offer to ' : 'An offer from '}
            <Anchor
              component={Link}
              to={viewerIsClient ? `/freelancers/${other.userId}` : `/clients/${other.userId}`}
              size="sm"
            >
              {other.name}
            </Anchor>
            {offer.job && (
              <>
                {' '}
                for{' '}
                <Anchor component={Link} to={`/jobs/${offer.job.id}`} size="sm">
                  {offer.job.title}
                </Anchor>
              </>
            )}{' '}
            · sent {formatRelative(offer.createdAt)}
          </>
        }
        actions={<Actions offer={offer} me={me} />}
      />
      {offer.state === 'pending' && (
        <Alert color="blue" variant="light">
          {viewerIsClient ? `${offer.freelancer.name} can answer until` : 'Answer by'} {formatDateTime(offer.expiresAt)}{' '}
          ({formatRelative(offer.expiresAt)}); after that it expires
          {offer.funding.fundedCents > 0
            ? ` and the funded money returns to ${viewerIsClient ? 'you' : 'the client'}`
            : ''}
          .
        </Alert>
      )}
      {offer.state === 'accepted' && offer.contractId && (
        <Alert color="teal" variant="light" title="Accepted: the contract has started">
          <Button component={Link} to={`/contracts/${offer.contractId}`} size="xs" variant="default">
            Open the contract
          </Button>
        </Alert>
      )}
      {offer.declineReason && (
        <Alert color="gray" variant="light" title="Declined">
          {offer.declineReason}
        </Alert>
      )}
      {offer.message && (
        <Paper p="lg">
          <Text size="sm" fw={600} mb={4}>
            Note from {offer.client.name}
          </Text>
          <Text size="sm" className="preserve-lines">
            {offer.message}
          </Text>
        </Paper>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Terms offer={offer} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Money offer={offer} viewerIsClient={viewerIsClient} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function OfferLoader({ me }: { me: Me }) {
  const { offerId = '' } = useParams();
  const offer = useOffer(offerId);
  if (offer.isError && offer.error instanceof ApiError && offer.error.status === 404) return <NotFoundPage />;
  return (
    <Container size="xl" w="100%" py="xl">
      {offer.isPending ? (
        <LoadingBlocks rows={10} label="Loading the offer" />
      ) : offer.isError ? (
        <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />
      ) : (
        <OfferView offer={offer.data} me={me} />
      )}
    </Container>
  );
}

export default function OfferPage() {
  return <RequireSignedIn>{(me) => <OfferLoader me={me} />}</RequireSignedIn>;
}
