import { Anchor, Badge, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { hasRole, type Me, RequireSignedIn } from '../../app/session.tsx';
import { formatDate } from '../../lib/format.ts';
import { NotificationsCard } from './notifications-card.tsx';
import { ClientCompletenessCard, FreelancerCompletenessCard } from './profile-completeness-card.tsx';

const roleLabels = { client: 'Client', freelancer: 'Freelancer', operator: 'Operator' } as const;

function AccountCard({ me }: { me: Me }) {
  return (
    <Paper p="lg">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Your account
        </Title>
        <Text size="sm">
          Member since <strong>{formatDate(me.createdAt)}</strong>
        </Text>
        <Group gap={6}>
          {me.roles.map((role) => (
            <Badge key={role} variant="light" tt="none">
              {roleLabels[role]}
            </Badge>
          ))}
        </Group>
        <Anchor component={Link} to="/settings" size="sm">
          Password, devices and API tokens
        </Anchor>
      </Stack>
    </Paper>
  );
}

function Dashboard({ me }: { me: Me }) {
  const freelancer = hasRole(me, 'freelancer');
  const client = hasRole(me, 'client');
  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            Welcome back, {me.displayName}
          </Title>
          <Text c="dimmed" size="sm">
            {freelancer && client
              ? 'Your work and your hiring, in one place.'
              : freelancer
                ? 'Your profile is how clients find you. Keep it complete.'
                : client
                  ? 'A complete client card gets better proposals.'
                  : 'Operator account.'}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="lg">
          {freelancer && <FreelancerCompletenessCard userId={me.id} />}
          {client && <ClientCompletenessCard userId={me.id} alsoFreelancer={freelancer} />}
          <NotificationsCard />
          <AccountCard me={me} />
        </SimpleGrid>
      </Stack>
    </Container>
  );
}

function DashboardPage() {
  return <RequireSignedIn>{(me) => <Dashboard me={me} />}</RequireSignedIn>;
}

export default DashboardPage;
