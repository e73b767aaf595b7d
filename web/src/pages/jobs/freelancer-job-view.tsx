import { Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type JobPage, useConnects, useMyProposalFor } from '../../api/hiring-queries.ts';
import { ClientCard } from '../../components/hiring/client-card.tsx';
import { connectsForJob } from '../../components/hiring/connects-cost.ts';
import { proposalStateBadges, termsSummary } from '../../components/hiring/labels.ts';
import { Notice } from '../../components/hiring/notice.tsx';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { formatRelative } from '../../lib/format.ts';
import { JobDetails } from './job-details.tsx';

function Activity({ page }: { page: JobPage }) {
  const rows: [string, string][] = [
    ['Proposals', page.activity.proposals],
    ['Interviewing', String(page.activity.interviewing)],
    ['Invites sent', String(page.activity.invitesSent)],
    ['Client last active', page.client.lastActiveAt ? formatRelative(page.client.lastActiveAt) : 'Not yet'],
  ];
  return (
    <Paper p="lg" component="section" aria-labelledby="job-activity-title">
      <Title order={2} fz="h5" id="job-activity-title" mb="sm">
        Activity on this job
      </Title>
      <Stack gap={6} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} justify="space-between" wrap="nowrap">
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" fw={600} m={0}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function ApplyCard({ page }: { page: JobPage }) {
  const { job } = page;
  const connects = useConnects();
  const mine = useMyProposalFor(job.id, true);
  const cost = page.viewer.invited ? 0 : connects.data ? connectsForJob(job.terms, connects.data.proposalCost) : null;
  const balance = connects.data?.balance;

  if (mine.data) {
    return (
      <Paper p="lg" component="section" aria-labelledby="apply-title">
        <Stack gap="sm">
          <Title order={2} fz="h5" id="apply-title">
            Your proposal
          </Title>
          <Group gap="xs">
            <StateBadge badge={proposalStateBadges[mine.data.state]} />
          </Group>
          <Button component={Link} to={`/proposals/${mine.data.id}`} variant="default">
            View your proposal
          </Button>
        </Stack>
      </Paper>
    );
  }
  const missing = cost !== null && balance !== undefined ? cost - balance : 0;
  return (
    <Paper p="lg" component="section" aria-labelledby="apply-title">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="apply-title">
          Interested?
        </Title>
        {job.state !== 'open' ? (
          <Text size="sm">This job is no longer taking proposals.</Text>
        ) : (
          <>
            <Text size="sm" data-testid="proposal-cost">
              {page.viewer.invited
                ? 'You were invited: this proposal is free.'
                : cost === null
                  ? 'Working out the Connects it costs…'
                  : `Sending a proposal costs ${cost} Connects.`}
            </Text>
            {balance !== undefined && (
              <Text size="sm" c="dimmed" data-testid="connects-balance">
                You have {balance} Connects.{' '}
              </Text>
            )}
            {missing > 0 && (
              <Notice>
                <Text size="sm">You need {missing} more Connects.</Text>
                <Button component={Link} to="/connects" size="xs" variant="default" mt={6}>
                  Buy Connects
                </Button>
              </Notice>
            )}
            <Button component={Link} to={`/jobs/${job.id}/apply`} disabled={mine.isPending}>
              Submit a proposal
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** A job as a freelancer reads it: the work, the client behind it, and what applying costs. */
export function FreelancerJobView({ page, isFreelancer }: { page: JobPage; isFreelancer: boolean }) {
  const { job } = page;
  return (
    <Stack gap="lg">
      <PageHeader
        title={job.title}
        badge={
          page.viewer.invited ? (
            <Badge color="violet" variant="light" radius="sm">
              You are invited
            </Badge>
          ) : undefined
        }
        description={`${termsSummary(job.terms)}${page.activity.postedAt ? ` · Posted ${formatRelative(page.activity.postedAt)}` : ''}`}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <JobDetails job={job} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {isFreelancer && <ApplyCard page={page} />}
            <Activity page={page} />
            <ClientCard client={page.client} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
