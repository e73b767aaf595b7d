import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type StoredFile, uploadFile } from '../../api/upload.ts';
import { FileIcon, PlusIcon } from '../icons.tsx';
import { formatBytes } from './labels.ts';

export interface Attachment {
  id: string;
  name: string;
  sizeBytes: number;
  url: string;
}

/** Files already attached to something, as download links. */
export function AttachmentList({ files, label = 'Attachments' }: { files: Attachment[]; label?: string }) {
  if (files.length === 0) return null;
  return (
    <Stack gap={4} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((file) => (
        <Group key={file.id} gap={6} wrap="nowrap" component="li">
          <FileIcon size={16} />
          <Anchor href={file.url} size="sm" truncate download={file.name}>
            {file.name}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatBytes(file.sizeBytes)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * Uploads files as they are chosen (with the purpose the owning object accepts) and keeps the
 * list; the form sends their ids. A refused upload (too big, wrong type) says why here.
 */
export function AttachmentsField({
  purpose,
  value,
  onChange,
  max,
  label = 'Attachments',
  description,
  error,
}: {
  purpose: string;
  value: Attachment[];
  onChange: (files: Attachment[]) => void;
  max: number;
  label?: string;
  description?: string;
  error?: string | null;
}) {
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const add = async (chosen: File[]) => {
    setFailure(null);
    setUploading(true);
    const added: StoredFile[] = [];
    try {
      for (const file of chosen.slice(0, max - value.length)) added.push(await uploadFile(file, purpose));
    } catch (problem) {
      setFailure(errorMessage(problem));
    } finally {
      setUploading(false);
      if (added.length) onChange([...value, ...added]);
    }
  };

  return (
    <Stack gap={6} role="group" aria-label={label}>
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {value.length > 0 && (
        <Stack
          gap={4}
          component="ul"
          aria-label={`${label}: chosen files`}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {value.map((file) => (
            <Group key={file.id} gap={6} wrap="nowrap" component="li" justify="space-between">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <FileIcon size={16} />
                <Text size="sm" truncate>
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {formatBytes(file.sizeBytes)}
                </Text>
              </Group>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                aria-label={`Remove ${file.name}`}
                onClick={() => onChange(value.filter((other) => other.id !== file.id))}
              >
                Remove
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {value.length < max && (
        <FileButton onChange={(files) => void add(files)} multiple>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="sm"
              loading={uploading}
              leftSection={<PlusIcon size={16} />}
              style={{ alignSelf: 'flex-start' }}
            >
              Attach files
            </Button>
          )}
        </FileButton>
      )}
      {(failure || error) && (
        <Alert color="red" variant="light" role="alert" py={6}>
          {failure ?? error}
        </Alert>
      )}
    </Stack>
  );
}
