import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { BodyOf } from '../api/types.ts';
import { SignedOutOnly, useSetSignedIn } from '../app/session.tsx';
import { AuthCard } from '../components/auth-card.tsx';
import { safeNextPath, showApiError } from '../lib/form-errors.ts';

type LoginRequest = BodyOf<'/api/auth/login', 'post'>;

function LoginForm() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setSignedIn = useSetSignedIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<LoginRequest>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const login = useMutation({
    mutationFn: (body: LoginRequest) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: ({ user }) => {
      setSignedIn(user);
      void navigate(safeNextPath(params.get('next')), { replace: true });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });

  return (
    <AuthCard
      title="Log in to Workroom"
      subtitle={
        <>
          New here?{' '}
          <Anchor component={Link} to="/signup" size="sm">
            Create an account
          </Anchor>
        </>
      }
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          login.mutate({ ...values, email: values.email.trim() });
        })}
      >
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/reset-password" size="sm">
              Forgot your password?
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending} fullWidth>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

function LoginPage() {
  return (
    <SignedOutOnly>
      <LoginForm />
    </SignedOutOnly>
  );
}

export default LoginPage;
