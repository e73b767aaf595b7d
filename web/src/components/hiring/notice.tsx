import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { WAITING_TEXT } from '../money/status-colors.ts';

/** Something to do before going on (add a card, buy Connects): amber, with text that passes contrast. */
export function Notice({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={title}
      styles={{ title: { color: WAITING_TEXT }, message: { color: 'var(--mantine-color-dark-7)' } }}
    >
      {children}
    </Alert>
  );
}
