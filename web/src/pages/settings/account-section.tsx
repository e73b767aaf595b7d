import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type Me, meKey, type Role } from '../../app/session.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';

const roleNames: Record<Role, string> = { client: 'Client', freelancer: 'Freelancer', operator: 'Operator' };
const addableRoles = [
  { role: 'freelancer', label: 'Also work as a freelancer', hint: 'Build a freelancer profile and send proposals.' },
  { role: 'client', label: 'Also hire as a client', hint: 'Post jobs and hire freelancers.' },
] as const;

/** The display name and the roles of the account. */
export function AccountSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: me.displayName },
    validate: { displayName: (value) => (value.trim() ? null : 'Enter your name') },
  });
  const rename = useMutation({
    mutationFn: (displayName: string) => unwrap(api.PATCH('/api/me', { body: { displayName } })),
    onSuccess: (user) => {
      queryClient.setQueryData(meKey, user);
      form.resetDirty({ displayName: user.displayName });
      notifications.show({ color: 'teal', title: 'Saved', message: 'Your display name is updated.' });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });
  const addRole = useMutation({
    mutationFn: (role: 'client' | 'freelancer') => unwrap(api.POST('/api/me/roles', { body: { role } })),
    onSuccess: (user) => {
      queryClient.setQueryData(meKey, user);
      notifications.show({ color: 'teal', title: 'Role added', message: 'Your navigation now shows it.' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Role not added', message: errorMessage(error) }),
  });
  const missingRoles = addableRoles.filter(({ role }) => !me.roles.includes(role));

  return (
    <Section id="account" title="Account">
      <form
        noValidate
        onSubmit={form.onSubmit(({ displayName }) => {
          setFormError(null);
          rename.mutate(displayName.trim());
        })}
      >
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500}>
              Email
            </Text>
            <Text size="sm">
              {me.email}{' '}
              <Text span size="xs" c="dimmed">
                (you log in with it)
              </Text>
            </Text>
          </div>
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Display name"
              maxLength={100}
              style={{ flex: 1, minWidth: 200 }}
              {...form.getInputProps('displayName')}
            />
            <Button type="submit" variant="default" loading={rename.isPending} disabled={!form.isDirty()}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Roles
        </Text>
        <Group gap={6}>
          {me.roles.map((role) => (
            <Badge key={role} variant="light" tt="none">
              {roleNames[role]}
            </Badge>
          ))}
        </Group>
        {missingRoles.map(({ role, label, hint }) => (
          <Group key={role} gap="sm">
            <Button variant="default" size="xs" loading={addRole.isPending} onClick={() => addRole.mutate(role)}>
              {label}
            </Button>
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
