import { Alert, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { moneyKeys, useBillingMethods } from '../../api/money-queries.ts';
import { inputToCents } from '../../components/money/money-format.ts';
import { useIdempotentAttempt } from '../../components/money/use-idempotent-attempt.ts';
import { Section } from '../../components/section.tsx';
import { formatMoney } from '../../lib/format.ts';

const CURRENCY = 'USD';
const MAX_CENTS = 10_000_000;

/** Pays into the client's Workroom funds with one of their billing methods. */
export function AddFundsSection() {
  const queryClient = useQueryClient();
  const methods = useBillingMethods();
  const usable = (methods.data?.items ?? []).filter((method) => method.status === 'verified');
  const [methodId, setMethodId] = useState<string | null>(null);
  const [amount, setAmount] = useState<string | number>('');
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = useIdempotentAttempt();
  const defaultId = usable.find((method) => method.isDefault)?.id ?? usable[0]?.id ?? null;
  useEffect(() => {
    if (!methodId || !usable.some((method) => method.id === methodId)) setMethodId(defaultId);
  }, [defaultId, methodId, usable]);

  const cents = inputToCents(amount);
  const amountError =
    cents === null
      ? null
      : cents <= 0
        ? 'Enter an amount above $0.'
        : cents > MAX_CENTS
          ? 'At most $100,000 at a time.'
          : null;
  const method = usable.find((candidate) => candidate.id === methodId);
  const addFunds = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/payments/charges', {
          params: { header: { 'idempotency-key': attempt.key() } },
          body: { amountCents: cents ?? 0, currency: CURRENCY, billingMethodId: methodId ?? undefined },
        }),
      ),
    onSuccess: (charge) => {
      attempt.settled();
      setAmount('');
      void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      notifications.show({
        color: 'teal',
        title: 'Funds added',
        message: `${formatMoney(charge.amountCents, charge.currency)} is in your Workroom balance.`,
      });
    },
    onError: (error) => {
      attempt.settled(error);
      setFailure(errorMessage(error));
    },
  });

  return (
    <Section
      id="add-funds"
      title="Add funds"
      description="Pay in ahead of time; funding a milestone then draws from your balance first."
    >
      {usable.length === 0 ? (
        <Text size="sm" c="dimmed">
          {methods.isPending ? 'Loading your billing methods…' : 'Add and verify a billing method first.'}
        </Text>
      ) : (
        <form
          noValidate
          aria-label="Add funds"
          onSubmit={(event) => {
            event.preventDefault();
            setFailure(null);
            if (cents && !amountError) addFunds.mutate();
          }}
        >
          <Stack gap="sm">
            {failure && (
              <Alert color="red" variant="light" role="alert" title="The payment did not go through">
                {failure}
              </Alert>
            )}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <NumberInput
                label="Amount"
                prefix="$"
                decimalScale={2}
                fixedDecimalScale
                thousandSeparator=","
                min={0}
                w={180}
                value={amount}
                onChange={(value) => {
                  setAmount(value);
                  setFailure(null);
                }}
                error={amountError}
              />
              <Select
                label="Pay with"
                w={280}
                data={usable.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
                value={methodId}
                onChange={(value) => {
                  setMethodId(value);
                  setFailure(null);
                }}
                allowDeselect={false}
              />
            </Group>
            {cents && !amountError && method ? (
              <Text size="sm" data-testid="add-funds-summary">
                {method.label} is charged <strong>{formatMoney(cents, CURRENCY)}</strong>; no fee for adding funds.
              </Text>
            ) : null}
            <Group>
              <Button type="submit" loading={addFunds.isPending} disabled={!cents || Boolean(amountError)}>
                {cents && !amountError ? `Add ${formatMoney(cents, CURRENCY)}` : 'Add funds'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
