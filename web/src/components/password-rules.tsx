import { Group, Stack, Text } from '@mantine/core';
import { CheckIcon } from './icons.tsx';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** The server's password rules, shown while typing so nobody has to guess them. */
export function PasswordRules({ password, id }: { password: string; id?: string }) {
  const longEnough = password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX;
  return (
    <Stack gap={2} id={id}>
      <Group gap={6} wrap="nowrap">
        <CheckIcon size={16} color={longEnough ? 'var(--mantine-color-teal-8)' : 'var(--mantine-color-gray-5)'} />
        <Text size="xs" c={longEnough ? 'teal.9' : 'dimmed'}>
          {PASSWORD_MIN} to {PASSWORD_MAX} characters{password.length > 0 ? ` (now ${password.length})` : ''}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" pl={22}>
        Common passwords are refused. A phrase of a few unrelated words is strong and easy to remember.
      </Text>
    </Stack>
  );
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  return null;
}
