import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import type { ResponseOf } from '../../api/types.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';
import { formatDate, formatRelative } from '../../lib/format.ts';

type CreatedToken = ResponseOf<'/api/me/tokens', 'post'>;
type ApiToken = ResponseOf<'/api/me/tokens', 'get'>['items'][number];

const tokensKey = ['me', 'tokens'] as const;

/** The secret, shown once right after creation; the server keeps only its hash. */
function NewTokenNotice({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  return (
    <Alert color="teal" variant="light" title={`Token “${created.name}” created`} role="status">
      <Stack gap="xs">
        <Text size="sm">Copy it now: you will not be able to see it again.</Text>
        <Code block data-testid="new-api-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {created.token}
        </Code>
        <Group gap="xs">
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal.8' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            I have saved it
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Send it as <Code>Authorization: Bearer …</Code> from your scripts.
        </Text>
      </Stack>
    </Alert>
  );
}

export function ApiTokensSection() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => unwrap(api.GET('/api/me/tokens')) });
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : 'Name the token, e.g. "Time tracker on my laptop"') },
  });
  const create = useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/me/tokens', { body: { name } })),
    onSuccess: (token) => {
      setCreated(token);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) }),
  });

  return (
    <Section
      id="api-tokens"
      title="API tokens"
      description="Personal tokens let scripts and the time tracker act as you. Revoke any you no longer use."
    >
      {created && <NewTokenNotice created={created} onDone={() => setCreated(null)} />}
      <form
        noValidate
        aria-label="Create an API token"
        onSubmit={form.onSubmit(({ name }) => {
          setFormError(null);
          create.mutate(name.trim());
        })}
      >
        <Stack gap="xs">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Token name"
              placeholder="Time tracker on my laptop"
              maxLength={100}
              style={{ flex: 1, minWidth: 200 }}
              {...form.getInputProps('name')}
            />
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
      {tokens.isPending ? (
        <LoadingBlocks rows={2} label="Loading API tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyNote title="No API tokens">Create one above when a script needs to act as you.</EmptyNote>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="API tokens">
          {tokens.data.items.map((token) => (
            <Group
              component="li"
              key={token.id}
              justify="space-between"
              py="sm"
              wrap="nowrap"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {token.name}
                  </Text>
                  <Code>{token.prefix}…</Code>
                </Group>
                <Text size="xs" c="dimmed">
                  Created {formatDate(token.createdAt)} ·{' '}
                  {token.lastUsedAt ? `last used ${formatRelative(token.lastUsedAt)}` : 'never used'}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="default"
                style={{ flexShrink: 0 }}
                onClick={() => setRevoking(token)}
                aria-label={`Revoke ${token.name}`}
              >
                Revoke
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke this token?">
        <Stack>
          <Text size="sm">Anything using “{revoking?.name}” stops working immediately. This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
