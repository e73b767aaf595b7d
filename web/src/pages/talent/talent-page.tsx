import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Container,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys, type Talent } from '../../api/hiring-queries.ts';
import { useTaxonomy } from '../../api/profile-queries.ts';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { RequireRole } from '../../components/hiring/require-role.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { countryOptions } from '../../lib/countries.ts';
import { amountToCents, formatLocation, formatRate, formatRelative, initials } from '../../lib/format.ts';
import { availabilityBadges, availabilityLabels } from '../../lib/languages.ts';
import { InviteModal } from './invite-modal.tsx';

interface TalentFilters {
  q: string;
  skills: string[];
  hourlyMin: number | string;
  hourlyMax: number | string;
  country: string[];
  availability: string[];
}
const empty: TalentFilters = { q: '', skills: [], hourlyMin: '', hourlyMax: '', country: [], availability: [] };

function toQuery(filters: TalentFilters) {
  const cents = (value: number | string) => (value === '' ? undefined : amountToCents(Number(value)));
  return Object.fromEntries(
    Object.entries({
      q: filters.q.trim() || undefined,
      skills: filters.skills.length ? filters.skills : undefined,
      hourlyMinCents: cents(filters.hourlyMin),
      hourlyMaxCents: cents(filters.hourlyMax),
      country: filters.country.length ? filters.country : undefined,
      availability: filters.availability.length ? filters.availability : undefined,
    }).filter(([, value]) => value !== undefined),
  );
}

function TalentCard({ talent, jobId, onInvite }: { talent: Talent; jobId: string | null; onInvite: () => void }) {
  const availability = availabilityBadges[talent.availability];
  const place = formatLocation(talent.location);
  return (
    <Paper p="md" component="li" aria-label={talent.name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Avatar color="blue" radius="xl" aria-hidden="true">
            {initials(talent.name)}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Anchor component={Link} to={`/freelancers/${talent.userId}`} fw={650}>
                {talent.name}
              </Anchor>
              <Badge color={availability.color} variant="light" size="sm" radius="sm">
                {availability.label}
              </Badge>
            </Group>
            <Text size="sm">{talent.title || 'No title yet'}</Text>
            <Text size="xs" c="dimmed">
              {[
                talent.hourlyRateCents !== null ? formatRate(talent.hourlyRateCents, talent.currency) : null,
                place || null,
                talent.lastActiveAt ? `active ${formatRelative(talent.lastActiveAt)}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap={4}>
              {talent.skills.slice(0, 10).map((skill) => (
                <Badge key={skill.id} variant="light" color="gray" tt="none" radius="sm" size="sm">
                  {skill.name}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        <Group gap="xs">
          <Button size="compact-sm" onClick={onInvite}>
            Invite to job
          </Button>
          <Button
            component={Link}
            to={`/offers/new?freelancerId=${talent.userId}${jobId ? `&jobId=${jobId}` : ''}`}
            size="compact-sm"
            variant="default"
          >
            Send offer
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function TalentSearch() {
  const [params] = useSearchParams();
  const jobId = params.get('jobId');
  const [filters, setFilters] = useState<TalentFilters>(empty);
  const [inviting, setInviting] = useState<Talent | null>(null);
  const taxonomy = useTaxonomy();
  const skillOptions = useMemo(
    () =>
      (taxonomy.data?.categories ?? []).map((category) => ({
        group: category.name,
        items: category.skills.map((skill) => ({ value: skill.id, label: skill.name })),
      })),
    [taxonomy.data],
  );
  const countries = useMemo(() => countryOptions(), []);
  const form = useForm({ mode: 'controlled', initialValues: empty });
  const query = toQuery(filters);
  const results = useInfiniteQuery({
    queryKey: hiringKeys.talent(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/talent/search', {
          params: { query: { ...query, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Container size="xl" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader
          title="Find talent"
          description="Search freelancers by skill, rate, place and availability; invite them to your job."
        />
        <form noValidate aria-label="Freelancer search" onSubmit={form.onSubmit(setFilters)}>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper p="md" component="section" aria-label="Filters">
                <Stack gap="sm">
                  <TextInput
                    label="Search freelancers"
                    placeholder="Name, title or skill"
                    type="search"
                    {...form.getInputProps('q')}
                  />
                  <MultiSelect
                    label="Skills"
                    placeholder="Any skill"
                    data={skillOptions}
                    searchable
                    hidePickedOptions
                    {...form.getInputProps('skills')}
                  />
                  <div>
                    <Text size="sm" fw={500} id="talent-rate-label">
                      Hourly rate (USD)
                    </Text>
                    <Group gap="xs" grow wrap="nowrap" role="group" aria-labelledby="talent-rate-label">
                      <NumberInput
                        aria-label="Rate at least"
                        placeholder="Min"
                        prefix="$"
                        min={0}
                        {...form.getInputProps('hourlyMin')}
                      />
                      <NumberInput
                        aria-label="Rate at most"
                        placeholder="Max"
                        prefix="$"
                        min={0}
                        {...form.getInputProps('hourlyMax')}
                      />
                    </Group>
                  </div>
                  <MultiSelect
                    label="Location"
                    placeholder="Anywhere"
                    data={countries}
                    searchable
                    {...form.getInputProps('country')}
                  />
                  <MultiSelect
                    label="Availability"
                    placeholder="Any"
                    data={Object.entries(availabilityLabels).map(([value, label]) => ({ value, label }))}
                    {...form.getInputProps('availability')}
                  />
                  <Group grow gap="xs">
                    <Button type="submit">Search</Button>
                    <Button
                      variant="default"
                      onClick={() => {
                        form.setValues(empty);
                        setFilters(empty);
                      }}
                    >
                      Clear
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              {results.isPending ? (
                <LoadingBlocks rows={8} label="Searching freelancers" />
              ) : results.isError ? (
                <ErrorState error={results.error} onRetry={() => void results.refetch()} />
              ) : items.length === 0 ? (
                <Paper p="lg">
                  <EmptyNote title="No freelancer matches">Try fewer filters or other words.</EmptyNote>
                </Paper>
              ) : (
                <Stack
                  gap="sm"
                  component="ul"
                  aria-label="Freelancers found"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {items.map((talent) => (
                    <TalentCard
                      key={talent.userId}
                      talent={talent}
                      jobId={jobId}
                      onInvite={() => setInviting(talent)}
                    />
                  ))}
                </Stack>
              )}
              {results.hasNextPage && (
                <Group justify="center" mt="md">
                  <Button
                    variant="default"
                    onClick={() => void results.fetchNextPage()}
                    loading={results.isFetchingNextPage}
                  >
                    Load more
                  </Button>
                </Group>
              )}
            </Grid.Col>
          </Grid>
        </form>
      </Stack>
      <InviteModal
        freelancer={inviting}
        defaultJobId={jobId}
        onClose={() => setInviting(null)}
        onInvited={(title) => {
          notifications.show({
            color: 'teal',
            title: 'Invitation sent',
            message: `${inviting?.name ?? 'They'} can now send a free proposal to “${title}”.`,
          });
          setInviting(null);
        }}
      />
    </Container>
  );
}

export default function TalentPage() {
  return <RequireRole needs="client">{() => <TalentSearch />}</RequireRole>;
}
