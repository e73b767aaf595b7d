import { Badge, Button, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { hiringKeys, type JobPage } from '../../api/hiring-queries.ts';
import { jobStateBadges, termsSummary } from '../../components/hiring/labels.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { formatDate } from '../../lib/format.ts';
import { CloseJobModal } from './close-job-modal.tsx';
import { JobDetails } from './job-details.tsx';
import { JobHistory } from './job-history.tsx';
import { JobProposals } from './job-proposals.tsx';

function Counter({ label, value }: { label: string; value: number }) {
  return (
    <Paper p="md">
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

const tabs = ['proposals', 'job', 'history'] as const;
type Tab = (typeof tabs)[number];

/** The client's own job: its proposals to triage, the post itself, and what changed. */
export function OwnerJobView({ page }: { page: JobPage }) {
  const { job } = page;
  const counters = page.counters ?? { proposals: 0, interviewing: 0, invitesSent: 0, hires: 0 };
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [closing, setClosing] = useState(false);
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : job.state === 'draft' ? 'job' : 'proposals';
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/jobs/{id}/publish', { params: { path: { id: job.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hiringKeys.all });
      notifications.show({ color: 'teal', title: 'Your job is posted', message: 'Freelancers can find it now.' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not published', message: errorMessage(error) }),
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={job.title}
        badge={
          <>
            <StateBadge badge={jobStateBadges[job.state]} />
            {job.visibility === 'invite_only' && (
              <Badge color="gray" variant="outline" radius="sm">
                Invite only
              </Badge>
            )}
          </>
        }
        description={`${termsSummary(job.terms)} · ${
          job.closedAt
            ? `Closed ${formatDate(job.closedAt)}${job.closeNote ? `: ${job.closeNote}` : ''}`
            : job.publishedAt
              ? `Posted ${formatDate(job.publishedAt)}`
              : 'Draft, not visible to freelancers'
        }`}
        actions={
          job.state !== 'closed' && (
            <>
              {job.state === 'draft' && (
                <Button onClick={() => publish.mutate()} loading={publish.isPending}>
                  Publish
                </Button>
              )}
              <Button component={Link} to={`/jobs/${job.id}/edit`} variant="default">
                Edit
              </Button>
              {job.state === 'open' && (
                <Button component={Link} to={`/talent?jobId=${job.id}`} variant="default">
                  Invite freelancers
                </Button>
              )}
              <Button variant="subtle" color="red" onClick={() => setClosing(true)}>
                Close job
              </Button>
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Counter label="Proposals" value={counters.proposals} />
        <Counter label="Interviewing" value={counters.interviewing} />
        <Counter label="Invites sent" value={counters.invitesSent} />
        <Counter label="Hired" value={counters.hires} />
      </SimpleGrid>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="proposals">Proposals ({counters.proposals})</Tabs.Tab>
          <Tabs.Tab value="job">Job post</Tabs.Tab>
          <Tabs.Tab value="history">Edit history</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="proposals" pt="md">
          <JobProposals jobId={job.id} jobOpen={job.state === 'open'} />
        </Tabs.Panel>
        <Tabs.Panel value="job" pt="md">
          <JobDetails job={job} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <JobHistory jobId={job.id} currency={job.terms.currency} />
        </Tabs.Panel>
      </Tabs>
      <CloseJobModal jobId={job.id} hires={counters.hires} opened={closing} onClose={() => setClosing(false)} />
    </Stack>
  );
}
