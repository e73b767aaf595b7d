import { Avatar, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatLocalTime, formatLocation, initials } from '../lib/format.ts';
import { ClockIcon, MapPinIcon } from './icons.tsx';

/** Where someone is and what time it is for them now: what you need before proposing a call. */
export function PlaceAndTime({
  location,
  timeZone,
}: {
  location: { country: string | null; city: string | null };
  timeZone: string;
}) {
  const place = formatLocation(location);
  const time = formatLocalTime(timeZone);
  return (
    <Group gap="md" c="dimmed">
      {place && (
        <Group gap={4} wrap="nowrap">
          <MapPinIcon size={16} />
          <Text size="sm">{place}</Text>
        </Group>
      )}
      {time && (
        <Group gap={4} wrap="nowrap">
          <ClockIcon size={16} />
          <Text size="sm">
            {time} local time ({timeZone.replaceAll('_', ' ')})
          </Text>
        </Group>
      )}
    </Group>
  );
}

export function PersonAvatar({ name, size = 72 }: { name: string; size?: number }) {
  return (
    <Avatar color="blue" variant="filled" radius={size} size={size} aria-hidden="true">
      {initials(name)}
    </Avatar>
  );
}

export function PersonHeader({ name, children, aside }: { name: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" gap="lg">
      <Group align="flex-start" gap="md" wrap="nowrap" style={{ flex: 1, minWidth: 240 }}>
        <PersonAvatar name={name} />
        <Stack gap={6} style={{ minWidth: 0 }}>
          {children}
        </Stack>
      </Group>
      {aside}
    </Group>
  );
}
