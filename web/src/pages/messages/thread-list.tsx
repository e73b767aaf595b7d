import { Badge, Group, NavLink, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { messageKeys, type ThreadSummary } from '../../api/hiring-queries.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatRelative } from '../../lib/format.ts';

export const useThreads = () =>
  useQuery({
    queryKey: messageKeys.threads,
    queryFn: () => unwrap(api.GET('/api/threads', { params: { query: { limit: 50 } } })),
    // New threads and unread counts of other conversations; the open one is live over its stream.
    refetchInterval: 30_000,
  });

const contextNames: Record<ThreadSummary['contextKind'], string> = {
  proposal: 'Proposal',
  job: 'Job',
  contract: 'Contract',
  direct: 'Direct',
};

function ThreadItem({ thread, active, meId }: { thread: ThreadSummary; active: boolean; meId: string }) {
  const others = thread.others.map((other) => other.name).join(', ') || 'Only you';
  const preview = thread.lastMessage
    ? `${thread.lastMessage.kind === 'system' ? '' : `${thread.lastMessage.senderId === meId ? 'You' : (thread.lastMessage.senderName ?? '')}: `}${thread.lastMessage.preview}`
    : 'No messages yet';
  return (
    <NavLink
      component={Link}
      to={`/messages/${thread.id}`}
      active={active}
      aria-current={active ? 'page' : undefined}
      py="sm"
      style={{ borderRadius: 8 }}
      label={
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={thread.unreadCount > 0 ? 700 : 600} truncate>
            {others}
          </Text>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatRelative(thread.lastActivityAt)}
          </Text>
        </Group>
      }
      description={
        <Stack gap={2}>
          <Text size="xs" truncate c="dimmed">
            {contextNames[thread.contextKind]} · {thread.subject}
          </Text>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text
              size="xs"
              truncate
              fw={thread.unreadCount > 0 ? 600 : 400}
              c={thread.unreadCount > 0 ? 'dark' : 'dimmed'}
            >
              {preview}
            </Text>
            {thread.unreadCount > 0 && (
              <Badge size="sm" circle color="blue" aria-label={`${thread.unreadCount} unread`}>
                {thread.unreadCount}
              </Badge>
            )}
          </Group>
        </Stack>
      }
    />
  );
}

/** The viewer's conversations, newest activity first, with who they are with and unread counts. */
export function ThreadList({ activeId, meId }: { activeId: string | null; meId: string }) {
  const threads = useThreads();
  return (
    <Paper p="xs" component="nav" aria-label="Conversations" h="100%">
      {threads.isPending ? (
        <LoadingBlocks rows={6} label="Loading conversations" />
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.items.length === 0 ? (
        <EmptyNote title="No conversations yet">
          A conversation opens when a client replies to a proposal or invites a freelancer to interview, and with every
          contract.
        </EmptyNote>
      ) : (
        <Stack gap={2}>
          {threads.data.items.map((thread) => (
            <ThreadItem key={thread.id} thread={thread} active={thread.id === activeId} meId={meId} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
