import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { type Message, messageKeys, type Thread } from '../../api/hiring-queries.ts';
import type { Me } from '../../app/session.tsx';
import { AttachmentList } from '../../components/hiring/attachments.tsx';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { Composer } from './composer.tsx';
import { useThreadStream } from './use-thread-stream.ts';

function contextLink(thread: Thread): { to: string; label: string } | null {
  switch (thread.contextKind) {
    case 'proposal':
      return { to: `/proposals/${thread.contextId}`, label: 'View the proposal' };
    case 'contract':
      return { to: `/contracts/${thread.contextId}`, label: 'Open the contract' };
    case 'job':
      return { to: `/jobs/${thread.contextId}`, label: 'View the job' };
    default:
      return null;
  }
}

function Bubble({ message, mine, seen }: { message: Message; mine: boolean; seen: boolean }) {
  if (message.kind === 'system') {
    return (
      <Text size="xs" c="dimmed" ta="center" py={4} component="li">
        {message.text} · {formatDateTime(message.createdAt)}
      </Text>
    );
  }
  return (
    <Box component="li" style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 640px)' }}>
      <Paper p="sm" bg={mine ? 'blue.0' : 'white'} withBorder radius="md">
        <Text size="xs" fw={600} c="dimmed" mb={2}>
          {mine ? 'You' : message.sender?.name}
        </Text>
        <Text size="sm" className="preserve-lines">
          {message.text}
        </Text>
        {message.attachments.length > 0 && (
          <Box mt={6}>
            <AttachmentList
              files={message.attachments}
              label={`Files in the message of ${formatDateTime(message.createdAt)}`}
            />
          </Box>
        )}
      </Paper>
      <Text size="xs" c="dimmed" ta={mine ? 'right' : 'left'} mt={2}>
        {formatDateTime(message.createdAt)}
        {seen && ' · Seen'}
      </Text>
    </Box>
  );
}

/** One conversation: its messages (older ones on demand), read receipts, live updates, composer. */
export function ThreadView({ threadId, me }: { threadId: string; me: Me }) {
  const queryClient = useQueryClient();
  const thread = useQuery({
    queryKey: messageKeys.thread(threadId),
    queryFn: () => unwrap(api.GET('/api/threads/{id}', { params: { path: { id: threadId } } })),
  });
  const messages = useInfiniteQuery({
    queryKey: messageKeys.messages(threadId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/threads/{id}/messages', {
          params: { path: { id: threadId }, query: { limit: 30, ...(pageParam ? { before: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const typing = useThreadStream(threadId);
  const items = [...(messages.data?.pages ?? [])].reverse().flatMap((page) => page.items);
  const newest = items.at(-1);
  const list = useRef<HTMLDivElement>(null);
  const lastMarked = useRef<string | null>(null);

  // What the viewer has on screen counts as read; the other side's "Seen" follows.
  useEffect(() => {
    if (!newest || newest.id === lastMarked.current) return;
    lastMarked.current = newest.id;
    void api
      .POST('/api/threads/{id}/read', { params: { path: { id: threadId } }, body: { upToMessageId: newest.id } })
      .then(() => queryClient.invalidateQueries({ queryKey: messageKeys.threads }));
  }, [newest, threadId, queryClient]);

  useLayoutEffect(() => {
    const element = list.current;
    if (newest && element) element.scrollTop = element.scrollHeight;
  }, [newest]);

  if (thread.isPending) return <LoadingBlocks rows={8} label="Loading the conversation" />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;

  const others = thread.data.participants.filter((participant) => participant.userId !== me.id);
  const position = new Map(items.map((message, index) => [message.id, index]));
  const seenUpTo = Math.max(
    -1,
    ...others.map((participant) =>
      participant.lastReadMessageId ? (position.get(participant.lastReadMessageId) ?? -1) : -1,
    ),
  );
  const myLast = items.findLastIndex((message) => message.sender?.id === me.id);
  const link = contextLink(thread.data);

  return (
    <Paper p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="thread-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} fz="h4" id="thread-title" style={{ overflowWrap: 'anywhere' }}>
              {others.map((participant) => participant.name).join(', ') || 'Conversation'}
            </Title>
            <Text size="sm" c="dimmed">
              {thread.data.subject}
            </Text>
          </div>
          {link && (
            <Anchor component={Link} to={link.to} size="sm">
              {link.label}
            </Anchor>
          )}
        </Group>
        {messages.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => void messages.fetchNextPage()}
            loading={messages.isFetchingNextPage}
            style={{ alignSelf: 'center' }}
          >
            Load earlier messages
          </Button>
        )}
        {messages.isPending ? (
          <LoadingBlocks rows={5} label="Loading messages" />
        ) : messages.isError ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            No messages yet. Say hello.
          </Text>
        ) : (
          <Stack
            gap="sm"
            component="ol"
            ref={list}
            aria-label="Messages"
            aria-live="polite"
            style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: '60vh', overflowY: 'auto' }}
            tabIndex={0}
          >
            {items.map((message, index) => (
              <Bubble
                key={message.id}
                message={message}
                mine={message.sender?.id === me.id}
                seen={index === myLast && seenUpTo >= index}
              />
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed" aria-live="polite" mih={18}>
          {typing ? `${typing} is typing…` : ''}
        </Text>
        {thread.data.canPost ? (
          <Composer threadId={threadId} />
        ) : (
          <Alert color="gray" variant="light" title="This conversation is read-only">
            {thread.data.readOnlyReason ?? 'Nobody can post here any more.'}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
