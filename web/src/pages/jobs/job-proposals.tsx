import { Button, Group, Paper, Select, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type ProposalState } from '../../api/hiring-queries.ts';
import { proposalStateBadges } from '../../components/hiring/labels.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { ClientProposalCard } from './client-proposal-card.tsx';

type Sort = 'newest' | 'bid_low' | 'bid_high' | 'best_match';
const sorts: { value: Sort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'best_match', label: 'Best match' },
  { value: 'bid_low', label: 'Lowest bid' },
  { value: 'bid_high', label: 'Highest bid' },
];
const stateOptions = (Object.entries(proposalStateBadges) as [ProposalState, { label: string }][]).map(
  ([value, badge]) => ({ value, label: badge.label }),
);

/** The proposals to the client's job, sorted and filtered, with their triage actions. */
export function JobProposals({ jobId, jobOpen }: { jobId: string; jobOpen: boolean }) {
  const [sort, setSort] = useState<Sort>('newest');
  const [state, setState] = useState<ProposalState | null>(null);
  const proposals = useInfiniteQuery({
    queryKey: hiringKeys.jobProposals(jobId, { sort, state }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/jobs/{jobId}/proposals', {
          params: {
            path: { jobId },
            query: { sort, limit: 20, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = proposals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <Select
          label="Sort by"
          data={sorts}
          value={sort}
          onChange={(value) => setSort((value as Sort | null) ?? 'newest')}
          allowDeselect={false}
          w={180}
        />
        <Select
          label="Show"
          placeholder="All proposals"
          data={stateOptions}
          value={state}
          onChange={(value) => setState(value as ProposalState | null)}
          clearable
          w={200}
        />
      </Group>
      {proposals.isPending ? (
        <LoadingBlocks rows={5} label="Loading proposals" />
      ) : proposals.isError ? (
        <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : items.length === 0 ? (
        <Paper p="lg">
          <EmptyNote
            title={state ? 'No proposal in this state' : 'No proposals yet'}
            action={
              jobOpen && !state ? (
                <Button component={Link} to={`/talent?jobId=${jobId}`} size="sm" variant="default">
                  Invite freelancers
                </Button>
              ) : undefined
            }
          >
            {state
              ? 'Clear the filter to see every proposal.'
              : jobOpen
                ? 'Freelancers who find your job send proposals here. Invite a few you like to speed it up.'
                : 'Publish the job so freelancers can send proposals.'}
          </EmptyNote>
        </Paper>
      ) : (
        <Stack gap="sm" aria-label="Proposals">
          {items.map((proposal) => (
            <ClientProposalCard key={proposal.id} proposal={proposal} />
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
  );
}
