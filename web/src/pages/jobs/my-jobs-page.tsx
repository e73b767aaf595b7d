import { Anchor, Badge, Button, Container, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type MyJob } from '../../api/hiring-queries.ts';
import { jobStateBadges, termsSummary } from '../../components/hiring/labels.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDate } from '../../lib/format.ts';

function Counter({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text fw={700} fz="lg" lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

function JobRow({ job }: { job: MyJob }) {
  const when = job.closedAt
    ? `Closed ${formatDate(job.closedAt)}${job.closeReason === 'hired' ? ' · hired' : job.closeReason === 'cancelled' ? ' · cancelled' : ''}`
    : job.publishedAt
      ? `Posted ${formatDate(job.publishedAt)}`
      : `Draft from ${formatDate(job.createdAt)}`;
  return (
    <Paper p="md" component="li" aria-label={job.title}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: '1 1 300px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to={`/jobs/${job.id}`}
              fw={600}
              underline="hover"
              style={{ overflowWrap: 'anywhere' }}
            >
              {job.title}
            </Anchor>
            <StateBadge badge={jobStateBadges[job.state]} size="sm" />
            {job.visibility === 'invite_only' && (
              <Badge color="gray" variant="outline" size="sm" radius="sm">
                Invite only
              </Badge>
            )}
          </Group>
          <Text size="sm">{termsSummary(job.terms)}</Text>
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        </Stack>
        <SimpleGrid cols={4} spacing="lg" aria-label="Activity">
          <Counter label="Proposals" value={job.counters.proposals} />
          <Counter label="Interviewing" value={job.counters.interviewing} />
          <Counter label="Invites" value={job.counters.invitesSent} />
          <Counter label="Hired" value={job.counters.hires} />
        </SimpleGrid>
      </Group>
    </Paper>
  );
}

function MyJobs() {
  const jobs = useInfiniteQuery({
    queryKey: hiringKeys.myJobs,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/my/jobs', { params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Your jobs"
          description="Drafts, open jobs and closed ones, with what is happening on each."
          actions={
            <Button component={Link} to="/jobs/new" leftSection={<PlusIcon size={16} />}>
              Post a job
            </Button>
          }
        />
        {jobs.isPending ? (
          <LoadingBlocks rows={6} label="Loading your jobs" />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : items.length === 0 ? (
          <Paper p="lg">
            <EmptyNote
              title="You have not posted a job yet"
              action={
                <Button component={Link} to="/jobs/new" size="sm">
                  Post your first job
                </Button>
              }
            >
              Describe the work and the deliverables; freelancers send proposals, you interview and hire.
            </EmptyNote>
          </Paper>
        ) : (
          <Stack gap="sm" component="ul" aria-label="Your jobs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </Stack>
        )}
        {jobs.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void jobs.fetchNextPage()}
            loading={jobs.isFetchingNextPage}
            style={{ alignSelf: 'center' }}
          >
            Load more
          </Button>
        )}
      </Stack>
    </Container>
  );
}

export default function MyJobsPage() {
  return <RequireRole needs="client">{() => <MyJobs />}</RequireRole>;
}
