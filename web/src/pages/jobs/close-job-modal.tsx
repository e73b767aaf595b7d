import { Alert, Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys } from '../../api/hiring-queries.ts';
import { showApiError } from '../../lib/form-errors.ts';

/** Closing a job: as hired (only after a hire) or cancelled, with a reason applicants will see. */
export function CloseJobModal({
  jobId,
  hires,
  opened,
  onClose,
}: {
  jobId: string;
  hires: number;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: hires > 0 ? 'hired' : 'cancelled', note: '' } as {
      reason: 'hired' | 'cancelled';
      note: string;
    },
    validate: {
      note: (value, values) => (values.reason === 'cancelled' && !value.trim() ? 'Say why the job is cancelled' : null),
    },
  });
  const close = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(api.POST('/api/jobs/{id}/close', { params: { path: { id: jobId } }, body: values })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: hiringKeys.all });
      onClose();
    },
    onError: (error) => setFailure(showApiError(form, error)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Close this job">
      <form noValidate onSubmit={form.onSubmit((values) => close.mutate(values))}>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <Radio.Group label="Why are you closing it?" {...form.getInputProps('reason')}>
            <Stack gap="xs" mt="xs">
              <Radio value="hired" label="I hired for it" disabled={hires === 0} />
              <Radio value="cancelled" label="I no longer need it" />
            </Stack>
          </Radio.Group>
          {form.values.reason === 'cancelled' && (
            <Textarea
              label="Reason"
              description="Freelancers who sent proposals see it. Connects they spent come back if nobody was hired."
              autosize
              minRows={3}
              maxLength={1000}
              {...form.getInputProps('note')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it open
            </Button>
            <Button type="submit" color="red" loading={close.isPending}>
              Close job
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
