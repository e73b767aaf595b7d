import { Anchor, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useOwnClientProfile, useOwnFreelancerProfile } from '../../api/profile-queries.ts';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { type Completeness, clientCompleteness, freelancerCompleteness } from '../../lib/profile-completeness.ts';

function CompletenessView({
  title,
  completeness,
  editPath,
  publicPath,
  saved,
}: {
  title: string;
  completeness: Completeness;
  editPath: string;
  publicPath: string;
  saved: boolean;
}) {
  const done = completeness.missing.length === 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2} fz="h4">
          {title}
        </Title>
        <Text fw={700} c={done ? 'teal.9' : 'blue.9'}>
          {completeness.percent}% complete
        </Text>
      </Group>
      <Progress
        value={completeness.percent}
        color={done ? 'teal.8' : 'blue.8'}
        aria-label={`${title}: ${completeness.percent}% complete`}
      />
      {done ? (
        <Text size="sm">Everything a client looks for is there. Keep your portfolio fresh.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Still missing:
          </Text>
          <List size="sm" spacing={4}>
            {completeness.missing.map((item) => (
              <List.Item key={item.label}>
                <Anchor component={Link} to={`${editPath}#${item.section}`} size="sm">
                  {item.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Group gap="xs" mt="xs">
        <Button component={Link} to={editPath} size="sm" variant={done ? 'default' : 'filled'}>
          {done ? 'Edit profile' : 'Complete your profile'}
        </Button>
        {saved && (
          <Button component={Link} to={publicPath} size="sm" variant="subtle">
            View as others see it
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function FreelancerCompletenessCard({ userId }: { userId: string }) {
  const profile = useOwnFreelancerProfile();
  return (
    <Paper p="lg">
      {profile.isPending ? (
        <LoadingBlocks rows={4} label="Loading your profile" />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <CompletenessView
          title="Freelancer profile"
          completeness={freelancerCompleteness(profile.data)}
          editPath="/profile/edit"
          publicPath={`/freelancers/${userId}`}
          saved={profile.data.saved}
        />
      )}
    </Paper>
  );
}

export function ClientCompletenessCard({ userId, alsoFreelancer }: { userId: string; alsoFreelancer: boolean }) {
  const profile = useOwnClientProfile();
  return (
    <Paper p="lg">
      {profile.isPending ? (
        <LoadingBlocks rows={3} label="Loading your client profile" />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <CompletenessView
          title="Client profile"
          completeness={clientCompleteness(profile.data)}
          editPath={alsoFreelancer ? '/profile/edit?as=client' : '/profile/edit'}
          publicPath={`/clients/${userId}`}
          saved={profile.data.saved}
        />
      )}
    </Paper>
  );
}
