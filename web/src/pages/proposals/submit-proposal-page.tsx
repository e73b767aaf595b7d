import { Alert, Anchor, Badge, Button, Container, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type JobPage, useConnects, useJobPage, useMyProposalFor } from '../../api/hiring-queries.ts';
import { connectsForJob } from '../../components/hiring/connects-cost.ts';
import { termsDetails, termsSummary } from '../../components/hiring/labels.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { ProposalForm } from './proposal-form.tsx';
import { emptyProposalForm, type ProposalFormValues, toProposalRequest } from './proposal-form-values.ts';

function ConnectsNote({ page }: { page: JobPage }) {
  const connects = useConnects();
  if (page.viewer.invited) {
    return (
      <Badge color="violet" variant="light" radius="sm" size="lg" tt="none">
        Invited: this proposal is free
      </Badge>
    );
  }
  if (!connects.data)
    return (
      <Text size="sm" c="dimmed">
        Loading your Connects…
      </Text>
    );
  const cost = connectsForJob(page.job.terms, connects.data.proposalCost);
  const short = connects.data.balance < cost;
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="proposal-cost">
        This proposal costs <strong>{cost} Connects</strong>.
      </Text>
      <Text size="sm" c={short ? 'red.9' : 'dimmed'} data-testid="connects-balance">
        You have {connects.data.balance} Connects.{' '}
        {short && (
          <Anchor component={Link} to="/connects" size="sm">
            Buy Connects
          </Anchor>
        )}
      </Text>
    </Stack>
  );
}

function SubmitProposal({ page }: { page: JobPage }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { job } = page;
  const submit = async (values: ProposalFormValues) => {
    const proposal = await unwrap(
      api.POST('/api/jobs/{jobId}/proposals', {
        params: { path: { jobId: job.id } },
        body: toProposalRequest(values, job.terms.type),
      }),
    );
    await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
    notifications.show({
      color: 'teal',
      title: 'Proposal sent',
      message:
        proposal.connectsSpent > 0
          ? `${proposal.connectsSpent} Connects spent. The client is notified.`
          : 'It was free: you were invited. The client is notified.',
    });
    navigate(`/proposals/${proposal.id}`);
  };
  return (
    <Stack gap="lg">
      <PageHeader title="Submit a proposal" />
      <Paper p="lg" component="section" aria-label="The job">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={2} style={{ flex: '1 1 300px', minWidth: 0 }}>
            <Anchor component={Link} to={`/jobs/${job.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {job.title}
            </Anchor>
            <Text size="sm">{termsSummary(job.terms)}</Text>
            <Text size="xs" c="dimmed">
              {termsDetails(job.terms)}
            </Text>
          </Stack>
          <ConnectsNote page={page} />
        </Group>
      </Paper>
      <ProposalForm job={job} initialValues={emptyProposalForm(job)} submitLabel="Send proposal" onSubmit={submit} />
    </Stack>
  );
}

function SubmitProposalLoader() {
  const { jobId = '' } = useParams();
  const page = useJobPage(jobId);
  const mine = useMyProposalFor(jobId, true);
  let body: ReactNode;
  if (page.isPending || mine.isPending) body = <LoadingBlocks rows={8} label="Loading the job" />;
  else if (page.isError) body = <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  else if (mine.data) return <Navigate to={`/proposals/${mine.data.id}`} replace />;
  else if (page.data.job.state !== 'open')
    body = (
      <Alert color="gray" variant="light" title="This job no longer takes proposals">
        <Button component={Link} to="/find-work" variant="default" size="xs" mt="xs">
          Find other work
        </Button>
      </Alert>
    );
  else body = <SubmitProposal page={page.data} />;
  return (
    <Container size="md" w="100%" py="xl">
      {body}
    </Container>
  );
}

export default function SubmitProposalPage() {
  return <RequireRole needs="freelancer">{() => <SubmitProposalLoader />}</RequireRole>;
}
