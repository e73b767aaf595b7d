import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { ResponseOf } from '../api/types.ts';
import { BellIcon } from '../components/icons.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../components/page-state.tsx';
import { formatRelative } from '../lib/format.ts';
import { notificationListKey, unreadCountKey, useNotificationStream } from './notification-stream.ts';

type NotificationItem = ResponseOf<'/api/notifications', 'get'>['items'][number];

const POLL_MS = 30_000;

/** The bell in the top bar: a live unread count and the latest notifications in a dropdown. */
export function NotificationsBell() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const live = useNotificationStream(true);

  const unread = useQuery({
    queryKey: unreadCountKey,
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: live ? false : POLL_MS,
  });
  const list = useQuery({
    queryKey: notificationListKey,
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 20 } } })),
    enabled: opened,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: unreadCountKey });
    void queryClient.invalidateQueries({ queryKey: notificationListKey });
  };
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const markAllRead = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSettled: refresh,
  });

  const count = unread.data?.unreadCount ?? list.data?.unreadCount ?? 0;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;

  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link?.startsWith('/')) {
      setOpened(false);
      void navigate(item.link);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus>
      <Indicator
        label={count > 99 ? '99+' : count}
        disabled={count === 0}
        size={18}
        offset={6}
        color="red.8"
        data-testid="unread-count"
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            c="gray.9"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((value) => !value)}
          >
            <BellIcon size={22} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} aria-label="Notifications">
        <Group
          justify="space-between"
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={650}>Notifications</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={count === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          <NotificationList query={list} onOpen={open} onMarkRead={(id) => markRead.mutate(id)} />
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

interface ListProps {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data?: { items: NotificationItem[] };
    refetch: () => unknown;
  };
  onOpen: (item: NotificationItem) => void;
  onMarkRead: (id: string) => void;
}

function NotificationList({ query, onOpen, onMarkRead }: ListProps) {
  if (query.isPending) {
    return (
      <Stack p="md">
        <LoadingBlocks rows={3} label="Loading notifications" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack p="md">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  const items = query.data?.items ?? [];
  if (items.length === 0) {
    return (
      <Stack px="md" py="xs">
        <EmptyNote title="You are all caught up">
          New proposals, messages and payments will show up here as they happen.
        </EmptyNote>
      </Stack>
    );
  }
  return (
    <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Group
          component="li"
          key={item.id}
          wrap="nowrap"
          align="flex-start"
          gap="xs"
          px="md"
          py="sm"
          bg={item.readAt ? undefined : 'blue.0'}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <UnstyledButton onClick={() => onOpen(item)} style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" fw={item.readAt ? 400 : 650} lineClamp={2}>
              {!item.readAt && <VisuallyHidden>Unread: </VisuallyHidden>}
              {item.title}
            </Text>
            {item.body && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {item.body}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {formatRelative(item.createdAt)}
            </Text>
          </UnstyledButton>
          {!item.readAt && (
            <Button variant="subtle" size="compact-xs" onClick={() => onMarkRead(item.id)}>
              Mark read
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
