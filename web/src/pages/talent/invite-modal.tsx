import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type Talent } from '../../api/hiring-queries.ts';
import { showApiError } from '../../lib/form-errors.ts';

/** Invites a freelancer to one of the client's open jobs, with a note; their proposal is then free. */
export function InviteModal({
  freelancer,
  defaultJobId,
  onClose,
  onInvited,
}: {
  freelancer: Talent | null;
  defaultJobId: string | null;
  onClose: () => void;
  onInvited: (jobTitle: string) => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const jobs = useQuery({
    queryKey: [...hiringKeys.myJobs, 'to-invite-to'],
    queryFn: () => unwrap(api.GET('/api/my/jobs', { params: { query: { limit: 100 } } })),
    enabled: freelancer !== null,
  });
  const open = (jobs.data?.items ?? []).filter((job) => job.state === 'open');
  const form = useForm({
    mode: 'controlled',
    initialValues: { jobId: defaultJobId as string | null, message: '' },
    validate: {
      jobId: (value) => (value ? null : 'Choose one of your open jobs'),
      message: (value) => (value.trim() ? null : 'Write a short note'),
    },
  });
  const { setValues } = form;
  useEffect(() => {
    if (freelancer) {
      setFailure(null);
      setValues({
        jobId: defaultJobId,
        message: `Hi ${freelancer.name.split(' ')[0]}, I think your experience fits this job. Would you send a proposal?`,
      });
    }
  }, [freelancer, defaultJobId, setValues]);
  const invite = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/jobs/{id}/invitations', {
          params: { path: { id: values.jobId ?? '' } },
          body: { freelancerId: freelancer?.userId ?? '', message: values.message },
        }),
      ),
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: hiringKeys.all });
      onInvited(invitation.job.title);
    },
    onError: (error) => setFailure(showApiError(form, error)),
  });
  return (
    <Modal
      opened={freelancer !== null}
      onClose={onClose}
      title={freelancer ? `Invite ${freelancer.name} to a job` : ''}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((values) => invite.mutate(values))}>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <Select
            label="Job"
            placeholder={
              jobs.isPending ? 'Loading your jobs…' : open.length ? 'Choose an open job' : 'You have no open job'
            }
            data={open.map((job) => ({ value: job.id, label: job.title }))}
            {...form.getInputProps('jobId')}
          />
          <Textarea label="Note" autosize minRows={3} maxLength={2000} {...form.getInputProps('message')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending} disabled={open.length === 0}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
