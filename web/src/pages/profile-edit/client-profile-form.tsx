import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { type ClientProfile, profileKeys } from '../../api/profile-queries.ts';
import { Section } from '../../components/section.tsx';
import { browserCountry, countryOptions } from '../../lib/countries.ts';
import { showApiError } from '../../lib/form-errors.ts';
import { browserTimeZone, timeZoneOptions } from '../../lib/time-zones.ts';

const DESCRIPTION_MAX = 5000;

interface ClientFormValues {
  name: string;
  company: string;
  description: string;
  country: string | null;
  city: string;
  timeZone: string | null;
}

function toFormValues(profile: ClientProfile): ClientFormValues {
  return {
    name: profile.name,
    company: profile.company ?? '',
    description: profile.description,
    country: profile.country ?? (profile.saved ? null : browserCountry()),
    city: profile.city ?? '',
    timeZone: profile.saved ? profile.timeZone : browserTimeZone(),
  };
}

/** The client's card: who is hiring, so freelancers can decide whether to answer. */
export function ClientProfileForm({ profile }: { profile: ClientProfile }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const timeZones = useMemo(() => timeZoneOptions(), []);
  const form = useForm<ClientFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(profile),
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      country: (value) => (value ? null : 'Choose your country'),
      timeZone: (value) => (value ? null : 'Choose your time zone'),
    },
  });
  const save = useMutation({
    mutationFn: (values: ClientFormValues) =>
      unwrap(
        api.PUT('/api/profiles/client/me', {
          body: {
            name: values.name,
            company: values.company.trim() || null,
            description: values.description,
            country: values.country ?? '',
            city: values.city.trim() || null,
            timeZone: values.timeZone ?? '',
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKeys.ownClient, saved);
      void queryClient.invalidateQueries({ queryKey: profileKeys.publicClient(saved.userId) });
      form.resetDirty(toFormValues(saved));
      notifications.show({
        color: 'teal',
        title: 'Client profile saved',
        message: 'Freelancers now see your changes.',
      });
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });
  const timeZoneData =
    form.values.timeZone && !timeZones.some((zone) => zone.value === form.values.timeZone)
      ? [{ value: form.values.timeZone, label: form.values.timeZone }, ...timeZones]
      : timeZones;

  return (
    <form
      noValidate
      aria-label="Client profile"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <Stack gap="lg">
        <Section id="client" title="Your client card" description="Freelancers see this next to your jobs and offers.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" maxLength={100} required autoComplete="name" {...form.getInputProps('name')} />
            <TextInput
              label="Company"
              placeholder="Optional: leave empty if you hire for yourself"
              maxLength={120}
              autoComplete="organization"
              {...form.getInputProps('company')}
            />
          </SimpleGrid>
          <Textarea
            label="About you or your company"
            description={`What you do and what kind of work you hire for. ${form.values.description.length} of ${DESCRIPTION_MAX} characters.`}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={DESCRIPTION_MAX}
            {...form.getInputProps('description')}
          />
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
        {formError && (
          <Alert color="red" variant="light" role="alert" title="Your client profile was not saved">
            {formError}
          </Alert>
        )}
        <Group justify="space-between">
          {profile.saved ? (
            <Button component={Link} to={`/clients/${profile.userId}`} variant="default">
              View your client card
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            Save client profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
