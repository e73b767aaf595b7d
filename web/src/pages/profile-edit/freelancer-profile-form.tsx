import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { type FreelancerProfile, profileKeys, useTaxonomy } from '../../api/profile-queries.ts';
import { Section } from '../../components/section.tsx';
import { countryOptions } from '../../lib/countries.ts';
import { showApiError } from '../../lib/form-errors.ts';
import { formatRate } from '../../lib/format.ts';
import { availabilityLabels, rateCurrencies } from '../../lib/languages.ts';
import { timeZoneOptions } from '../../lib/time-zones.ts';
import {
  type FreelancerFormValues,
  freelancerFieldAliases,
  toFormValues,
  toRequest,
} from './freelancer-form-values.ts';
import { LanguagesField } from './languages-field.tsx';

const OVERVIEW_MAX = 5000;
const availabilityOptions = Object.entries(availabilityLabels).map(([value, label]) => ({ value, label }));

function useSkillOptions() {
  const taxonomy = useTaxonomy();
  const data = useMemo(
    () =>
      (taxonomy.data?.categories ?? []).map((category) => ({
        group: category.name,
        items: category.skills.map((skill) => ({ value: skill.id, label: skill.name })),
      })),
    [taxonomy.data],
  );
  return { data, taxonomy };
}

/** The freelancer's profile: everything a client reads before inviting them. */
export function FreelancerProfileForm({ profile }: { profile: FreelancerProfile }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { data: skillOptions, taxonomy } = useSkillOptions();
  const timeZones = useMemo(() => timeZoneOptions(), []);

  const form = useForm<FreelancerFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(profile),
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      title: (value) => (value.trim() ? null : 'Enter a one-line title, e.g. "Senior React developer"'),
      skillIds: (value) => (value.length === 0 ? 'Choose at least one skill' : null),
      rate: (value) => {
        const amount = Number(value);
        if (value === '' || !Number.isFinite(amount)) return 'Enter your hourly rate';
        return amount < 3 || amount > 999 ? 'The rate must be between 3.00 and 999.00' : null;
      },
      country: (value) => (value ? null : 'Choose your country'),
      timeZone: (value) => (value ? null : 'Choose your time zone'),
      languages: {
        language: (value) => (value.trim() ? null : 'Enter the language or remove this row'),
      },
    },
  });

  const save = useMutation({
    mutationFn: (values: FreelancerFormValues) =>
      unwrap(api.PUT('/api/profiles/freelancer/me', { body: toRequest(values) })),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKeys.ownFreelancer, saved);
      void queryClient.invalidateQueries({ queryKey: profileKeys.publicFreelancer(saved.userId) });
      form.resetDirty(toFormValues(saved));
      notifications.show({ color: 'teal', title: 'Profile saved', message: 'Clients now see your changes.' });
    },
    onError: (error) => setFormError(showApiError(form, error, freelancerFieldAliases)),
  });

  const rateAmount = Number(form.values.rate);
  const timeZoneData =
    form.values.timeZone && !timeZones.some((zone) => zone.value === form.values.timeZone)
      ? [{ value: form.values.timeZone, label: form.values.timeZone }, ...timeZones]
      : timeZones;

  return (
    <form
      noValidate
      aria-label="Freelancer profile"
      onSubmit={form.onSubmit(
        (values) => {
          setFormError(null);
          save.mutate(values);
        },
        () => setFormError('Some fields need your attention; they are marked below.'),
      )}
    >
      <Stack gap="lg">
        <Section id="basics" title="About you" description="The first things a client reads.">
          <TextInput label="Name" maxLength={100} required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput
            label="Professional title"
            placeholder="Senior React developer"
            maxLength={120}
            required
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Overview"
            description={`What you do best, for whom, and how you work. ${form.values.overview.length} of ${OVERVIEW_MAX} characters.`}
            autosize
            minRows={5}
            maxRows={16}
            maxLength={OVERVIEW_MAX}
            {...form.getInputProps('overview')}
          />
        </Section>

        <Section id="skills" title="Skills" description="Up to 15, most important first. Clients search by these.">
          <MultiSelect
            label="Your skills"
            placeholder={form.values.skillIds.length ? undefined : 'Search skills, e.g. React'}
            data={skillOptions}
            searchable
            maxValues={15}
            hidePickedOptions
            nothingFoundMessage={taxonomy.isPending ? 'Loading skills…' : 'No skill matches'}
            error={taxonomy.isError ? 'The skills list could not be loaded. Reload the page to try again.' : undefined}
            required
            {...form.getInputProps('skillIds')}
          />
        </Section>

        <Section id="rate" title="Rate and availability">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Hourly rate"
              description={
                Number.isFinite(rateAmount) && rateAmount > 0
                  ? `Shown as ${formatRate(Math.round(rateAmount * 100), form.values.currency)}`
                  : 'Between 3 and 999'
              }
              min={3}
              max={999}
              decimalScale={2}
              fixedDecimalScale
              thousandSeparator=","
              hideControls
              required
              {...form.getInputProps('rate')}
            />
            <Select label="Currency" data={rateCurrencies} allowDeselect={false} {...form.getInputProps('currency')} />
            <Select
              label="Availability"
              data={availabilityOptions}
              allowDeselect={false}
              {...form.getInputProps('availability')}
            />
          </SimpleGrid>
        </Section>

        <Section
          id="location"
          title="Location and time zone"
          description="Clients plan calls around your working hours."
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Country"
              data={countryOptions()}
              searchable
              allowDeselect={false}
              required
              nothingFoundMessage="No country matches"
              {...form.getInputProps('country')}
            />
            <TextInput label="City" maxLength={100} autoComplete="address-level2" {...form.getInputProps('city')} />
          </SimpleGrid>
          <Select
            label="Time zone"
            data={timeZoneData}
            searchable
            allowDeselect={false}
            required
            limit={200}
            nothingFoundMessage="No time zone matches"
            {...form.getInputProps('timeZone')}
          />
        </Section>

        <Section id="languages" title="Languages">
          <LanguagesField form={form} />
        </Section>

        {formError && (
          <Alert color="red" variant="light" role="alert" title="Your profile was not saved">
            {formError}
          </Alert>
        )}
        <Group justify="space-between">
          {profile.saved ? (
            <Button component={Link} to={`/freelancers/${profile.userId}`} variant="default">
              View public profile
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
