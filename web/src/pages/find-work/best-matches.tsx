import { Button, List, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hiringKeys } from '../../api/hiring-queries.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { JobResultCard } from './job-result-card.tsx';

/** Open jobs ranked for this freelancer, each saying why it matched. */
export function BestMatches() {
  const feed = useQuery({
    queryKey: hiringKeys.feed,
    queryFn: () => unwrap(api.GET('/api/jobs/feed', { params: { query: { limit: 20 } } })),
  });
  if (feed.isPending) return <LoadingBlocks rows={8} label="Finding your best matches" />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  if (feed.data.items.length === 0) {
    return (
      <Paper p="lg">
        <EmptyNote
          title="No matches yet"
          action={
            <Button component={Link} to="/profile/edit#skills" size="sm" variant="default">
              Add skills to your profile
            </Button>
          }
        >
          Best matches come from your skills, category and rate. Add them to your profile, or search all jobs.
        </EmptyNote>
      </Paper>
    );
  }
  return (
    <Stack gap="sm" component="ul" aria-label="Best matches" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {feed.data.items.map((item) => (
        <JobResultCard
          key={item.job.id}
          job={item.job}
          footer={
            item.why.length > 0 && (
              <Paper p="xs" bg="blue.0" withBorder={false}>
                <Text size="xs" fw={600} c="blue.9">
                  Why this matches you
                </Text>
                <List size="xs" spacing={0}>
                  {item.why.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </Paper>
            )
          }
        />
      ))}
    </Stack>
  );
}
