import { Container, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys } from '../../api/hiring-queries.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { JobForm } from './job-form.tsx';
import { emptyJobForm, type JobFormValues, toJobRequest } from './job-form-values.ts';

function PostJob() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const save = async (values: JobFormValues, publish: boolean) => {
    const job = await unwrap(api.POST('/api/jobs', { body: { ...toJobRequest(values), publish } }));
    await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
    notifications.show({
      color: 'teal',
      title: publish ? 'Your job is posted' : 'Draft saved',
      message: publish ? 'Freelancers can find it and send proposals now.' : 'Publish it when it is ready.',
    });
    navigate(`/jobs/${job.id}`);
  };
  return (
    <Container size="md" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Post a job"
          description="A clear scope and deliverables bring better proposals. You can save a draft and publish later."
        />
        <JobForm
          initialValues={emptyJobForm}
          submitLabels={{ publish: 'Post job', draft: 'Save as draft' }}
          onSubmit={save}
        />
      </Stack>
    </Container>
  );
}

export default function PostJobPage() {
  return <RequireRole needs="client">{() => <PostJob />}</RequireRole>;
}
