import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
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
import { useState } from 'react';
import { useBillingMethods } from '../../api/money-queries.ts';
import { Notice } from '../../components/hiring/notice.tsx';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';
import { formatMoney } from '../../lib/format.ts';
import { AddBillingMethodModal } from '../billing/add-billing-method-modal.tsx';
import { OfferFeePreview } from './offer-fee-preview.tsx';
import {
  addDays,
  earliestStart,
  milestonesTotal,
  type OfferFormValues,
  offerFieldAliases,
  toCents,
} from './offer-form-values.ts';

const expiryOptions = [
  { value: '1', label: 'In 1 day' },
  { value: '3', label: 'In 3 days' },
  { value: '7', label: 'In 7 days' },
  { value: '14', label: 'In 14 days' },
  { value: '28', label: 'In 28 days' },
];

function useOfferForm(initialValues: OfferFormValues) {
  return useForm<OfferFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      title: (value) => (value.trim() ? null : 'Give the contract a title'),
      description: (value) => (value.trim() ? null : 'Describe the agreed scope'),
      rate: (value, values) => (values.type === 'hourly' && value === '' ? 'Enter the hourly rate' : null),
      weeklyLimitHours: (value, values) => (values.type === 'hourly' && value === '' ? 'Enter a weekly limit' : null),
      milestones: {
        title: (value, values) => (values.type === 'fixed' && !value.trim() ? 'Name the milestone' : null),
        amount: (value, values) => {
          if (values.type !== 'fixed') return null;
          const cents = toCents(value);
          return cents === null ? 'Enter an amount' : cents < 500 ? 'A milestone is at least $5.00' : null;
        },
        dueDate: (value, values) => (values.type === 'fixed' && !value ? 'Choose a due date' : null),
        acceptanceCriteria: (value, values) =>
          values.type === 'fixed' && !value.trim() ? 'Say how you will know it is done' : null,
      },
    },
  });
}
type OfferFormApi = ReturnType<typeof useOfferForm>;

function MilestonesField({ form, currency }: { form: OfferFormApi; currency: string }) {
  const rows = form.values.milestones;
  return (
    <Stack gap="sm">
      {rows.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
        <Paper key={index} p="md" bg="gray.0">
          <Stack gap="xs">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={`Milestone ${index + 1}`}
                maxLength={200}
                style={{ flex: '2 1 220px' }}
                {...form.getInputProps(`milestones.${index}.title`)}
              />
              <NumberInput
                label={`Amount of milestone ${index + 1}`}
                prefix="$"
                decimalScale={2}
                thousandSeparator=","
                min={0}
                style={{ flex: '1 1 130px' }}
                {...form.getInputProps(`milestones.${index}.amount`)}
              />
              <TextInput
                type="date"
                label={`Due date of milestone ${index + 1}`}
                min={form.values.startDate}
                style={{ flex: '1 1 150px' }}
                {...form.getInputProps(`milestones.${index}.dueDate`)}
              />
              {rows.length > 1 && (
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
              )}
            </Group>
            <Textarea
              label={`Acceptance criteria for milestone ${index + 1}`}
              description="How you will decide it is done (at least 10 characters)"
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps(`milestones.${index}.acceptanceCriteria`)}
            />
          </Stack>
        </Paper>
      ))}
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="default"
          size="sm"
          leftSection={<PlusIcon size={16} />}
          disabled={rows.length >= 20}
          onClick={() =>
            form.insertListItem('milestones', {
              title: '',
              description: '',
              amount: '',
              dueDate: addDays(rows.at(-1)?.dueDate || form.values.startDate, 14),
              acceptanceCriteria: '',
            })
          }
        >
          Add a milestone
        </Button>
        <Text fw={600} data-testid="offer-total">
          Total {formatMoney(milestonesTotal(rows), currency)}
        </Text>
      </Group>
      {typeof form.errors.milestones === 'string' && (
        <Text size="sm" c="var(--mantine-color-error)">
          {form.errors.milestones}
        </Text>
      )}
    </Stack>
  );
}

