import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';

/**
 * A dialog that asks for one text (a reason, a first message) and sends it; the API's refusal is
 * shown inside, under the field when it names it.
 */
export function TextPromptModal({
  opened,
  onClose,
  title,
  label,
  description,
  initialText = '',
  submitLabel,
  submitColor,
  maxLength,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  description?: string;
  initialText?: string;
  submitLabel: string;
  submitColor?: string;
  maxLength: number;
  onSubmit: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState(initialText);
  const [pending, setPending] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setText(initialText);
      setFieldError(null);
      setFailure(null);
    }
  }, [opened, initialText]);

  const send = async () => {
    if (!text.trim()) {
      setFieldError('Write something first.');
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await onSubmit(text);
      onClose();
    } catch (error) {
      const named = error instanceof ApiError ? Object.values(error.fields)[0] : undefined;
      if (named) setFieldError(named);
      else setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <Textarea
            label={label}
            description={description}
            autosize
            minRows={4}
            maxLength={maxLength}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setFieldError(null);
            }}
            error={fieldError}
            data-autofocus
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {text.length} / {maxLength}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={pending} color={submitColor}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
