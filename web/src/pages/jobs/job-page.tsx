import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useJobPage } from '../../api/hiring-queries.ts';
import { hasRole, RequireSignedIn } from '../../app/session.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import NotFoundPage from '../not-found-page.tsx';
import { FreelancerJobView } from './freelancer-job-view.tsx';
import { OwnerJobView } from './owner-job-view.tsx';

function Job({ isFreelancer }: { isFreelancer: boolean }) {
  const { jobId = '' } = useParams();
  const page = useJobPage(jobId);
  if (page.isError && page.error instanceof ApiError && page.error.status === 404) return <NotFoundPage />;
  return (
    <Container size="xl" w="100%" py="xl">
      {page.isPending ? (
        <LoadingBlocks rows={10} label="Loading the job" />
      ) : page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : page.data.viewer.isOwner ? (
        <OwnerJobView page={page.data} />
      ) : (
        <FreelancerJobView page={page.data} isFreelancer={isFreelancer} />
      )}
    </Container>
  );
}

export default function JobPage() {
  return <RequireSignedIn>{(me) => <Job isFreelancer={hasRole(me, 'freelancer')} />}</RequireSignedIn>;
}
