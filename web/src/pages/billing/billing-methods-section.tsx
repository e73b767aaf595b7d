import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { type BillingMethod, moneyKeys, useBillingMethods } from '../../api/money-queries.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { WAITING_TEXT } from '../../components/money/status-colors.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { showApiError } from '../../lib/form-errors.ts';
import { AddBillingMethodModal } from './add-billing-method-modal.tsx';

const statusBadges = {
  verified: { label: 'Verified', color: 'teal' },
  pending_verification: { label: 'Awaiting verification', color: 'yellow' },
  locked: { label: 'Locked', color: 'red' },
} as const;

function VerifyBankModal({ method, onClose }: { method: BillingMethod | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { first: '' as number | string, second: '' as number | string },
  });
  const verify = useMutation({
    mutationFn: (amounts: [number, number]) =>
      unwrap(
        api.POST('/api/billing-methods/{id}/verify', {
          params: { path: { id: method?.id ?? '' } },
          body: { amountsCents: amounts },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      notifications.show({ color: 'teal', title: 'Bank account verified', message: 'You can now pay with it.' });
      form.reset();
      onClose();
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });
  return (
    <Modal opened={method !== null} onClose={onClose} title="Verify your bank account">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          verify.mutate([Number(values.first), Number(values.second)]);
        })}
      >
        <Stack gap="sm">
          <Text size="sm">
            Enter the two small deposits we sent to {method?.label}, in cents (for example 32 and 45). You have{' '}
            {method?.bankAccount?.verificationAttemptsLeft ?? 3} tries left.
          </Text>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <Group grow>
            <NumberInput
              label="First deposit (cents)"
              min={1}
              max={99}
              allowDecimal={false}
              {...form.getInputProps('first')}
            />
            <NumberInput
              label="Second deposit (cents)"
              min={1}
              max={99}
              allowDecimal={false}
              {...form.getInputProps('second')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={verify.isPending}>
              Verify
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MethodRow({
  method,
  onVerify,
  onRemove,
}: {
  method: BillingMethod;
  onVerify: () => void;
  onRemove: () => void;
}) {
  const queryClient = useQueryClient();
  const makeDefault = useMutation({
    mutationFn: () => unwrap(api.POST('/api/billing-methods/{id}/default', { params: { path: { id: method.id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moneyKeys.billingMethods }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(error) }),
  });
  const status = statusBadges[method.status];
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
          {method.isDefault && (
            <Badge size="sm" variant="filled" tt="none">
              Default
            </Badge>
          )}
          <Badge
            size="sm"
            variant="light"
            color={status.color}
            c={status.color === 'yellow' ? WAITING_TEXT : undefined}
            tt="none"
          >
            {status.label}
          </Badge>
        </Group>
        {method.card && (
          <Text size="xs" c="dimmed">
            Expires {String(method.card.expMonth).padStart(2, '0')}/{method.card.expYear}
          </Text>
        )}
      </Stack>
      <Group gap="xs">
        {method.status === 'pending_verification' && (
          <Button size="xs" onClick={onVerify}>
            Verify
          </Button>
        )}
        {!method.isDefault && method.status === 'verified' && (
          <Button size="xs" variant="default" loading={makeDefault.isPending} onClick={() => makeDefault.mutate()}>
            Make default
          </Button>
        )}
        <Button size="xs" variant="default" onClick={onRemove} aria-label={`Remove ${method.label}`}>
          Remove
        </Button>
      </Group>
    </Group>
  );
}

export function BillingMethodsSection() {
  const queryClient = useQueryClient();
  const methods = useBillingMethods();
  const [adding, setAdding] = useState(false);
  const [verifying, setVerifying] = useState<BillingMethod | null>(null);
  const [removing, setRemoving] = useState<BillingMethod | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/billing-methods/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: moneyKeys.billingMethods });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) }),
  });
  const addButton = (
    <Button leftSection={<PlusIcon />} onClick={() => setAdding(true)} size="sm">
      Add a billing method
    </Button>
  );

  return (
    <Section
      id="billing-methods"
      title="Billing methods"
      description={
        methods.data?.paymentVerified
          ? 'Your payment method is verified: freelancers see “Payment verified” on your client card.'
          : 'Add a card, PayPal or a US bank account. A verified method shows “Payment verified” to freelancers.'
      }
      actions={addButton}
    >
      {methods.isPending ? (
        <LoadingBlocks rows={2} label="Loading billing methods" />
      ) : methods.isError ? (
        <ErrorState error={methods.error} onRetry={() => void methods.refetch()} />
      ) : methods.data.items.length === 0 ? (
        <EmptyNote title="No billing method yet">Add one to fund contracts and add funds.</EmptyNote>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Billing methods">
          {methods.data.items.map((method) => (
            <MethodRow
              key={method.id}
              method={method}
              onVerify={() => setVerifying(method)}
              onRemove={() => setRemoving(method)}
            />
          ))}
        </Stack>
      )}
      <AddBillingMethodModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(method) => {
          setAdding(false);
          notifications.show({ color: 'teal', title: 'Billing method added', message: method.label });
          if (method.status === 'pending_verification') setVerifying(method);
        }}
      />
      <VerifyBankModal method={verifying} onClose={() => setVerifying(null)} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove this billing method?">
        <Stack>
          <Text size="sm">{removing?.label} will no longer be charged. Payments already made are not affected.</Text>
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
