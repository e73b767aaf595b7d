import { Badge } from '@mantine/core';

/** A state as a coloured badge with a word: never colour alone. */
export function StateBadge({ badge, size = 'md' }: { badge: { label: string; color: string }; size?: 'sm' | 'md' }) {
  return (
    <Badge color={badge.color} variant="light" size={size} radius="sm" style={{ flexShrink: 0 }}>
      {badge.label}
    </Badge>
  );
}
