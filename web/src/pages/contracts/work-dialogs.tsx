import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type StoredFile, uploadFile } from '../../api/upload.ts';
import type { MilestoneView, Overview } from './contract-queries.ts';
import { useWorkroomAction } from './use-workroom-action.ts';

interface Check {
  criterion: string;
  met: boolean;
  note: string;
}

/** The freelancer submits work: a message, files, and each acceptance criterion checked. */
export function SubmitDialog({
  overview,
  milestone,
  onClose,
}: {
  overview: Overview;
  milestone: MilestoneView;
  onClose: () => void;
}) {
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [checks, setChecks] = useState<Check[]>(
    milestone.criteria.map((criterion) => ({ criterion, met: false, note: '' })),
  );
  const again = milestone.state === 'changes_requested';
  const action = useWorkroomAction(
    overview.contractId,
    () =>
      unwrap(
        api.POST('/api/contracts/{id}/milestones/{mid}/submit', {
          params: { path: { id: overview.contractId, mid: milestone.id } },
          body: { message, fileIds: files.map((file) => file.id), deliverables: checks },
        }),
      ),
    {
      title: 'Work submitted',
      message: () => 'The client has 14 days to approve or ask for changes.',
      onDone: onClose,
    },
  );
  const upload = async (picked: File[]) => {
    setUploading(true);
    setUploadError(null);
    try {
      for (const file of picked) {
        const stored = await uploadFile(file, 'submission');
        setFiles((current) => [...current, stored]);
      }
    } catch (error) {
      setUploadError(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };
  const setCheck = (index: number, change: Partial<Check>) =>
    setChecks((current) => current.map((check, i) => (i === index ? { ...check, ...change } : check)));
  const lastRequest = milestone.submissions.at(-1)?.responseNote;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${again ? 'Resubmit' : 'Submit'} milestone ${milestone.position}: ${milestone.title}`}
      size="lg"
    >
      <Stack>
        {again && lastRequest && (
          <Alert color="orange" variant="light" title="What the client asked to change">
            {lastRequest}
          </Alert>
        )}
        <Textarea
          label="Message to the client"
          description="What you deliver and how to check it."
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={action.failure?.fields.message}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Files
          </Text>
          {files.length > 0 && (
            <List size="sm" aria-label="Files to submit">
              {files.map((file) => (
                <List.Item key={file.id}>
                  {file.name}{' '}
                  <Text span size="xs" c="dimmed">
                    SHA-256 {file.sha256.slice(0, 12)}…
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
          <Group>
            <FileButton onChange={(picked) => void upload(picked)} multiple>
              {(props) => (
                <Button {...props} variant="default" size="xs" loading={uploading}>
                  Attach files
                </Button>
              )}
            </FileButton>
          </Group>
          {uploadError && (
            <Text size="sm" c="red.9" role="alert">
              {uploadError}
            </Text>
          )}
        </Stack>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={500} mb={6}>
            Deliverables checklist (the acceptance criteria)
          </Text>
          <Stack gap="xs">
            {checks.map((check, index) => (
              <Stack key={check.criterion} gap={4}>
                <Checkbox
                  label={check.criterion}
                  checked={check.met}
                  onChange={(e) => setCheck(index, { met: e.currentTarget.checked })}
                />
                <TextInput
                  size="xs"
                  ml={30}
                  aria-label={`Note on “${check.criterion}”`}
                  placeholder="Note (optional)"
                  value={check.note}
                  onChange={(e) => setCheck(index, { note: e.currentTarget.value })}
                />
              </Stack>
            ))}
          </Stack>
        </fieldset>
        {action.failure && (
          <Alert color="red" variant="light" role="alert">
            {action.failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={action.run} loading={action.pending} disabled={message.trim().length === 0 || uploading}>
            Submit for approval
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The client sends submitted work back, saying what must change. */
export function RequestChangesDialog({
  overview,
  milestone,
  onClose,
}: {
  overview: Overview;
  milestone: MilestoneView;
  onClose: () => void;
}) {
  const [message, setMessage] = useState('');
  const action = useWorkroomAction(
    overview.contractId,
    () =>
      unwrap(
        api.POST('/api/contracts/{id}/milestones/{mid}/request-changes', {
          params: { path: { id: overview.contractId, mid: milestone.id } },
          body: { message },
        }),
      ),
    { title: 'Changes requested', message: () => 'The freelancer was told what must change.', onDone: onClose },
  );
  return (
    <Modal opened onClose={onClose} title={`Request changes: ${milestone.title}`}>
      <Stack>
        <Textarea
          label="What must change"
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={action.failure?.fields.message}
        />
        {action.failure && !action.failure.fields.message && (
          <Alert color="red" variant="light" role="alert">
            {action.failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" onClick={action.run} loading={action.pending} disabled={message.trim().length === 0}>
            Request changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
