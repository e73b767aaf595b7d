import { ActionIcon, Autocomplete, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { commonLanguages, proficiencyLabels } from '../../lib/languages.ts';
import type { FreelancerFormValues } from './freelancer-form-values.ts';

const MAX_LANGUAGES = 10;
const proficiencyOptions = Object.entries(proficiencyLabels).map(([value, label]) => ({ value, label }));

/** One row per language: its name and how well the freelancer speaks it. */
export function LanguagesField({ form }: { form: UseFormReturnType<FreelancerFormValues> }) {
  const rows = form.values.languages;
  return (
    <Stack gap="xs">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Add the languages you can work in, so clients know how you will communicate.
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-end" wrap="nowrap" gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={6} style={{ flex: 1 }}>
            <Autocomplete
              label={`Language ${index + 1}`}
              data={commonLanguages}
              maxLength={50}
              {...form.getInputProps(`languages.${index}.language`)}
            />
            <Select
              label="Proficiency"
              data={proficiencyOptions}
              allowDeselect={false}
              {...form.getInputProps(`languages.${index}.proficiency`)}
            />
          </SimpleGrid>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={`Remove language ${index + 1}${row.language ? ` (${row.language})` : ''}`}
            onClick={() => form.removeListItem('languages', index)}
          >
            <TrashIcon size={18} />
          </ActionIcon>
        </Group>
      ))}
      {typeof form.errors.languages === 'string' && (
        <Text size="xs" c="red.9" role="alert">
          {form.errors.languages}
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<PlusIcon size={16} />}
          disabled={rows.length >= MAX_LANGUAGES}
          onClick={() =>
            form.insertListItem('languages', {
              key: crypto.randomUUID(),
              language: '',
              proficiency: 'conversational',
            })
          }
        >
          Add a language
        </Button>
      </Group>
    </Stack>
  );
}
