import { Anchor, Container, Grid, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { type Me, RequireSignedIn } from '../../app/session.tsx';
import { PageHeader } from '../../components/hiring/page-header.tsx';
import { EmptyNote } from '../../components/page-state.tsx';
import { ThreadList } from './thread-list.tsx';
import { ThreadView } from './thread-view.tsx';

function Messages({ me }: { me: Me }) {
  const { threadId = null } = useParams();
  const wide = useMediaQuery('(min-width: 62em)', true);
  return (
    <Container size="xl" w="100%" py="xl">
      <Stack gap="lg">
        <PageHeader title="Messages" />
        {wide ? (
          <Grid gap="md">
            <Grid.Col span={4}>
              <ThreadList activeId={threadId} meId={me.id} />
            </Grid.Col>
            <Grid.Col span={8}>
              {threadId ? (
                <ThreadView key={threadId} threadId={threadId} me={me} />
              ) : (
                <EmptyNote title="Choose a conversation">Pick one on the left to read and answer it.</EmptyNote>
              )}
            </Grid.Col>
          </Grid>
        ) : threadId ? (
          <Stack gap="sm">
            <Anchor component={Link} to="/messages" size="sm">
              ← All conversations
            </Anchor>
            <ThreadView key={threadId} threadId={threadId} me={me} />
          </Stack>
        ) : (
          <ThreadList activeId={null} meId={me.id} />
        )}
      </Stack>
    </Container>
  );
}

export default function MessagesPage() {
  return <RequireSignedIn>{(me) => <Messages me={me} />}</RequireSignedIn>;
}
