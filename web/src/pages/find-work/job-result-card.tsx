import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { JobSearchItem } from '../../api/hiring-queries.ts';
import { termsDetails, termsSummary } from '../../components/hiring/labels.ts';
import { CheckIcon } from '../../components/icons.tsx';
import { countryName, formatRelative } from '../../lib/format.ts';

/** One job in search results or best matches: enough to decide whether to open it. */
export function JobResultCard({ job, footer }: { job: JobSearchItem; footer?: ReactNode }) {
  return (
    <Paper p="md" component="li" aria-label={job.title}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          Posted {formatRelative(job.postedAt)}
        </Text>
        <Anchor
          component={Link}
          to={`/jobs/${job.id}`}
          fw={650}
          fz="lg"
          underline="hover"
          style={{ overflowWrap: 'anywhere' }}
        >
          {job.title}
        </Anchor>
        <Text size="sm" fw={500}>
          {termsSummary(job.terms)}{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            · {termsDetails(job.terms)}
          </Text>
        </Text>
        <Text size="sm" lineClamp={3}>
          {job.snippet.replace(/\s+/g, ' ')}
        </Text>
        <Group gap={4}>
          {job.skills.slice(0, 8).map((skill) => (
            <Badge key={skill.id} variant="light" color="gray" tt="none" radius="sm" size="sm">
              {skill.name}
            </Badge>
          ))}
        </Group>
        <Group gap="md" wrap="wrap">
          {job.client.paymentVerified ? (
            <Group gap={4} wrap="nowrap" c="teal.9">
              <CheckIcon size={14} />
              <Text size="xs" fw={600}>
                Payment verified
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              Payment not verified
            </Text>
          )}
          {job.client.country && (
            <Text size="xs" c="dimmed">
              {countryName(job.client.country)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Proposals: {job.proposals}
          </Text>
          {job.visibility === 'invite_only' && (
            <Badge color="violet" variant="light" size="sm" radius="sm">
              Invited
            </Badge>
          )}
        </Group>
        {footer}
      </Stack>
    </Paper>
  );
}
