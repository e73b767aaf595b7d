import { Button, Container, Stack, Tabs } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { BestMatches } from './best-matches.tsx';
import { SavedSearches } from './saved-searches.tsx';
import { SearchResults } from './search-results.tsx';
import { fromUrlParams, type SearchQuery, toForm, toQuery, toUrlParams } from './search-state.ts';

const tabs = ['search', 'matches', 'saved'] as const;
type Tab = (typeof tabs)[number];

function FindWork() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'search';
  const query = fromUrlParams(params);
  const search = (next: SearchQuery) => setParams(toUrlParams(next));
  const go = (next: Tab) => {
    const copy = new URLSearchParams(params);
    if (next === 'search') copy.delete('tab');
    else copy.set('tab', next);
    setParams(copy, { replace: true });
  };
  return (
    <Container size="xl" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Find work"
          description="Search open jobs, or see the ones that match your profile best."
          actions={
            <Button component={Link} to="/connects" variant="default">
              Your Connects
            </Button>
          }
        />
        <Tabs value={tab} onChange={(value) => go((value as Tab | null) ?? 'search')} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="search">Search</Tabs.Tab>
            <Tabs.Tab value="matches">Best matches</Tabs.Tab>
            <Tabs.Tab value="saved">Saved searches</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="search" pt="md">
            <SearchResults query={query} onSearch={search} />
          </Tabs.Panel>
          <Tabs.Panel value="matches" pt="md">
            <BestMatches />
          </Tabs.Panel>
          <Tabs.Panel value="saved" pt="md">
            <SavedSearches onRun={(saved) => search(toQuery(toForm(saved)))} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}

export default function FindWorkPage() {
  return <RequireRole needs="freelancer">{() => <FindWork />}</RequireRole>;
}
