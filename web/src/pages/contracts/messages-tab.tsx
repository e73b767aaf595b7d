import { Anchor, Badge, Button, FileButton, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type StoredFile, uploadFile } from '../../api/upload.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { contractKeys, type Message, type Thread, useContractThread } from './contract-queries.ts';

/** The thread's messages, kept live over its event stream (a `resync` refetches). */
function useLiveMessages(threadId: string) {
  const queryClient = useQueryClient();
  const key = useMemo(() => contractKeys.messages(threadId), [threadId]);
  const messages = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/api/threads/{id}/messages', { params: { path: { id: threadId }, query: { limit: 100 } } })),
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/threads/${threadId}/stream`);
    const refetch = () => void queryClient.invalidateQueries({ queryKey: key });
    source.addEventListener('message', (event) => {
      try {
        const { message } = JSON.parse((event as MessageEvent<string>).data) as { message: Message };
        queryClient.setQueryData(key, (page: { items: Message[]; nextCursor: string | null } | undefined) =>
          page && !page.items.some((item) => item.id === message.id)
            ? { ...page, items: [...page.items, message] }
            : page,
        );
      } catch {
        refetch();
      }
    });
    source.addEventListener('read', refetch);
    source.addEventListener('resync', refetch);
    source.addEventListener('state', () => void queryClient.invalidateQueries({ queryKey: ['contract'] }));
    return () => source.close();
  }, [threadId, queryClient, key]);
  return messages;
}

function MessageItem({ message, mine }: { message: Message; mine: boolean }) {
  if (message.kind === 'system') {
    return (
      <Text size="sm" c="dimmed" ta="center" component="li" style={{ listStyle: 'none' }}>
        {message.text} · {formatDateTime(message.createdAt)}
      </Text>
    );
  }
  return (
    <Paper
      component="li"
      p="sm"
      bg={mine ? 'blue.0' : undefined}
      style={{ listStyle: 'none', alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '85%' }}
    >
      <Text size="xs" c="dimmed">
        {message.sender?.name ?? 'Workroom'} · {formatDateTime(message.createdAt)}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.text}
      </Text>
      {message.attachments.map((file) => (
        <Text key={file.id} size="sm">
          <Anchor href={file.url}>{file.name}</Anchor>{' '}
          <Text span size="xs" c="dimmed">
            SHA-256 {file.sha256.slice(0, 12)}…
          </Text>
        </Text>
      ))}
      {mine && message.readBy.length > 0 && (
        <Text size="xs" c="dimmed" ta="right">
          Seen
        </Text>
      )}
    </Paper>
  );
}

function Conversation({ thread, meId }: { thread: Thread; meId: string }) {
  const messages = useLiveMessages(thread.id);
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const lastRead = useRef<string | null>(null);
  const post = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/threads/{id}/messages', {
          params: { path: { id: thread.id } },
          body: { text, fileIds: files.map((f) => f.id) },
        }),
      ),
    onSuccess: () => {
      setText('');
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: contractKeys.messages(thread.id) });
    },
  });
  const newest = messages.data?.items.at(-1);
  useEffect(() => {
    if (!newest || newest.id === lastRead.current || newest.sender?.id === meId) return;
    lastRead.current = newest.id;
    void api.POST('/api/threads/{id}/read', {
      params: { path: { id: thread.id } },
      body: { upToMessageId: newest.id },
    });
  }, [newest, meId, thread.id]);
  if (messages.isPending) return <LoadingBlocks label="Loading messages" />;
  if (messages.isError) return <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />;
  return (
    <Stack gap="md">
      {messages.data.items.length === 0 ? (
        <EmptyNote title="No messages yet">Say hello, share a file, or agree on the next step.</EmptyNote>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} aria-label="Messages" aria-live="polite">
          {messages.data.items.map((message) => (
            <MessageItem key={message.id} message={message} mine={message.sender?.id === meId} />
          ))}
        </Stack>
      )}
      {thread.canPost ? (
        <form
          aria-label="Send a message"
          onSubmit={(event) => {
            event.preventDefault();
            post.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label="Message"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
              error={post.error ? errorMessage(post.error) : undefined}
            />
            {files.length > 0 && <Text size="sm">Attached: {files.map((file) => file.name).join(', ')}</Text>}
            {uploadError && (
              <Text size="sm" c="red.9" role="alert">
                {uploadError}
              </Text>
            )}
            <Group justify="space-between">
              <FileButton
                onChange={(file) => {
                  if (!file) return;
                  setUploadError(null);
                  uploadFile(file, 'message').then(
                    (stored) => setFiles((current) => [...current, stored]),
                    (error: unknown) => setUploadError(errorMessage(error)),
                  );
                }}
              >
                {(props) => (
                  <Button {...props} variant="default" size="xs">
                    Attach a file
                  </Button>
                )}
              </FileButton>
              <Button type="submit" loading={post.isPending} disabled={text.trim().length === 0}>
                Send
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Badge variant="light" color="gray" tt="none">
          {thread.readOnlyReason ?? 'This conversation is read-only.'}
        </Badge>
      )}
    </Stack>
  );
}

/** Messages: the contract's thread, live. */
export function MessagesTab({ contractId, meId }: { contractId: string; meId: string }) {
  const thread = useContractThread(contractId);
  if (thread.isPending) return <LoadingBlocks label="Loading the conversation" />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  if (!thread.data)
    return <EmptyNote title="No conversation">This contract has no message thread you can read.</EmptyNote>;
  return <Conversation thread={thread.data} meId={meId} />;
}
