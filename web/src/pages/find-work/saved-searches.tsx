import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { hiringKeys, type SavedSearch } from '../../api/hiring-queries.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatDate } from '../../lib/format.ts';
import type { SearchQuery } from './search-state.ts';

export const useSavedSearches = () =>
  useQuery({ queryKey: hiringKeys.savedSearches, queryFn: () => unwrap(api.GET('/api/saved-searches')) });

function describe(query: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof query.q === 'string') parts.push(`“${query.q}”`);
  if (query.type) parts.push(query.type === 'fixed' ? 'fixed price' : 'hourly');
  if (query.category) parts.push('a category');
  if (Array.isArray(query.skills) && query.skills.length)
    parts.push(`${query.skills.length} skill${query.skills.length === 1 ? '' : 's'}`);
  if (query.paymentVerified) parts.push('payment verified');
  if (query.postedWithin) parts.push(`posted within ${String(query.postedWithin)}`);
  return parts.length ? parts.join(' · ') : 'All open jobs';
}

/** Saves the current search; new matching jobs then notify the freelancer. */
export function SaveSearchButton({ query }: { query: SearchQuery }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(api.POST('/api/saved-searches', { body: { name, query } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hiringKeys.savedSearches });
      setOpened(false);
      notifications.show({
        color: 'teal',
        title: 'Search saved',
        message: 'You will be notified when a new job matches.',
      });
    },
  });
  return (
    <>
      <Button
        variant="default"
        size="sm"
        onClick={() => {
          setName(query.q ? query.q.slice(0, 80) : 'My search');
          save.reset();
          setOpened(true);
        }}
      >
        Save this search
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Save this search">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {describe(query as Record<string, unknown>)}
            </Text>
            <TextInput
              label="Name"
              maxLength={80}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            {save.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save search
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function SavedSearchRow({ search, onRun }: { search: SavedSearch; onRun: (query: Record<string, unknown>) => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/saved-searches/{id}', { params: { path: { id: search.id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hiringKeys.savedSearches }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(error) }),
  });
  return (
    <Paper p="md" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component="button" type="button" fw={600} onClick={() => onRun(search.query)} ta="left">
            {search.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {describe(search.query)} · saved {formatDate(search.createdAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => onRun(search.query)}>
            Run search
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
            aria-label={`Delete saved search ${search.name}`}
          >
            Delete
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

export function SavedSearches({ onRun }: { onRun: (query: Record<string, unknown>) => void }) {
  const saved = useSavedSearches();
  if (saved.isPending) return <LoadingBlocks rows={3} label="Loading saved searches" />;
  if (saved.isError) return <ErrorState error={saved.error} onRetry={() => void saved.refetch()} />;
  if (saved.data.items.length === 0) {
    return (
      <Paper p="lg">
        <EmptyNote title="No saved searches">
          Search with the words and filters you care about, then “Save this search” to be notified of new matching jobs.
        </EmptyNote>
      </Paper>
    );
  }
  return (
    <Stack gap="sm" component="ul" aria-label="Saved searches" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {saved.data.items.map((search) => (
        <SavedSearchRow key={search.id} search={search} onRun={onRun} />
      ))}
    </Stack>
  );
}
