import { Anchor, Box, Button, Container, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SignedOutOnly } from '../app/session.tsx';
import { CheckIcon } from '../components/icons.tsx';
import { ContractPreview } from './landing-preview.tsx';

const audiences = [
  {
    title: 'For clients',
    points: [
      'Describe the work and compare proposals side by side',
      'Fund milestones into escrow; release only what you approve',
      'See every fee before you commit',
    ],
    cta: { label: 'Sign up to hire', to: '/signup?role=client' },
  },
  {
    title: 'For freelancers',
    points: [
      'A profile with your skills, rate, languages and portfolio',
      'Terms in writing, money held before you start',
      'Hourly work backed by a work diary',
    ],
    cta: { label: 'Sign up to work', to: '/signup?role=freelancer' },
  },
  {
    title: 'Yours to run',
    points: [
      'Open source and self-hostable with two commands',
      'A documented API with personal tokens for your scripts',
      'Your data stays in your own PostgreSQL',
    ],
    cta: { label: 'Read the API docs', to: '/docs', external: true },
  },
] as const;

function LandingPage() {
  return (
    <SignedOutOnly>
      <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py={{ base: 48, sm: 88 }}>
          <Group justify="space-between" align="center" gap={48} wrap="nowrap">
            <Stack gap="lg" maw={640}>
              <Text c="blue.9" fw={650} tt="uppercase" size="sm" style={{ letterSpacing: 1 }}>
                The open freelance marketplace
              </Text>
              <Title order={1} fz={{ base: 34, sm: 48 }} lh={1.1}>
                Hire and work with the money always clear.
              </Title>
              <Text size="lg" c="dimmed">
                Workroom connects clients with freelancers for fixed-price milestones and hourly work. Funds wait in
                escrow, fees are shown before anyone commits, and everything you agree is kept on the record.
              </Text>
              <Group gap="sm">
                <Button component={Link} to="/signup?role=client" size="md">
                  Sign up as a client
                </Button>
                <Button component={Link} to="/signup?role=freelancer" size="md" variant="default">
                  Sign up as a freelancer
                </Button>
              </Group>
              <Text size="sm">
                Already have an account?{' '}
                <Anchor component={Link} to="/login">
                  Log in
                </Anchor>
              </Text>
            </Stack>
            <Box visibleFrom="md">
              <ContractPreview />
            </Box>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py={56}>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          {audiences.map((audience) => (
            <Paper key={audience.title} p="lg">
              <Stack gap="md" h="100%">
                <Title order={2} fz="h3">
                  {audience.title}
                </Title>
                <List
                  spacing="sm"
                  size="sm"
                  lh={1.5}
                  icon={<CheckIcon size={18} color="var(--mantine-color-teal-8)" />}
                  center
                >
                  {audience.points.map((point) => (
                    <List.Item key={point}>{point}</List.Item>
                  ))}
                </List>
                <Box mt="auto">
                  {'external' in audience ? (
                    <Anchor href={audience.cta.to} fw={600}>
                      {audience.cta.label}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} to={audience.cta.to} fw={600}>
                      {audience.cta.label}
                    </Anchor>
                  )}
                </Box>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Container>
    </SignedOutOnly>
  );
}

export default LandingPage;
