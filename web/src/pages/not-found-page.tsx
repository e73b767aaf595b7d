import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../app/session.tsx';

function NotFoundPage() {
  const me = useMe();
  return (
    <Container size="sm" py={80}>
      <Stack gap="md" align="flex-start">
        <Text c="blue.9" fw={700}>
          404
        </Text>
        <Title order={1}>This page does not exist</Title>
        <Text c="dimmed">The link may be old or mistyped. Nothing has been changed.</Text>
        <Group>
          <Button component={Link} to={me.data ? '/dashboard' : '/'}>
            {me.data ? 'Go to your dashboard' : 'Go to the home page'}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}

export default NotFoundPage;