/** The offer's terms: scope, type and money, dates; the fees show before it is sent. */
export function OfferForm({
  initialValues,
  currency,
  clientId,
  freelancerId,
  freelancerName,
  hasJob,
  onSubmit,
}: {
  initialValues: OfferFormValues;
  currency: string;
  clientId: string;
  freelancerId: string;
  freelancerName: string;
  hasJob: boolean;
  onSubmit: (values: OfferFormValues) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [adding, setAdding] = useState(false);
  const methods = useBillingMethods();
  const usable = (methods.data?.items ?? []).filter((method) => method.status === 'verified');
  const form = useOfferForm(initialValues);
  const fixed = form.values.type === 'fixed';
  const total = milestonesTotal(form.values.milestones);
  const funded = form.values.fund === 'all' ? total : (toCents(form.values.milestones[0]?.amount ?? '') ?? 0);
  const noCard = fixed && methods.isSuccess && usable.length === 0;

  return (
    <form
      noValidate
      aria-label="Offer"
      onSubmit={form.onSubmit(async (values) => {
        setFormError(null);
        setPending(true);
        try {
          await onSubmit(values);
        } catch (error) {
          setFormError(showApiError(form, error, offerFieldAliases));
        } finally {
          setPending(false);
        }
      })}
    >
      <Stack gap="lg">
        <Section id="offer-scope" title="Contract" description="What you agreed on; it becomes the contract’s terms.">
          <TextInput label="Contract title" maxLength={200} required {...form.getInputProps('title')} />
          <Textarea
            label="Scope of work"
            autosize
            minRows={4}
            maxLength={10_000}
            required
            {...form.getInputProps('description')}
          />
          {form.values.deliverables.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Deliverables (from the job)
              </Text>
              {form.values.deliverables.map((deliverable, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: deliverables are ordered and have no ids
                <Text key={index} size="sm">
                  {index + 1}. {deliverable.title}{' '}
                  <Text span c="dimmed" size="sm">
                    — done when: {deliverable.acceptanceCriteria}
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
        </Section>

        <Section id="offer-terms" title="Terms" description="All amounts in US dollars.">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="offer-type-label">
              Contract type
            </Text>
            <SegmentedControl
              aria-labelledby="offer-type-label"
              data={[
                { value: 'fixed', label: 'Fixed price' },
                { value: 'hourly', label: 'Hourly' },
              ]}
              style={{ alignSelf: 'flex-start' }}
              {...form.getInputProps('type')}
            />
          </Stack>
          {fixed ? (
            <>
              <MilestonesField form={form} currency={currency} />
              <Radio.Group label="Fund into escrow when sending" {...form.getInputProps('fund')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="first" label="The first milestone" />
                  <Radio value="all" label="All milestones" />
                </Stack>
              </Radio.Group>
              {noCard ? (
                <Notice title="Add a billing method to fund this offer">
                  <Button size="xs" variant="default" onClick={() => setAdding(true)}>
                    Add a card or account
                  </Button>
                </Notice>
              ) : (
                usable.length > 1 && (
                  <Select
                    label="Pay with"
                    placeholder="Your default billing method"
                    data={usable.map((method) => ({
                      value: method.id,
                      label: `${method.label}${method.isDefault ? ' (default)' : ''}`,
                    }))}
                    clearable
                    maw={360}
                    {...form.getInputProps('billingMethodId')}
                  />
                )
              )}
            </>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Hourly rate"
                prefix="$"
                decimalScale={2}
                min={0}
                required
                {...form.getInputProps('rate')}
              />
              <NumberInput
                label="Weekly limit"
                description="Hours billed at most each week"
                suffix=" hrs"
                min={1}
                max={80}
                allowDecimal={false}
                required
                {...form.getInputProps('weeklyLimitHours')}
              />
              <Checkbox
                mt={{ base: 0, sm: 30 }}
                label="Allow manual time"
                description="Time added without the tracker"
                {...form.getInputProps('manualTimeAllowed', { type: 'checkbox' })}
              />
            </SimpleGrid>
          )}
        </Section>

        <OfferFeePreview
          type={form.values.type}
          currency={currency}
          clientId={clientId}
          freelancerId={freelancerId}
          totalCents={total}
          fundedCents={funded}
          rateCents={toCents(form.values.rate)}
          weeklyHours={Number(form.values.weeklyLimitHours) || 0}
        />

        <Section id="offer-dates" title="Dates and message">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Start date"
              min={earliestStart()}
              required
              {...form.getInputProps('startDate')}
            />
            <Select
              label="The offer expires"
              data={expiryOptions}
              allowDeselect={false}
              {...form.getInputProps('expiresInDays')}
            />
          </SimpleGrid>
          {hasJob && (
            <Checkbox
              label="Keep the job open to hire more freelancers"
              {...form.getInputProps('keepJobOpen', { type: 'checkbox' })}
            />
          )}
          <Textarea
            label={`A note to ${freelancerName}`}
            description="Optional"
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps('message')}
          />
        </Section>

        <AddBillingMethodModal
          opened={adding}
          onClose={() => setAdding(false)}
          onAdded={(added) => {
            setAdding(false);
            form.setFieldValue('billingMethodId', added.id);
          }}
        />
        {formError && (
          <Alert color="red" variant="light" role="alert" title="The offer was not sent">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={pending} disabled={noCard}>
            {fixed && funded > 0 ? `Fund ${formatMoney(funded, currency)} and send offer` : 'Send offer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
