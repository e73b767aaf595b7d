import { Alert, Button, FileInput, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PortfolioItem } from '../../api/profile-queries.ts';
import { uploadFile } from '../../api/upload.ts';
import { FileIcon } from '../../components/icons.tsx';
import { showApiError } from '../../lib/form-errors.ts';

interface PortfolioFormValues {
  title: string;
  description: string;
  url: string;
  file: File | null;
  removeFile: boolean;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

async function savePortfolioItem(existing: PortfolioItem | null, values: PortfolioFormValues) {
  const uploaded = values.file ? await uploadFile(values.file, 'portfolio') : null;
  const fileId = uploaded ? uploaded.id : values.removeFile ? null : undefined;
  const body = {
    title: values.title.trim(),
    description: values.description,
    url: values.url.trim() || null,
  };
  if (existing) {
    return unwrap(
      api.PATCH('/api/profiles/freelancer/me/portfolio/{id}', {
        params: { path: { id: existing.id } },
        body: { ...body, ...(fileId !== undefined ? { fileId } : {}) },
      }),
    );
  }
  return unwrap(api.POST('/api/profiles/freelancer/me/portfolio', { body: { ...body, fileId: fileId ?? null } }));
}

/** Adds or edits one portfolio item: a title, what it was, and a link and/or an uploaded file. */
export function PortfolioItemModal({
  item,
  opened,
  onClose,
  onSaved,
}: {
  item: PortfolioItem | null;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PortfolioFormValues>({
    mode: 'controlled',
    initialValues: {
      title: item?.title ?? '',
      description: item?.description ?? '',
      url: item?.url ?? '',
      file: null,
      removeFile: false,
    },
    validate: {
      title: (value) => (value.trim() ? null : 'Give the item a title'),
      url: (value) => (!value.trim() || isHttpUrl(value.trim()) ? null : 'Enter a link starting with https://'),
    },
  });
  const save = useMutation({
    mutationFn: (values: PortfolioFormValues) => savePortfolioItem(item, values),
    onSuccess: () => {
      onSaved();
      onClose();
    },
    onError: (error) => setFormError(showApiError(form, error, { fileId: 'file' })),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={item ? 'Edit portfolio item' : 'Add a portfolio item'} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          save.mutate(values);
        })}
      >
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Title" maxLength={120} required data-autofocus {...form.getInputProps('title')} />
          <Textarea
            label="Description"
            description="The problem, what you did, and the result."
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('description')}
          />
          <TextInput label="Link" placeholder="https://" type="url" maxLength={2000} {...form.getInputProps('url')} />
          {item?.file && !form.values.removeFile ? (
            <Group justify="space-between" wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <FileIcon size={18} />
                <Text size="sm" truncate>
                  {item.file.name}
                </Text>
              </Group>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => form.setFieldValue('removeFile', true)}
              >
                Remove file
              </Button>
            </Group>
          ) : (
            <FileInput
              label="File"
              description="An image or PDF that shows the work (optional)."
              placeholder="Choose a file"
              accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
              clearable
              {...form.getInputProps('file')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {item ? 'Save changes' : 'Add item'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
