import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Message, messageKeys, type Thread } from '../../api/hiring-queries.ts';

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

interface ReadEvent {
  userId: string;
  upToMessageId: string;
  readAt: string;
}

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/** Adds a message to the newest page unless it is already there (it may come back from our own post). */
export function appendMessage(data: InfiniteData<MessagePage> | undefined, message: Message) {
  if (!data) return data;
  if (data.pages.some((page) => page.items.some((item) => item.id === message.id))) return data;
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  return { ...data, pages: [{ ...newest, items: [...newest.items, message] }, ...older] };
}

/**
 * Keeps one open thread live over its Server-Sent Events stream: new messages are appended, read
 * receipts move, typing shows for a few seconds, and a `resync` (or a reconnect) refetches.
 * Returns who is typing now, if anyone.
 */
export function useThreadStream(threadId: string): string | null {
  const queryClient = useQueryClient();
  const [typing, setTyping] = useState<{ name: string; until: number } | null>(null);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/threads/${threadId}/stream`);
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: messageKeys.thread(threadId) });
    };
    source.addEventListener('ready', refetch);
    source.addEventListener('resync', refetch);
    source.addEventListener('message', (event) => {
      const data = parse<{ message: Message }>(event);
      if (!data) return;
      queryClient.setQueryData<InfiniteData<MessagePage>>(messageKeys.messages(threadId), (current) =>
        appendMessage(current, data.message),
      );
      setTyping(null);
      void queryClient.invalidateQueries({ queryKey: messageKeys.threads });
    });
    source.addEventListener('read', (event) => {
      const data = parse<ReadEvent>(event);
      if (!data) return;
      queryClient.setQueryData<Thread>(messageKeys.thread(threadId), (thread) =>
        thread
          ? {
              ...thread,
              participants: thread.participants.map((participant) =>
                participant.userId === data.userId
                  ? { ...participant, lastReadMessageId: data.upToMessageId, lastReadAt: data.readAt }
                  : participant,
              ),
            }
          : thread,
      );
    });
    source.addEventListener('typing', (event) => {
      const data = parse<{ name: string }>(event);
      if (data) setTyping({ name: data.name, until: Date.now() + 5000 });
    });
    source.addEventListener('state', refetch);
    return () => source.close();
  }, [threadId, queryClient]);

  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setTyping(null), Math.max(0, typing.until - Date.now()));
    return () => clearTimeout(timer);
  }, [typing]);

  return typing?.name ?? null;
}
