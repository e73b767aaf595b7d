import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTaxonomy } from '../../api/profile-queries.ts';
import { experienceLabels, options } from '../../components/hiring/labels.ts';
import type { SearchForm } from './search-state.ts';

const proposalRanges = [
  { value: 'lt5', label: 'Less than 5' },
  { value: '5to10', label: '5 to 10' },
  { value: '10to15', label: '10 to 15' },
  { value: '15to20', label: '15 to 20' },
  { value: '20to50', label: '20 to 50' },
  { value: '50plus', label: '50+' },
];

/** The search filters; changes apply when the form is submitted (Search) or reset. */
export function SearchFilters({ form, onReset }: { form: UseFormReturnType<SearchForm>; onReset: () => void }) {
  const taxonomy = useTaxonomy();
  const categories = taxonomy.data?.categories ?? [];
  const skillOptions = useMemo(() => {
    const chosen = categories.find((category) => category.id === form.values.category);
    return (chosen ? [chosen] : categories).map((category) => ({
      group: category.name,
      items: category.skills.map((skill) => ({ value: skill.id, label: skill.name })),
    }));
  }, [categories, form.values.category]);
  const type = form.values.type;

  return (
    <Stack gap="sm">
      <Select
        label="Category"
        placeholder="Any category"
        data={categories.map((category) => ({ value: category.id, label: category.name }))}
        searchable
        clearable
        {...form.getInputProps('category')}
      />
      <MultiSelect
        label="Skills"
        placeholder={form.values.skills.length ? undefined : 'Any skill'}
        data={skillOptions}
        searchable
        hidePickedOptions
        maxValues={15}
        {...form.getInputProps('skills')}
      />
      <Select
        label="Job type"
        data={[
          { value: '', label: 'Fixed price and hourly' },
          { value: 'fixed', label: 'Fixed price' },
          { value: 'hourly', label: 'Hourly' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('type')}
      />
      {type !== 'hourly' && (
        <div>
          <Text size="sm" fw={500} id="budget-range-label">
            Fixed budget
          </Text>
          <Group gap="xs" grow wrap="nowrap" role="group" aria-labelledby="budget-range-label">
            <NumberInput
              aria-label="Budget at least"
              placeholder="Min"
              prefix="$"
              min={0}
              {...form.getInputProps('budgetMin')}
            />
            <NumberInput
              aria-label="Budget at most"
              placeholder="Max"
              prefix="$"
              min={0}
              {...form.getInputProps('budgetMax')}
            />
          </Group>
        </div>
      )}
      {type !== 'fixed' && (
        <div>
          <Text size="sm" fw={500} id="rate-range-label">
            Hourly rate
          </Text>
          <Group gap="xs" grow wrap="nowrap" role="group" aria-labelledby="rate-range-label">
            <NumberInput
              aria-label="Hourly rate at least"
              placeholder="Min"
              prefix="$"
              min={0}
              {...form.getInputProps('hourlyMin')}
            />
            <NumberInput
              aria-label="Hourly rate at most"
              placeholder="Max"
              prefix="$"
              min={0}
              {...form.getInputProps('hourlyMax')}
            />
          </Group>
        </div>
      )}
      <Checkbox.Group label="Experience level" {...form.getInputProps('experience')}>
        <Stack gap={6} mt={6}>
          {options(experienceLabels).map((option) => (
            <Checkbox key={option.value} value={option.value} label={option.label} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Client
        </Text>
        <Checkbox label="Payment verified" {...form.getInputProps('paymentVerified', { type: 'checkbox' })} />
        <Checkbox label="Has hired before" {...form.getInputProps('clientHasHires', { type: 'checkbox' })} />
      </Stack>
      <MultiSelect
        label="Number of proposals"
        placeholder="Any number"
        data={proposalRanges}
        {...form.getInputProps('proposals')}
      />
      <Select
        label="Posted within"
        data={[
          { value: '', label: 'Any time' },
          { value: '24h', label: 'Last 24 hours' },
          { value: '3d', label: 'Last 3 days' },
          { value: '7d', label: 'Last 7 days' },
          { value: '30d', label: 'Last 30 days' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('postedWithin')}
      />
      <Group gap="xs" grow>
        <Button type="submit">Apply filters</Button>
        <Button variant="default" onClick={onReset}>
          Clear
        </Button>
      </Group>
    </Stack>
  );
}
