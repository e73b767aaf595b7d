import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { messageKeys } from '../../api/hiring-queries.ts';
import { type Attachment, AttachmentsField } from '../../components/hiring/attachments.tsx';
import { appendMessage, type MessagePage } from './use-thread-stream.ts';

const TYPING_EVERY_MS = 3000;

/** Writes a message (with files); Ctrl+Enter or the button sends. Tells the others while typing. */
export function Composer({ threadId }: { threadId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const lastTyping = useRef(0);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/threads/{id}/messages', {
          params: { path: { id: threadId } },
          body: { text, fileIds: files.map((file) => file.id) },
        }),
      ),
    onSuccess: (message) => {
      setText('');
      setFiles([]);
      queryClient.setQueryData<InfiniteData<MessagePage>>(messageKeys.messages(threadId), (current) =>
        appendMessage(current, message),
      );
      void queryClient.invalidateQueries({ queryKey: messageKeys.threads });
    },
  });
  const typing = () => {
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    void api.POST('/api/threads/{id}/typing', { params: { path: { id: threadId } } }).catch(() => undefined);
  };
  const submit = () => {
    if (text.trim() && !send.isPending) send.mutate();
  };

  return (
    <form
      noValidate
      aria-label="Write a message"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        {send.isError && (
          <Alert color="red" variant="light" role="alert" py={6}>
            {errorMessage(send.error)}
          </Alert>
        )}
        <Textarea
          label="Message"
          placeholder="Write a message… (Ctrl+Enter sends)"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={10_000}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            typing();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <AttachmentsField purpose="message" max={10} value={files} onChange={setFiles} label="Files" />
          <Button type="submit" loading={send.isPending} disabled={!text.trim()}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
