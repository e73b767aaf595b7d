import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { moneyKeys, type PayoutMethod } from '../../api/money-queries.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { formatWhen } from '../../components/money/money-format.ts';
import { WAITING_TEXT } from '../../components/money/status-colors.ts';
import { EmptyNote } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatMoney } from '../../lib/format.ts';

function MethodRow({ method, now, onRemove }: { method: PayoutMethod; now: Date; onRemove: () => void }) {
  const terms = `${method.feeCents === 0 ? 'No fee' : `${formatMoney(method.feeCents, 'USD')} fee`} · minimum ${formatMoney(method.minimumCents, 'USD')} · about ${method.processingDays} day${method.processingDays === 1 ? '' : 's'}`;
  return (
    <Group
      component="li"
      justify="space-between"
      py="sm"
      wrap="wrap"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={2}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {method.label}
          </Text>
          {method.usable ? (
            <Badge size="sm" variant="light" color="teal" tt="none">
              Ready
            </Badge>
          ) : (
            <Badge size="sm" variant="light" color="yellow" c={WAITING_TEXT} tt="none">
              On hold
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {method.typeLabel}
          {method.accountHolder ? ` · ${method.accountHolder}` : ''} · {terms}
        </Text>
        {!method.usable && (
          <Text size="xs" c={WAITING_TEXT} data-testid="hold-note">
            Usable from {formatWhen(method.usableAt, now)}
          </Text>
        )}
      </Stack>
      <Button size="xs" variant="default" onClick={onRemove} aria-label={`Remove ${method.label}`}>
        Remove
      </Button>
    </Group>
  );
}

export function PayoutMethodsSection({
  methods,
  now,
  onAdd,
}: {
  methods: PayoutMethod[];
  now: Date;
  onAdd: () => void;
}) {
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<PayoutMethod | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/payouts/methods/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: moneyKeys.payoutMethods });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });
  return (
    <Section
      id="payout-methods"
      title="Payout methods"
      description="Where your withdrawals go. New methods are held for 3 days."
      actions={
        <Button leftSection={<PlusIcon />} size="sm" onClick={onAdd}>
          Add a payout method
        </Button>
      }
    >
      {methods.length === 0 ? (
        <EmptyNote title="No payout method yet">
          Add a bank account, PayPal, Payoneer or wire details to get paid.
        </EmptyNote>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Payout methods">
          {methods.map((method) => (
            <MethodRow key={method.id} method={method} now={now} onRemove={() => setRemoving(method)} />
          ))}
        </Stack>
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove this payout method?">
        <Stack>
          <Text size="sm">
            Withdrawals already on their way to {removing?.label} still arrive. You can add it again later (with a new
            3-day hold).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => removing && remove.mutate(removing.id)}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
