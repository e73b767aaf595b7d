import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { useLogout } from '../../layout/account-menu.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';

export const sessionsKey = ['me', 'sessions'] as const;

/** Every device signed in to the account, each revocable. */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const logout = useLogout();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => unwrap(api.GET('/api/me/sessions')) });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not signed out', message: errorMessage(error) }),
  });

  return (
    <Section id="sessions" title="Where you are signed in" description="Sign out any device you do not recognise.">
      {sessions.isPending ? (
        <LoadingBlocks rows={2} label="Loading sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Signed-in devices">
          {sessions.data.items.map((session) => (
            <Group
              component="li"
              key={session.id}
              justify="space-between"
              py="sm"
              wrap="nowrap"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {describeUserAgent(session.userAgent)}
                  </Text>
                  {session.current && (
                    <Badge size="sm" color="teal" variant="light" tt="none">
                      This device
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {[
                    session.ip,
                    `signed in ${formatDateTime(session.createdAt)}`,
                    `active ${formatRelative(session.lastSeenAt)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              {session.current ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => logout.mutate()}
                  loading={logout.isPending}
                  style={{ flexShrink: 0 }}
                >
                  Log out
                </Button>
              ) : (
                <Button
                  size="xs"
                  variant="default"
                  style={{ flexShrink: 0 }}
                  loading={revoke.isPending && revoke.variables === session.id}
                  onClick={() => revoke.mutate(session.id)}
                  aria-label={`Sign out ${describeUserAgent(session.userAgent)}, signed in ${formatDateTime(session.createdAt)}`}
                >
                  Sign out
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
