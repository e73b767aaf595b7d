import { Button, Collapse, Grid, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys } from '../../api/hiring-queries.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { JobResultCard } from './job-result-card.tsx';
import { SaveSearchButton } from './saved-searches.tsx';
import { SearchFilters } from './search-filters.tsx';
import { emptySearch, type SearchQuery, toForm, toQuery } from './search-state.ts';

/** Text search with filters and sort; results load in pages ("Load more", keyset underneath). */
export function SearchResults({ query, onSearch }: { query: SearchQuery; onSearch: (query: SearchQuery) => void }) {
  const wide = useMediaQuery('(min-width: 62em)', true);
  const [filtersOpen, filters] = useDisclosure(false);
  const form = useForm({ mode: 'controlled', initialValues: toForm(query as Record<string, unknown>) });
  const [lastQuery, setLastQuery] = useState(query);

  // Going back or opening a saved search changes the address; the form follows it.
  useEffect(() => {
    if (JSON.stringify(query) !== JSON.stringify(lastQuery)) {
      form.setValues(toForm(query as Record<string, unknown>));
      setLastQuery(query);
    }
  }, [query, lastQuery, form]);

  const results = useInfiniteQuery({
    queryKey: hiringKeys.search(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/jobs/search', {
          params: { query: { ...query, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const first = results.data?.pages[0];
  const apply = form.onSubmit((values) => {
    const next = toQuery(values);
    setLastQuery(next);
    onSearch(next);
  });
  const reset = () => {
    form.setValues({ ...emptySearch, q: form.values.q });
    const next = toQuery({ ...emptySearch, q: form.values.q });
    setLastQuery(next);
    onSearch(next);
  };

  return (
    <form noValidate onSubmit={apply} aria-label="Job search">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label="Search jobs"
                placeholder="e.g. react booking app"
                type="search"
                style={{ flex: 1 }}
                maxLength={200}
                {...form.getInputProps('q')}
              />
              <Button type="submit">Search</Button>
            </Group>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed" role="status">
                {results.isPending
                  ? 'Searching…'
                  : first
                    ? `${items.length}${results.hasNextPage ? '+' : ''} job${items.length === 1 && !results.hasNextPage ? '' : 's'}${
                        first.mode === 'fuzzy' ? ' (with similar spellings)' : ''
                      }`
                    : ''}
              </Text>
              <Group gap="xs">
                {!wide && (
                  <Button variant="default" size="sm" onClick={filters.toggle} aria-expanded={filtersOpen}>
                    {filtersOpen ? 'Hide filters' : 'Filters'}
                  </Button>
                )}
                <Select
                  aria-label="Sort by"
                  size="sm"
                  w={150}
                  data={[
                    { value: 'relevance', label: 'Best match' },
                    { value: 'newest', label: 'Newest' },
                  ]}
                  value={form.values.sort || (query.q ? 'relevance' : 'newest')}
                  allowDeselect={false}
                  onChange={(value) => {
                    const sort = (value ?? '') as '' | 'relevance' | 'newest';
                    form.setFieldValue('sort', sort);
                    const next = toQuery({ ...form.values, sort });
                    setLastQuery(next);
                    onSearch(next);
                  }}
                />
                <SaveSearchButton query={query} />
              </Group>
            </Group>
            {!wide && (
              <Collapse expanded={filtersOpen}>
                <Paper p="md">
                  <SearchFilters form={form} onReset={reset} />
                </Paper>
              </Collapse>
            )}
            {results.isPending ? (
              <LoadingBlocks rows={8} label="Searching jobs" />
            ) : results.isError ? (
              <ErrorState error={results.error} onRetry={() => void results.refetch()} />
            ) : items.length === 0 ? (
              <Paper p="lg">
                <EmptyNote
                  title="No open job matches"
                  action={
                    <Button variant="default" size="sm" onClick={reset}>
                      Clear the filters
                    </Button>
                  }
                >
                  Try fewer filters or other words. Save the search to hear when a matching job is posted.
                </EmptyNote>
              </Paper>
            ) : (
              <Stack
                gap="sm"
                component="ul"
                aria-label="Jobs found"
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {items.map((job) => (
                  <JobResultCard key={job.id} job={job} />
                ))}
              </Stack>
            )}
            {results.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void results.fetchNextPage()}
                loading={results.isFetchingNextPage}
                style={{ alignSelf: 'center' }}
              >
                Load more
              </Button>
            )}
          </Stack>
        </Grid.Col>
        {wide && (
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 2, md: 1 }}>
            <Paper p="md" component="section" aria-label="Filters">
              <SearchFilters form={form} onReset={reset} />
            </Paper>
          </Grid.Col>
        )}
      </Grid>
    </form>
  );
}
