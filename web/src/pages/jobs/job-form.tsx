import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTaxonomy } from '../../api/profile-queries.ts';
import { AttachmentsField } from '../../components/hiring/attachments.tsx';
import { durationLabels, experienceLabels, options } from '../../components/hiring/labels.ts';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';
import { type JobFormValues, jobFieldAliases } from './job-form-values.ts';

const experienceHints: Record<keyof typeof experienceLabels, string> = {
  entry: 'New to the field; the lowest rates',
  intermediate: 'A good mix of experience and value',
  expert: 'Deep experience in this kind of work',
};

function useCategories() {
  const taxonomy = useTaxonomy();
  const categories = taxonomy.data?.categories ?? [];
  return { taxonomy, categories };
}

export type JobSubmit = (values: JobFormValues, publish: boolean) => Promise<unknown>;

/**
 * The guided job form: what the work is (and is not), what done looks like, who fits, and the
 * money. Field errors the API names show under their fields.
 */
export function JobForm({
  initialValues,
  submitLabels,
  onSubmit,
}: {
  initialValues: JobFormValues;
  submitLabels: { publish: string; draft?: string };
  onSubmit: JobSubmit;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<'publish' | 'draft' | null>(null);
  const { taxonomy, categories } = useCategories();
  const form = useForm<JobFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      title: (value) => (value.trim() ? null : 'Give the job a title'),
      scopeIn: (value) => (value.trim() ? null : 'Describe the work'),
      categoryId: (value) => (value ? null : 'Choose a category'),
      skillIds: (value) => (value.length ? null : 'Choose at least one skill'),
      budget: (value, values) => (values.type === 'fixed' && value === '' ? 'Enter a budget' : null),
      hourlyMin: (value, values) => (values.type === 'hourly' && value === '' ? 'Enter the lowest rate' : null),
      hourlyMax: (value, values) => (values.type === 'hourly' && value === '' ? 'Enter the highest rate' : null),
      hoursPerWeek: (value, values) => (values.type === 'hourly' && value === '' ? 'Enter hours per week' : null),
      duration: (value, values) => (values.type === 'hourly' && !value ? 'Choose how long it lasts' : null),
      deliverables: {
        title: (value) => (value.trim() ? null : 'Name the deliverable'),
        acceptanceCriteria: (value) => (value.trim() ? null : 'Say how you will know it is done'),
      },
    },
  });

  const skillOptions = useMemo(() => {
    const chosen = categories.find((category) => category.id === form.values.categoryId);
    const ordered = chosen ? [chosen, ...categories.filter((category) => category !== chosen)] : categories;
    return ordered.map((category) => ({
      group: category.name,
      items: category.skills.map((skill) => ({ value: skill.id, label: skill.name })),
    }));
  }, [categories, form.values.categoryId]);

  const submit = (publish: boolean) =>
    form.onSubmit(async (values) => {
      setFormError(null);
      setPending(publish ? 'publish' : 'draft');
      try {
        await onSubmit(values, publish);
      } catch (error) {
        setFormError(showApiError(form, error, jobFieldAliases));
      } finally {
        setPending(null);
      }
    });

  const deliverables = form.values.deliverables;
  const questions = form.values.screeningQuestions;
  return (
    <form noValidate aria-label="Job post" onSubmit={submit(true)}>
      <Stack gap="lg">
        <Section
          id="job-basics"
          title="The work"
          description="Say what is in scope and what is not: it saves both sides time."
        >
          <TextInput
            label="Job title"
            description="10 to 120 characters, e.g. “Build a booking page for a dental clinic”"
            maxLength={120}
            required
            {...form.getInputProps('title')}
          />
          <Textarea
            label="What is in scope"
            description="What the work is, what you have already, and what you need done. At least 50 characters."
            autosize
            minRows={5}
            maxLength={9000}
            required
            {...form.getInputProps('scopeIn')}
          />
          <Textarea
            label="What is out of scope"
            description="Optional: what this job does not include."
            autosize
            minRows={2}
            maxLength={900}
            {...form.getInputProps('scopeOut')}
          />
        </Section>

        <Section
          id="job-deliverables"
          title="Deliverables"
          description="What you will receive, and how you will judge each one done."
        >
          <Stack gap="md">
            {deliverables.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
              <Paper key={index} p="md" withBorder bg="gray.0">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-end">
                    <TextInput
                      label={`Deliverable ${index + 1}`}
                      placeholder="e.g. A responsive booking page"
                      maxLength={200}
                      style={{ flex: 1 }}
                      {...form.getInputProps(`deliverables.${index}.title`)}
                    />
                    {deliverables.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={`Remove deliverable ${index + 1}`}
                        onClick={() => form.removeListItem('deliverables', index)}
                      >
                        <TrashIcon size={18} />
                      </ActionIcon>
                    )}
                  </Group>
                  <Textarea
                    label={`Acceptance criteria for deliverable ${index + 1}`}
                    placeholder="e.g. Works on phones and desktops; bookings reach the clinic calendar"
                    autosize
                    minRows={2}
                    maxLength={2000}
                    {...form.getInputProps(`deliverables.${index}.acceptanceCriteria`)}
                  />
                </Stack>
              </Paper>
            ))}
            {deliverables.length < 20 && (
              <Button
                variant="default"
                leftSection={<PlusIcon size={16} />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => form.insertListItem('deliverables', { title: '', acceptanceCriteria: '' })}
              >
                Add a deliverable
              </Button>
            )}
            {typeof form.errors.deliverables === 'string' && (
              <Text size="sm" c="var(--mantine-color-error)">
                {form.errors.deliverables}
              </Text>
            )}
          </Stack>
        </Section>

        <Section id="job-skills" title="Category and skills" description="Freelancers search and get matched by these.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Category"
              placeholder="Choose a category"
              data={categories.map((category) => ({ value: category.id, label: category.name }))}
              searchable
              required
              nothingFoundMessage={taxonomy.isPending ? 'Loading categories…' : 'No category matches'}
              {...form.getInputProps('categoryId')}
            />
            <MultiSelect
              label="Skills"
              description="1 to 15, most important first"
              placeholder={form.values.skillIds.length ? undefined : 'Search skills'}
              data={skillOptions}
              searchable
              maxValues={15}
              hidePickedOptions
              required
              nothingFoundMessage={taxonomy.isPending ? 'Loading skills…' : 'No skill matches'}
              {...form.getInputProps('skillIds')}
            />
          </SimpleGrid>
          {taxonomy.isError && (
            <Alert color="red" variant="light" role="alert">
              The skills list could not be loaded. Reload the page to try again.
            </Alert>
          )}
        </Section>

        <Section id="job-budget" title="Payment" description="All amounts in US dollars.">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="job-type-label">
              How will you pay?
            </Text>
            <SegmentedControl
              aria-labelledby="job-type-label"
              data={[
                { value: 'fixed', label: 'Fixed price' },
                { value: 'hourly', label: 'Hourly' },
              ]}
              style={{ alignSelf: 'flex-start' }}
              {...form.getInputProps('type')}
            />
          </Stack>
          {form.values.type === 'fixed' ? (
            <NumberInput
              label="Budget"
              description="The whole project, at least $5"
              prefix="$"
              decimalScale={2}
              thousandSeparator=","
              min={0}
              maw={260}
              required
              {...form.getInputProps('budget')}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <NumberInput
                label="Lowest hourly rate"
                prefix="$"
                decimalScale={2}
                min={0}
                required
                {...form.getInputProps('hourlyMin')}
              />
              <NumberInput
                label="Highest hourly rate"
                prefix="$"
                decimalScale={2}
                min={0}
                required
                {...form.getInputProps('hourlyMax')}
              />
              <NumberInput
                label="Hours per week"
                min={1}
                max={80}
                allowDecimal={false}
                required
                {...form.getInputProps('hoursPerWeek')}
              />
              <Select
                label="Duration"
                placeholder="Choose"
                data={options(durationLabels)}
                required
                {...form.getInputProps('duration')}
              />
            </SimpleGrid>
          )}
        </Section>

        <Section id="job-experience" title="Experience and visibility">
          <Radio.Group label="Experience level" {...form.getInputProps('experienceLevel')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              {options(experienceLabels).map((option) => (
                <Radio.Card key={option.value} value={option.value} p="md" radius="md">
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600} size="sm">
                        {option.label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {experienceHints[option.value]}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Radio.Group label="Who can see this job" {...form.getInputProps('visibility')}>
            <Stack gap="xs" mt="xs">
              <Radio value="public" label="Anyone on Workroom: freelancers find it by search" />
              <Radio value="invite_only" label="Only freelancers you invite" />
            </Stack>
          </Radio.Group>
        </Section>

        <Section
          id="job-questions"
          title="Screening questions"
          description="Optional, up to 5. Every proposal answers them."
        >
          <Stack gap="sm">
            {questions.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place and have no id
              <Group key={index} wrap="nowrap" align="flex-end">
                <TextInput
                  label={`Question ${index + 1}`}
                  maxLength={500}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`screeningQuestions.${index}`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Remove question ${index + 1}`}
                  onClick={() => form.removeListItem('screeningQuestions', index)}
                >
                  <TrashIcon size={18} />
                </ActionIcon>
              </Group>
            ))}
            {questions.length < 5 && (
              <Button
                variant="default"
                leftSection={<PlusIcon size={16} />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => form.insertListItem('screeningQuestions', '')}
              >
                Add a question
              </Button>
            )}
          </Stack>
        </Section>

        <Section
          id="job-files"
          title="Attachments"
          description="Optional: briefs, mock-ups, examples (up to 10 files)."
        >
          <AttachmentsField
            purpose="job"
            max={10}
            label="Files"
            value={form.values.attachments}
            onChange={(files) => form.setFieldValue('attachments', files)}
            error={typeof form.errors.attachments === 'string' ? form.errors.attachments : null}
          />
        </Section>

        {formError && (
          <Alert color="red" variant="light" role="alert" title="The job was not saved">
            {formError}
          </Alert>
        )}
        {Object.keys(form.errors).length > 0 && !formError && (
          <Alert color="red" variant="light" role="alert">
            Some fields need a change; they are marked above.
          </Alert>
        )}
        <Group justify="flex-end">
          {submitLabels.draft && (
            <Button
              variant="default"
              loading={pending === 'draft'}
              disabled={pending !== null}
              onClick={() => submit(false)()}
            >
              {submitLabels.draft}
            </Button>
          )}
          <Button type="submit" loading={pending === 'publish'} disabled={pending !== null}>
            {submitLabels.publish}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
