import { notifications as toasts } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export const unreadCountKey = ['notifications', 'unread-count'] as const;
export const notificationListKey = ['notifications', 'list'] as const;

interface UnreadEvent {
  unreadCount: number;
}

interface NotificationEvent extends UnreadEvent {
  notification: { title: string; body: string };
}

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/**
 * Keeps the unread count live over Server-Sent Events. Returns whether the stream is connected;
 * while it is not (no EventSource, a proxy that buffers, a reconnect in progress) the caller polls.
 */
export function useNotificationStream(enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(source.readyState === EventSource.OPEN));
    source.addEventListener('unread', (event) => {
      const data = parse<UnreadEvent>(event);
      if (data) queryClient.setQueryData(unreadCountKey, { unreadCount: data.unreadCount });
    });
    source.addEventListener('notification', (event) => {
      const data = parse<NotificationEvent>(event);
      if (!data) return;
      queryClient.setQueryData(unreadCountKey, { unreadCount: data.unreadCount });
      void queryClient.invalidateQueries({ queryKey: notificationListKey });
      toasts.show({ title: data.notification.title, message: data.notification.body || 'New notification' });
    });
    return () => {
      source.close();
      setConnected(false);
    };
  }, [enabled, queryClient]);

  return connected;
}
