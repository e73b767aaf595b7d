import { Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../api/client.ts';
import { type PublicClientCard, profileKeys } from '../api/profile-queries.ts';
import { RequireSignedIn } from '../app/session.tsx';
import { ClientFacts, PaymentBadge } from '../components/hiring/client-card.tsx';
import { ErrorState, LoadingBlocks } from '../components/page-state.tsx';
import { PersonHeader, PlaceAndTime } from '../components/person-header.tsx';
import { formatDate, formatRelative } from '../lib/format.ts';
import NotFoundPage from './not-found-page.tsx';

function ClientCardView({ card, own }: { card: PublicClientCard; own: boolean }) {
  return (
    <Paper p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <PersonHeader
          name={card.company ?? card.name}
          aside={
            own ? (
              <Button component={Link} to="/profile/edit?as=client" variant="default" size="xs">
                Edit client profile
              </Button>
            ) : undefined
          }
        >
          <Text size="sm" c="dimmed" fw={600} tt="uppercase">
            Client
          </Text>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {card.company ?? card.name}
          </Title>
          {card.company && <Text fw={500}>{card.name}</Text>}
          <PlaceAndTime location={card.location} timeZone={card.timeZone} />
        </PersonHeader>
        <section aria-labelledby="hiring-title">
          <Title order={2} fz="h4" id="hiring-title" mb="xs">
            Hiring on Workroom
          </Title>
          <Stack gap="sm">
            <div>
              <PaymentBadge verified={card.paymentVerified} />
            </div>
            <ClientFacts client={card} />
          </Stack>
        </section>
        <section aria-labelledby="about-title">
          <Title order={2} fz="h4" id="about-title" mb="xs">
            About
          </Title>
          {card.description ? (
            <Text className="preserve-lines">{card.description}</Text>
          ) : (
            <Text c="dimmed">This client has not written a description yet.</Text>
          )}
        </section>
        <Stack gap={2}>
          <Text size="sm">Member since {formatDate(card.memberSince)}</Text>
          {card.lastActiveAt && (
            <Text size="sm" c="dimmed">
              Last active {formatRelative(card.lastActiveAt)}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function ClientCard({ userId, viewerId }: { userId: string; viewerId: string }) {
  const card = useQuery({
    queryKey: profileKeys.publicClient(userId),
    queryFn: () => unwrap(api.GET('/api/clients/{userId}', { params: { path: { userId } } })),
  });
  if (card.error instanceof ApiError && (card.error.status === 404 || card.error.status === 400)) {
    return <NotFoundPage />;
  }
  return (
    <Container size="md" w="100%" py="xl">
      {card.isPending ? (
        <Paper p="xl">
          <LoadingBlocks rows={4} label="Loading client" />
        </Paper>
      ) : card.isError ? (
        <ErrorState error={card.error} onRetry={() => void card.refetch()} />
      ) : (
        <ClientCardView card={card.data} own={card.data.userId === viewerId} />
      )}
    </Container>
  );
}

function ClientCardPage() {
  const { userId = '' } = useParams();
  return <RequireSignedIn>{(me) => <ClientCard userId={userId} viewerId={me.id} />}</RequireSignedIn>;
}

export default ClientCardPage;
