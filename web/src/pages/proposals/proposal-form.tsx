import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { type Job, useFeePreview } from '../../api/hiring-queries.ts';
import { AttachmentsField } from '../../components/hiring/attachments.tsx';
import { durationLabels, options } from '../../components/hiring/labels.ts';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';
import { formatMoney } from '../../lib/format.ts';
import { type ProposalFormValues, proposalFieldAliases, toCents } from './proposal-form-values.ts';

/** The bid, the service fee and what the freelancer receives, from the API's fee preview. */
function YouReceive({ job, amountCents }: { job: Job; amountCents: number | null }) {
  const hourly = job.terms.type === 'hourly';
  const preview = useFeePreview({
    amountCents,
    currency: job.terms.currency,
    kind: hourly ? 'hourly' : 'milestone',
    clientId: job.clientId,
  });
  const money = (cents: number) => formatMoney(cents, job.terms.currency);
  const per = hourly ? ' an hour' : '';
  if (!amountCents || !preview.data) {
    return (
      <Text size="sm" c="dimmed">
        {preview.isError ? 'The fee preview could not be loaded.' : 'Enter your bid to see what you receive.'}
      </Text>
    );
  }
  return (
    <Table withRowBorders={false} verticalSpacing={2} aria-label="What you receive" data-testid="you-receive" maw={420}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>Your bid{per}</Table.Td>
          <Table.Td ta="right">{money(preview.data.grossCents)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>Workroom service fee</Table.Td>
          <Table.Td ta="right">−{money(preview.data.freelancerFeeCents)}</Table.Td>
        </Table.Tr>
        <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Table.Td fw={700}>You’ll receive{per}</Table.Td>
          <Table.Td ta="right" fw={700}>
            {money(preview.data.freelancerNetCents)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Writing or editing a proposal: the letter, the bid (with optional milestones), answers, files. */
export function ProposalForm({
  job,
  initialValues,
  submitLabel,
  aside,
  onSubmit,
}: {
  job: Job;
  initialValues: ProposalFormValues;
  submitLabel: string;
  aside?: ReactNode;
  onSubmit: (values: ProposalFormValues) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hourly = job.terms.type === 'hourly';
  const form = useForm<ProposalFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      coverLetter: (value) => (value.trim() ? null : 'Write a cover letter'),
      amount: (value) => (value === '' ? (hourly ? 'Enter your hourly rate' : 'Enter your price') : null),
      estimatedDuration: (value) => (value ? null : 'Say how long it will take'),
      answers: (value) => (value.some((answer) => !answer.trim()) ? 'Answer every question' : null),
      milestones: {
        title: (value) => (value.trim() ? null : 'Name the milestone'),
        amount: (value) => (value === '' ? 'Enter an amount' : null),
      },
    },
  });
  const amountCents = toCents(form.values.amount);
  const milestoneSum = form.values.milestones.reduce((sum, row) => sum + (toCents(row.amount) ?? 0), 0);
  const money = (cents: number) => formatMoney(cents, job.terms.currency);

  return (
    <form
      noValidate
      aria-label="Proposal"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(null);
        setPending(true);
        try {
          await onSubmit(values);
        } catch (error) {
          setFormError(showApiError(form, error, proposalFieldAliases));
        } finally {
          setPending(false);
        }
      })}
    >
      <Stack gap="lg">
        <Section
          id="proposal-terms"
          title="Your terms"
          description={hourly ? 'Your rate for this job, per hour.' : 'Your price for the whole job.'}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={hourly ? 'Hourly rate' : 'Bid'}
              description={
                hourly
                  ? `The client offers ${job.terms.hourlyMinCents !== null ? money(job.terms.hourlyMinCents) : '?'} to ${job.terms.hourlyMaxCents !== null ? money(job.terms.hourlyMaxCents) : '?'} an hour`
                  : `The client’s budget is ${job.terms.budgetCents !== null ? money(job.terms.budgetCents) : 'not set'}`
              }
              prefix="$"
              decimalScale={2}
              thousandSeparator=","
              min={0}
              required
              {...form.getInputProps('amount')}
            />
            <Select
              label="How long will it take?"
              data={options(durationLabels)}
              required
              {...form.getInputProps('estimatedDuration')}
            />
          </SimpleGrid>
          {!hourly && (
            <Stack gap="sm">
              <Text size="sm" fw={500}>
                Milestones (optional)
              </Text>
              <Text size="xs" c="dimmed" mt={-8}>
                Split the work into parts paid one by one; they must add up to your bid.
              </Text>
              {form.values.milestones.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
                <Paper key={index} p="sm" bg="gray.0">
                  <Group align="flex-end" gap="sm" wrap="wrap">
                    <TextInput
                      label={`Milestone ${index + 1}`}
                      maxLength={200}
                      style={{ flex: '2 1 200px' }}
                      {...form.getInputProps(`milestones.${index}.title`)}
                    />
                    <NumberInput
                      label={`Amount of milestone ${index + 1}`}
                      prefix="$"
                      decimalScale={2}
                      min={0}
                      style={{ flex: '1 1 120px' }}
                      {...form.getInputProps(`milestones.${index}.amount`)}
                    />
                    <TextInput
                      type="date"
                      label={`Due date of milestone ${index + 1}`}
                      style={{ flex: '1 1 150px' }}
                      {...form.getInputProps(`milestones.${index}.dueDate`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mb={2}
                      aria-label={`Remove milestone ${index + 1}`}
                      onClick={() => form.removeListItem('milestones', index)}
                    >
                      <TrashIcon size={18} />
                    </ActionIcon>
                  </Group>
                </Paper>
              ))}
              {form.values.milestones.length > 0 && (
                <Text size="sm" c={amountCents !== null && milestoneSum !== amountCents ? 'red.9' : 'dimmed'}>
                  Milestones add up to {money(milestoneSum)}
                  {amountCents !== null && milestoneSum !== amountCents ? ` (your bid is ${money(amountCents)})` : ''}
                </Text>
              )}
              {typeof form.errors.milestones === 'string' && (
                <Text size="sm" c="var(--mantine-color-error)">
                  {form.errors.milestones}
                </Text>
              )}
              <Button
                variant="default"
                size="sm"
                leftSection={<PlusIcon size={16} />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => form.insertListItem('milestones', { title: '', amount: '', dueDate: '' })}
              >
                Add a milestone
              </Button>
            </Stack>
          )}
          <YouReceive job={job} amountCents={amountCents} />
        </Section>

        <Section
          id="proposal-letter"
          title="Why you"
          description="What you have done like it, how you would approach it, and what you need to know. At least 50 characters."
        >
          <Textarea
            label="Cover letter"
            autosize
            minRows={8}
            maxLength={5000}
            required
            {...form.getInputProps('coverLetter')}
          />
          <Text size="xs" c="dimmed" ta="right" mt={-8}>
            {form.values.coverLetter.length} / 5000
          </Text>
        </Section>

        {job.screeningQuestions.length > 0 && (
          <Section id="proposal-answers" title="The client’s questions">
            {job.screeningQuestions.map((question, index) => (
              <Textarea
                key={question}
                label={question}
                autosize
                minRows={2}
                maxLength={5000}
                required
                {...form.getInputProps(`answers.${index}`)}
              />
            ))}
            {typeof form.errors.answers === 'string' && (
              <Text size="sm" c="var(--mantine-color-error)">
                {form.errors.answers}
              </Text>
            )}
          </Section>
        )}

        <Section
          id="proposal-files"
          title="Attachments"
          description="Optional: work samples or a plan (up to 10 files)."
        >
          <AttachmentsField
            purpose="proposal"
            max={10}
            label="Files"
            value={form.values.attachments}
            onChange={(files) => form.setFieldValue('attachments', files)}
            error={typeof form.errors.attachments === 'string' ? form.errors.attachments : null}
          />
        </Section>

        {formError && (
          <Alert color="red" variant="light" role="alert" title="The proposal was not sent">
            {formError}
          </Alert>
        )}
        <Group justify="space-between" align="center" wrap="wrap">
          {aside ?? <span />}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
