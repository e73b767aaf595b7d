import {
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../api/client.ts';
import { type PublicFreelancerProfile, profileKeys } from '../api/profile-queries.ts';
import { useMe } from '../app/session.tsx';
import { FileIcon, LinkIcon } from '../components/icons.tsx';
import { ErrorState, LoadingBlocks } from '../components/page-state.tsx';
import { PersonHeader, PlaceAndTime } from '../components/person-header.tsx';
import { formatDate, formatRate, formatRelative } from '../lib/format.ts';
import { availabilityBadges, proficiencyLabels } from '../lib/languages.ts';
import NotFoundPage from './not-found-page.tsx';

function Overview({ profile }: { profile: PublicFreelancerProfile }) {
  return (
    <Paper p="lg" component="section" aria-labelledby="overview-title">
      <Title order={2} fz="h4" id="overview-title" mb="sm">
        Overview
      </Title>
      {profile.overview ? (
        <Text className="preserve-lines">{profile.overview}</Text>
      ) : (
        <Text c="dimmed">{profile.name} has not written an overview yet.</Text>
      )}
    </Paper>
  );
}

function Portfolio({ profile }: { profile: PublicFreelancerProfile }) {
  if (profile.portfolio.length === 0) return null;
  return (
    <Paper p="lg" component="section" aria-labelledby="portfolio-title">
      <Title order={2} fz="h4" id="portfolio-title" mb="sm">
        Portfolio
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {profile.portfolio.map((item) => (
          <Card key={item.id} withBorder padding="md">
            <Stack gap={6}>
              <Text fw={600}>{item.title}</Text>
              {item.file?.contentType.startsWith('image/') && (
                <img
                  src={item.file.url}
                  alt={item.title}
                  style={{ width: '100%', maxHeight: 200, objectFit: 'cover', borderRadius: 6 }}
                />
              )}
              {item.description && (
                <Text size="sm" c="dimmed" className="preserve-lines">
                  {item.description}
                </Text>
              )}
              {item.url && (
                <Group gap={4} wrap="nowrap">
                  <LinkIcon size={16} />
                  <Anchor href={item.url} target="_blank" rel="noopener noreferrer nofollow" size="sm" truncate>
                    {item.url.replace(/^https?:\/\//, '')}
                  </Anchor>
                </Group>
              )}
              {item.file && !item.file.contentType.startsWith('image/') && (
                <Group gap={4} wrap="nowrap">
                  <FileIcon size={16} />
                  <Anchor href={item.file.url} size="sm" truncate>
                    {item.file.name}
                  </Anchor>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Sidebar({ profile }: { profile: PublicFreelancerProfile }) {
  return (
    <Stack gap="lg">
      <Paper p="lg" component="section" aria-labelledby="skills-title">
        <Title order={2} fz="h4" id="skills-title" mb="sm">
          Skills
        </Title>
        <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {profile.skills.map((skill) => (
            <Badge component="li" key={skill.id} variant="light" color="blue" size="lg" tt="none" fw={500}>
              {skill.name}
            </Badge>
          ))}
        </Group>
      </Paper>
      <Paper p="lg" component="section" aria-labelledby="languages-title">
        <Title order={2} fz="h4" id="languages-title" mb="sm">
          Languages
        </Title>
        {profile.languages.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not listed yet.
          </Text>
        ) : (
          <Stack gap={4} component="dl" m={0}>
            {profile.languages.map((entry) => (
              <Group key={entry.language} gap={6}>
                <Text component="dt" size="sm" fw={600}>
                  {entry.language}:
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {proficiencyLabels[entry.proficiency]}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper p="lg">
        <Stack gap={4}>
          <Text size="sm">Member since {formatDate(profile.memberSince)}</Text>
          {profile.lastActiveAt && (
            <Text size="sm" c="dimmed">
              Last active {formatRelative(profile.lastActiveAt)}
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function FreelancerProfileView({ profile, own }: { profile: PublicFreelancerProfile; own: boolean }) {
  const availability = availabilityBadges[profile.availability];
  return (
    <Stack gap="lg">
      <Paper p={{ base: 'md', sm: 'xl' }}>
        <PersonHeader
          name={profile.name}
          aside={
            <Stack gap={4} align="flex-end">
              {profile.hourlyRateCents !== null && (
                <div>
                  <Text size="xs" c="dimmed" ta="right">
                    Hourly rate
                  </Text>
                  <Text fz={24} fw={700} data-testid="hourly-rate">
                    {formatRate(profile.hourlyRateCents, profile.currency)}
                  </Text>
                </div>
              )}
              {own && (
                <Button component={Link} to="/profile/edit" variant="default" size="xs">
                  Edit profile
                </Button>
              )}
            </Stack>
          }
        >
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {profile.name}
          </Title>
          <Text size="lg" fw={500}>
            {profile.title}
          </Text>
          <PlaceAndTime location={profile.location} timeZone={profile.timeZone} />
          <Group gap="xs">
            <Badge variant="light" color={availability.color} tt="none">
              {availability.label}
            </Badge>
          </Group>
        </PersonHeader>
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Overview profile={profile} />
            <Portfolio profile={profile} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Sidebar profile={profile} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function FreelancerProfilePage() {
  const { userId = '' } = useParams();
  const me = useMe();
  const profile = useQuery({
    queryKey: profileKeys.publicFreelancer(userId),
    queryFn: () => unwrap(api.GET('/api/freelancers/{userId}', { params: { path: { userId } } })),
  });
  if (profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 400)) {
    return <NotFoundPage />;
  }
  return (
    <Container size="lg" w="100%" py="xl">
      {profile.isPending ? (
        <Paper p="xl">
          <LoadingBlocks rows={6} label="Loading profile" />
        </Paper>
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <FreelancerProfileView profile={profile.data} own={me.data?.id === profile.data.userId} />
      )}
    </Container>
  );
}

export default FreelancerProfilePage;
