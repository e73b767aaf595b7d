import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Job } from '../../api/hiring-queries.ts';
import { AttachmentList } from '../../components/hiring/attachments.tsx';
import { durationLabels, experienceLabels } from '../../components/hiring/labels.ts';
import { formatMoney, formatRate } from '../../lib/format.ts';
import { splitScope } from './job-form-values.ts';

function Term({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** The terms of a job as a row of facts: the budget or rate range, hours, duration, level. */
export function JobTermsFacts({ job }: { job: Job }) {
  const { terms } = job;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      {terms.type === 'fixed' ? (
        <Term
          label="Fixed price"
          value={terms.budgetCents === null ? '—' : formatMoney(terms.budgetCents, terms.currency)}
        />
      ) : (
        <>
          <Term
            label="Hourly rate"
            value={
              terms.hourlyMinCents !== null && terms.hourlyMaxCents !== null
                ? `${formatMoney(terms.hourlyMinCents, terms.currency)} to ${formatRate(terms.hourlyMaxCents, terms.currency)}`
                : '—'
            }
          />
          <Term label="Hours per week" value={terms.hoursPerWeek ? `${terms.hoursPerWeek} hrs` : '—'} />
          <Term label="Duration" value={terms.duration ? durationLabels[terms.duration] : '—'} />
        </>
      )}
      <Term label="Experience" value={experienceLabels[terms.experienceLevel]} />
    </SimpleGrid>
  );
}

/** The body of a job post: scope, deliverables with acceptance criteria, skills, questions, files. */
export function JobDetails({ job }: { job: Job }) {
  const scope = splitScope(job.description);
  return (
    <Stack gap="md">
      <Paper p="lg" component="section" aria-labelledby="job-terms-title">
        <Title order={2} fz="h5" id="job-terms-title" mb="sm">
          Terms
        </Title>
        <JobTermsFacts job={job} />
      </Paper>
      <Paper p="lg" component="section" aria-labelledby="job-scope-title">
        <Title order={2} fz="h5" id="job-scope-title" mb="sm">
          Scope
        </Title>
        <Text className="preserve-lines">{scope.scopeIn}</Text>
        {scope.scopeOut && (
          <>
            <Text fw={600} mt="md" mb={4}>
              Out of scope
            </Text>
            <Text className="preserve-lines">{scope.scopeOut}</Text>
          </>
        )}
      </Paper>
      <Paper p="lg" component="section" aria-labelledby="job-deliverables-title">
        <Title order={2} fz="h5" id="job-deliverables-title" mb="sm">
          Deliverables
        </Title>
        <List spacing="sm" type="ordered">
          {job.deliverables.map((deliverable, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: deliverables are an ordered list without ids
            <List.Item key={index}>
              <Text fw={600}>{deliverable.title}</Text>
              <Text size="sm" c="dimmed" className="preserve-lines">
                Done when: {deliverable.acceptanceCriteria}
              </Text>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper p="lg" component="section" aria-labelledby="job-skills-title">
        <Title order={2} fz="h5" id="job-skills-title" mb="xs">
          Skills
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {job.category.name}
        </Text>
        <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Skills">
          {job.skills.map((skill) => (
            <Badge key={skill.id} component="li" variant="light" color="gray" tt="none" radius="sm">
              {skill.name}
            </Badge>
          ))}
        </Group>
      </Paper>
      {job.screeningQuestions.length > 0 && (
        <Paper p="lg" component="section" aria-labelledby="job-questions-title">
          <Title order={2} fz="h5" id="job-questions-title" mb="sm">
            Screening questions
          </Title>
          <List spacing={4} type="ordered">
            {job.screeningQuestions.map((question) => (
              <List.Item key={question}>{question}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      {job.attachments.length > 0 && (
        <Paper p="lg" component="section" aria-labelledby="job-files-title">
          <Title order={2} fz="h5" id="job-files-title" mb="sm">
            Attachments
          </Title>
          <AttachmentList files={job.attachments} />
        </Paper>
      )}
    </Stack>
  );
}
