import { Alert, Container, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type Job, useJobPage } from '../../api/hiring-queries.ts';
import { Notice } from '../../components/hiring/notice.tsx';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { JobForm } from './job-form.tsx';
import { type JobFormValues, toJobFormValues, toJobRequest } from './job-form-values.ts';

function EditJobForm({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const save = async (values: JobFormValues, publish: boolean) => {
    await unwrap(api.PATCH('/api/jobs/{id}', { params: { path: { id: job.id } }, body: toJobRequest(values) }));
    if (publish && job.state === 'draft')
      await unwrap(api.POST('/api/jobs/{id}/publish', { params: { path: { id: job.id } } }));
    await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
    notifications.show({
      color: 'teal',
      title: 'Job saved',
      message: publish && job.state === 'draft' ? 'It is open for proposals now.' : 'Your changes are saved.',
    });
    navigate(`/jobs/${job.id}`);
  };
  return (
    <JobForm
      initialValues={toJobFormValues(job)}
      submitLabels={
        job.state === 'draft' ? { publish: 'Save and publish', draft: 'Save draft' } : { publish: 'Save changes' }
      }
      onSubmit={save}
    />
  );
}

function EditJob() {
  const { jobId = '' } = useParams();
  const page = useJobPage(jobId);
  return (
    <Container size="md" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Edit job"
          description={
            page.data?.job.state === 'open'
              ? 'The job is open: each change is kept in its edit history, which freelancers who applied can rely on.'
              : undefined
          }
        />
        {page.isPending ? (
          <LoadingBlocks rows={8} label="Loading the job" />
        ) : page.isError ? (
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
        ) : !page.data.viewer.isOwner ? (
          <Notice>Only the client who posted this job can edit it.</Notice>
        ) : page.data.job.state === 'closed' ? (
          <Alert color="gray" variant="light">
            This job is closed and can no longer be edited.
          </Alert>
        ) : (
          <EditJobForm job={page.data.job} />
        )}
      </Stack>
    </Container>
  );
}

export default function EditJobPage() {
  return <RequireRole needs="client">{() => <EditJob />}</RequireRole>;
}
