import { Anchor, Badge, Button, Container, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type Proposal } from '../../api/hiring-queries.ts';
import { offerStateBadges, proposalStateBadges, termsSummary } from '../../components/hiring/labels.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { bidText } from '../../components/hiring/proposal-body.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDate, formatMoney, formatRelative } from '../../lib/format.ts';

type Filter = 'active' | 'interviewing' | 'hired' | 'closed';
const filters: Record<Filter, (proposal: Proposal) => boolean> = {
  active: (proposal) => ['submitted', 'shortlisted', 'archived', 'interviewing'].includes(proposal.state),
  interviewing: (proposal) => proposal.state === 'interviewing',
  hired: (proposal) => proposal.state === 'hired',
  closed: (proposal) => ['declined', 'withdrawn'].includes(proposal.state),
};

function PendingOffers() {
  const offers = useQuery({
    queryKey: hiringKeys.offers({ role: 'freelancer', state: 'pending' }),
    queryFn: () =>
      unwrap(api.GET('/api/offers', { params: { query: { role: 'freelancer', state: 'pending', limit: 20 } } })),
  });
  if (!offers.data || offers.data.items.length === 0) return null;
  return (
    <Paper p="lg" component="section" aria-labelledby="offers-title" bg="blue.0">
      <Title order={2} fz="h4" id="offers-title" mb="sm">
        Offers waiting for your answer
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {offers.data.items.map((offer) => (
          <Group key={offer.id} component="li" justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/offers/${offer.id}`} fw={600}>
                {offer.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                From {offer.client.name} ·{' '}
                {offer.fixed
                  ? `${formatMoney(offer.fixed.totalCents, offer.currency)} fixed`
                  : offer.hourly
                    ? `${formatMoney(offer.hourly.rateCents, offer.currency)}/hr`
                    : ''}{' '}
                · answer by {formatDate(offer.expiresAt)} ({formatRelative(offer.expiresAt)})
              </Text>
            </Stack>
            <StateBadge badge={offerStateBadges[offer.state]} size="sm" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function Invitations() {
  const invitations = useQuery({
    queryKey: hiringKeys.invitations,
    queryFn: () => unwrap(api.GET('/api/invitations', { params: { query: { limit: 20 } } })),
  });
  const open = invitations.data?.items.filter((invitation) => invitation.job.state === 'open') ?? [];
  if (open.length === 0) return null;
  return (
    <Paper p="lg" component="section" aria-labelledby="invitations-title">
      <Title order={2} fz="h4" id="invitations-title" mb="sm">
        Invitations to apply
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {open.map((invitation) => (
          <Stack key={invitation.id} gap={2} component="li">
            <Group gap="xs">
              <Anchor component={Link} to={`/jobs/${invitation.job.id}`} fw={600}>
                {invitation.job.title}
              </Anchor>
              <Badge color="violet" variant="light" size="sm" radius="sm">
                Free to apply
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {invitation.client.name} · {termsSummary(invitation.job.terms)} · {formatRelative(invitation.createdAt)}
            </Text>
            <Text size="sm" lineClamp={2}>
              “{invitation.message}”
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function ProposalRow({ proposal }: { proposal: Proposal }) {
  return (
    <Paper p="md" component="li" aria-label={proposal.job.title}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 300px', minWidth: 0 }}>
          <Group gap="xs">
            <Anchor component={Link} to={`/proposals/${proposal.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {proposal.job.title}
            </Anchor>
            <StateBadge badge={proposalStateBadges[proposal.state]} size="sm" />
          </Group>
          <Text size="sm">
            Your bid: {bidText(proposal)}
            {proposal.youReceiveCents !== null &&
              ` · you receive ${formatMoney(proposal.youReceiveCents, proposal.bid.currency)}${proposal.bid.type === 'hourly' ? '/hr' : ''}`}
          </Text>
          <Text size="xs" c="dimmed">
            Sent {formatRelative(proposal.createdAt)} ·{' '}
            {proposal.invited ? 'free (invited)' : `${proposal.connectsSpent} Connects`}
          </Text>
          {proposal.declineReason && (
            <Text size="sm" c="dimmed">
              The client declined: {proposal.declineReason}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {proposal.pendingOfferId && (
            <Button component={Link} to={`/offers/${proposal.pendingOfferId}`} size="compact-sm">
              View offer
            </Button>
          )}
          {proposal.threadId && (
            <Button component={Link} to={`/messages/${proposal.threadId}`} variant="default" size="compact-sm">
              Open conversation
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function MyProposals() {
  const [filter, setFilter] = useState<Filter>('active');
  const proposals = useInfiniteQuery({
    queryKey: hiringKeys.myProposals({ all: true }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/proposals/mine', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const all = proposals.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = all.filter(filters[filter]);
  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Your proposals"
          description="Where each proposal stands, the offers waiting for you, and invitations to apply."
          actions={
            <Button component={Link} to="/find-work" variant="default">
              Find work
            </Button>
          }
        />
        <PendingOffers />
        <Invitations />
        <SegmentedControl
          aria-label="Show proposals"
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'interviewing', label: 'Interviewing' },
            { value: 'hired', label: 'Hired' },
            { value: 'closed', label: 'Declined or withdrawn' },
          ]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
        {proposals.isPending ? (
          <LoadingBlocks rows={5} label="Loading your proposals" />
        ) : proposals.isError ? (
          <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
        ) : shown.length === 0 ? (
          <Paper p="lg">
            <EmptyNote
              title={all.length === 0 ? 'You have not sent a proposal yet' : 'Nothing here'}
              action={
                all.length === 0 ? (
                  <Button component={Link} to="/find-work" size="sm">
                    Find work
                  </Button>
                ) : undefined
              }
            >
              {all.length === 0
                ? 'Search open jobs and send a proposal; it costs a few Connects.'
                : 'Choose another filter above.'}
            </EmptyNote>
          </Paper>
        ) : (
          <Stack gap="sm" component="ul" aria-label="Proposals" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {shown.map((proposal) => (
              <ProposalRow key={proposal.id} proposal={proposal} />
            ))}
          </Stack>
        )}
        {proposals.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void proposals.fetchNextPage()}
            loading={proposals.isFetchingNextPage}
            style={{ alignSelf: 'center' }}
          >
            Load more
          </Button>
        )}
      </Stack>
    </Container>
  );
}

export default function MyProposalsPage() {
  return <RequireRole needs="freelancer">{() => <MyProposals />}</RequireRole>;
}
