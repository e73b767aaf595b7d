import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { notificationListKey, unreadCountKey } from '../../layout/notification-stream.ts';
import { formatRelative } from '../../lib/format.ts';

/** Unread notifications at a glance; the bell holds the full list. */
export function NotificationsCard() {
  const unread = useQuery({
    queryKey: unreadCountKey,
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
  });
  const latest = useQuery({
    queryKey: notificationListKey,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 20 } } })),
  });
  const count = unread.data?.unreadCount ?? latest.data?.unreadCount ?? 0;
  const unreadItems = (latest.data?.items ?? []).filter((item) => !item.readAt).slice(0, 4);

  return (
    <Paper p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="h4">
            Notifications
          </Title>
          <Text fw={700} data-testid="dashboard-unread">
            {count} unread
          </Text>
        </Group>
        {latest.isPending ? (
          <LoadingBlocks rows={2} label="Loading notifications" />
        ) : latest.isError ? (
          <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
        ) : unreadItems.length === 0 ? (
          <EmptyNote title="Nothing new">
            Proposals, messages, payments and reviews will appear here and under the bell.
          </EmptyNote>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {unreadItems.map((item) => (
              <li key={item.id}>
                {item.link?.startsWith('/') ? (
                  <Anchor component={Link} to={item.link} size="sm" fw={600}>
                    {item.title}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {item.title}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatRelative(item.createdAt)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
