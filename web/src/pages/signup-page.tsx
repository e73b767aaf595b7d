import { Alert, Anchor, Button, Group, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { BodyOf } from '../api/types.ts';
import { SignedOutOnly, useSetSignedIn } from '../app/session.tsx';
import { AuthCard } from '../components/auth-card.tsx';
import { PasswordRules, passwordProblem } from '../components/password-rules.tsx';
import { showApiError } from '../lib/form-errors.ts';

type SignupRequest = BodyOf<'/api/auth/signup', 'post'>;
type SignupRole = SignupRequest['role'];

const roleChoices: { value: SignupRole; title: string; description: string }[] = [
  { value: 'client', title: 'I want to hire', description: 'Post jobs and pay for approved work.' },
  { value: 'freelancer', title: 'I want to work', description: 'Build a profile and get paid.' },
];

function SignupForm() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setSignedIn = useSetSignedIn();
  const [formError, setFormError] = useState<string | null>(null);
  const initialRole: SignupRole = params.get('role') === 'freelancer' ? 'freelancer' : 'client';

  const form = useForm<SignupRequest>({
    mode: 'controlled',
    initialValues: { role: initialRole, displayName: '', email: '', password: '' },
    validate: {
      displayName: (value) => (value.trim().length === 0 ? 'Enter the name people will see' : null),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
      password: passwordProblem,
    },
  });

  const signup = useMutation({
    mutationFn: (body: SignupRequest) => unwrap(api.POST('/api/auth/signup', { body })),
    onSuccess: ({ user }) => {
      setSignedIn(user);
      void navigate(user.roles.includes('freelancer') ? '/profile/edit?welcome=1' : '/dashboard', { replace: true });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });

  return (
    <AuthCard
      title="Create your Workroom account"
      subtitle={
        <>
          Already have one?{' '}
          <Anchor component={Link} to="/login" size="sm">
            Log in
          </Anchor>
        </>
      }
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          signup.mutate({ ...values, email: values.email.trim(), displayName: values.displayName.trim() });
        })}
      >
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert" title="We could not create your account">
              {formError}
            </Alert>
          )}
          <Radio.Group label="How will you use Workroom?" {...form.getInputProps('role')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt={6}>
              {roleChoices.map((choice) => (
                <Radio.Card key={choice.value} value={choice.value} p="sm" radius="md" aria-label={choice.title}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <div>
                      <Text fw={600} size="sm">
                        {choice.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {choice.description}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <TextInput
            label="Your name"
            description="Shown to the people you work with."
            autoComplete="name"
            maxLength={100}
            required
            {...form.getInputProps('displayName')}
          />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            required
            aria-describedby="password-rules"
            {...form.getInputProps('password')}
          />
          <PasswordRules id="password-rules" password={form.values.password} />
          <Button type="submit" loading={signup.isPending} fullWidth mt="xs">
            Create account
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            You can add the other role later from your settings.
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

function SignupPage() {
  return (
    <SignedOutOnly>
      <SignupForm />
    </SignedOutOnly>
  );
}

export default SignupPage;
