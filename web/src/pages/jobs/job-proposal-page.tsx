import { Anchor, Container, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useProposal } from '../../api/hiring-queries.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import NotFoundPage from '../not-found-page.tsx';
import { ClientProposalCard } from './client-proposal-card.tsx';

/** One proposal to the client's job, opened in full (notifications link here). */
function JobProposal() {
  const { jobId = '', proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  if (proposal.isError && proposal.error instanceof ApiError && proposal.error.status === 404) return <NotFoundPage />;
  return (
    <Container size="md" w="100%" py="xl">
      <Stack gap="lg">
        {proposal.isPending ? (
          <LoadingBlocks rows={8} label="Loading the proposal" />
        ) : proposal.isError ? (
          <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />
        ) : (
          <>
            <PageHeader
              title={`Proposal from ${proposal.data.freelancer.name}`}
              description={
                <>
                  For{' '}
                  <Anchor component={Link} to={`/jobs/${jobId}`} size="sm">
                    {proposal.data.job.title}
                  </Anchor>{' '}
                  ·{' '}
                  <Anchor component={Link} to={`/jobs/${jobId}?tab=proposals`} size="sm">
                    All proposals
                  </Anchor>
                </>
              }
            />
            <ClientProposalCard proposal={proposal.data} expanded />
          </>
        )}
      </Stack>
    </Container>
  );
}

export default function JobProposalPage() {
  return <RequireRole needs="client">{() => <JobProposal />}</RequireRole>;
}
