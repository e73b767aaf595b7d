import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { meKey } from '../../app/session.tsx';
import { PasswordRules, passwordProblem } from '../../components/password-rules.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';
import { sessionsKey } from './sessions-section.tsx';

const blank = { currentPassword: '', newPassword: '', confirmation: '' };

export function PasswordSection() {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: blank,
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: passwordProblem,
      confirmation: (value, values) => (value === values.newPassword ? null : 'The passwords do not match'),
    },
  });
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: typeof blank) =>
      unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: (user) => {
      queryClient.setQueryData(meKey, user);
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
      form.setValues(blank);
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Every other device was signed out; this one stays signed in.',
      });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });

  return (
    <Section id="password" title="Password" description="Changing it signs out every other device.">
      <form
        noValidate
        aria-label="Change password"
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          change.mutate(values);
        })}
      >
        <Stack gap="sm" maw={420}>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            aria-describedby="settings-password-rules"
            {...form.getInputProps('newPassword')}
          />
          <PasswordRules id="settings-password-rules" password={form.values.newPassword} />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            {...form.getInputProps('confirmation')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
