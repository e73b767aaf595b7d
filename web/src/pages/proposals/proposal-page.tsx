import { Alert, Anchor, Button, Container, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError, api, errorMessage, unwrap } from '../../api/client.ts';
import { hiringKeys, type Proposal, useJobPage, useProposal } from '../../api/hiring-queries.ts';
import { type Me, RequireSignedIn } from '../../app/session.tsx';
import { proposalStateBadges } from '../../components/hiring/labels.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { ProposalBody } from '../../components/hiring/proposal-body.tsx';
import { StateBadge } from '../../components/hiring/state-badge.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatMoney } from '../../lib/format.ts';
import NotFoundPage from '../not-found-page.tsx';
import { ProposalForm } from './proposal-form.tsx';
import { type ProposalFormValues, proposalToForm, toProposalRequest } from './proposal-form-values.ts';

const EDITABLE = new Set(['submitted', 'shortlisted', 'interviewing']);
const WITHDRAWABLE = new Set(['submitted', 'shortlisted', 'archived', 'interviewing']);

function EditProposal({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const queryClient = useQueryClient();
  const job = useJobPage(proposal.job.id);
  if (job.isPending) return <LoadingBlocks rows={6} label="Loading the job" />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const save = async (values: ProposalFormValues) => {
    const updated = await unwrap(
      api.PATCH('/api/proposals/{id}', {
        params: { path: { id: proposal.id } },
        body: toProposalRequest(values, proposal.bid.type),
      }),
    );
    queryClient.setQueryData(hiringKeys.proposal(proposal.id), updated);
    await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
    notifications.show({ color: 'teal', title: 'Proposal updated', message: 'The client sees your changes.' });
    onDone();
  };
  return (
    <ProposalForm
      job={job.data.job}
      initialValues={proposalToForm(proposal)}
      submitLabel="Save changes"
      aside={
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      }
      onSubmit={save}
    />
  );
}

function FreelancerProposal({ proposal }: { proposal: Proposal }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/proposals/{id}/withdraw', { params: { path: { id: proposal.id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(hiringKeys.proposal(proposal.id), updated);
      void queryClient.invalidateQueries({ queryKey: hiringKeys.all });
      setConfirmWithdraw(false);
    },
  });
  const money = (cents: number) => formatMoney(cents, proposal.bid.currency);
  const per = proposal.bid.type === 'hourly' ? ' an hour' : '';
  return (
    <Stack gap="lg">
      <PageHeader
        title={proposal.job.title}
        badge={<StateBadge badge={proposalStateBadges[proposal.state]} />}
        description={
          <>
            Your proposal ·{' '}
            <Anchor component={Link} to={`/jobs/${proposal.job.id}`} size="sm">
              View the job
            </Anchor>
          </>
        }
        actions={
          !editing && (
            <>
              {EDITABLE.has(proposal.state) && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  Edit proposal
                </Button>
              )}
              {WITHDRAWABLE.has(proposal.state) && (
                <Button variant="subtle" color="red" onClick={() => setConfirmWithdraw(true)}>
                  Withdraw
                </Button>
              )}
            </>
          )
        }
      />
      {proposal.pendingOfferId && (
        <Alert color="blue" variant="light" title="The client sent you an offer">
          <Button component={Link} to={`/offers/${proposal.pendingOfferId}`} size="xs" mt={4}>
            Review the offer
          </Button>
        </Alert>
      )}
      {proposal.declineReason && (
        <Alert color="gray" variant="light" title="The client declined this proposal">
          {proposal.declineReason}
        </Alert>
      )}
      {editing ? (
        <EditProposal proposal={proposal} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Paper p="lg">
            <ProposalBody proposal={proposal} />
          </Paper>
          <Paper p="lg" component="section" aria-label="Fees and Connects">
            <Group gap="xl" wrap="wrap">
              {proposal.fees && (
                <>
                  <div>
                    <Text size="xs" c="dimmed">
                      Service fee{per}
                    </Text>
                    <Text fw={600}>−{money(proposal.fees.serviceFeeCents)}</Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed">
                      You’ll receive{per}
                    </Text>
                    <Text fw={700}>{money(proposal.fees.youReceiveCents)}</Text>
                  </div>
                </>
              )}
              <div>
                <Text size="xs" c="dimmed">
                  Connects spent
                </Text>
                <Text fw={600}>{proposal.invited ? '0 (invited)' : proposal.connectsSpent}</Text>
              </div>
              {proposal.threadId && (
                <Button component={Link} to={`/messages/${proposal.threadId}`} variant="default">
                  Open conversation
                </Button>
              )}
            </Group>
          </Paper>
        </>
      )}
      <Modal opened={confirmWithdraw} onClose={() => setConfirmWithdraw(false)} title="Withdraw this proposal?">
        <Stack gap="md">
          <Text size="sm">The client will no longer see it. The Connects you spent are not returned.</Text>
          {withdraw.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(withdraw.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmWithdraw(false)}>
              Keep it
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              Withdraw proposal
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ProposalLoader({ me }: { me: Me }) {
  const { proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  if (proposal.isError && proposal.error instanceof ApiError && proposal.error.status === 404) return <NotFoundPage />;
  // The client reads a proposal on their job's page, where its actions are.
  if (proposal.data && proposal.data.freelancer.userId !== me.id) {
    return <Navigate to={`/jobs/${proposal.data.job.id}/proposals/${proposal.data.id}`} replace />;
  }
  return (
    <Container size="md" w="100%" py="xl">
      {proposal.isPending ? (
        <LoadingBlocks rows={8} label="Loading the proposal" />
      ) : proposal.isError ? (
        <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />
      ) : (
        <FreelancerProposal proposal={proposal.data} />
      )}
    </Container>
  );
}

export default function ProposalPage() {
  return <RequireSignedIn>{(me) => <ProposalLoader me={me} />}</RequireSignedIn>;
}
