import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useSetSignedIn } from '../app/session.tsx';
import { AuthCard } from '../components/auth-card.tsx';
import { PasswordRules, passwordProblem } from '../components/password-rules.tsx';
import { showApiError } from '../lib/form-errors.ts';

function RequestResetForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address') },
  });
  const request = useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/auth/password-reset/request', { body: { email } })),
    onError: (error) => setFormError(showApiError(form, error)),
  });

  if (request.isSuccess) {
    return (
      <AuthCard title="Check your email">
        <Text>
          If an account exists for <strong>{form.values.email.trim()}</strong>, we have sent it a link to choose a new
          password. The link works once and expires soon.
        </Text>
        <Anchor component={Link} to="/login">
          Back to log in
        </Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Reset your password" subtitle="Enter the email you signed up with and we will send you a link.">
      <form
        noValidate
        onSubmit={form.onSubmit(({ email }) => {
          setFormError(null);
          request.mutate(email.trim());
        })}
      >
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <Button type="submit" loading={request.isPending} fullWidth>
            Send reset link
          </Button>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            Back to log in
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}

function ConfirmResetForm({ token }: { token: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirmation: '' },
    validate: {
      newPassword: passwordProblem,
      confirmation: (value, values) => (value === values.newPassword ? null : 'The passwords do not match'),
    },
  });
  const navigate = useNavigate();
  const setSignedIn = useSetSignedIn();
  const confirm = useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/auth/password-reset/confirm', { body: { token, newPassword } })),
    onSuccess: ({ user }) => {
      setSignedIn(user);
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'You are signed in. Every other device was signed out.',
      });
      void navigate('/dashboard', { replace: true });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });
  return (
    <AuthCard title="Choose a new password">
      <form
        noValidate
        onSubmit={form.onSubmit(({ newPassword }) => {
          setFormError(null);
          confirm.mutate(newPassword);
        })}
      >
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}{' '}
              <Anchor component={Link} to="/reset-password" size="sm">
                Request a new link
              </Anchor>
            </Alert>
          )}
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            aria-describedby="reset-password-rules"
            {...form.getInputProps('newPassword')}
          />
          <PasswordRules id="reset-password-rules" password={form.values.newPassword} />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmation')}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            Set new password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ConfirmResetForm token={token} /> : <RequestResetForm />;
}

export default ResetPasswordPage;
