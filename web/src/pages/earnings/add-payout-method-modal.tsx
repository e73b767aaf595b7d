import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { moneyKeys, type NewPayoutMethod, type PayoutMethod, type PayoutOptions } from '../../api/money-queries.ts';
import { showApiError } from '../../lib/form-errors.ts';
import { formatMoney } from '../../lib/format.ts';

type Kind = NewPayoutMethod['type'];

const initialValues = {
  accountHolder: '',
  routingNumber: '',
  accountNumber: '',
  accountType: 'checking',
  bankName: '',
  country: '',
  swiftCode: '',
  email: '',
};

function bodyFor(kind: Kind, values: typeof initialValues): NewPayoutMethod {
  const bank = { accountHolder: values.accountHolder, accountNumber: values.accountNumber };
  switch (kind) {
    case 'us_bank_ach':
      return {
        type: kind,
        ...bank,
        routingNumber: values.routingNumber,
        accountType: values.accountType === 'savings' ? 'savings' : 'checking',
      };
    case 'local_bank':
      return { type: kind, ...bank, bankName: values.bankName, country: values.country };
    case 'wire':
      return { type: kind, ...bank, bankName: values.bankName, country: values.country, swiftCode: values.swiftCode };
    default:
      return { type: kind, email: values.email };
  }
}

const countryNames = new Intl.DisplayNames(undefined, { type: 'region' });
const COUNTRIES =
  'AR AU AT BD BE BR BG CA CL CN CO HR CZ DK EG EE FI FR DE GH GR HU IN ID IE IL IT JP KE LV LT MY MX MA NL NZ NG NO PK PE PH PL PT RO RS SG SK SI ZA KR ES LK SE CH TW TH TR UA AE GB VN'
    .split(' ')
    .map((code) => ({ value: code, label: countryNames.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label));

export function AddPayoutMethodModal({
  opened,
  onClose,
  options,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  options: PayoutOptions;
  onAdded: (method: PayoutMethod) => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('us_bank_ach');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues });
  const add = useMutation({
    mutationFn: (body: NewPayoutMethod) => unwrap(api.POST('/api/payouts/methods', { body })),
    onSuccess: (method) => {
      void queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      form.reset();
      onAdded(method);
    },
    onError: (error) => setFormError(showApiError(form, error)),
  });
  const close = () => {
    setFormError(null);
    form.clearErrors();
    onClose();
  };
  const isBank = kind === 'us_bank_ach' || kind === 'local_bank' || kind === 'wire';

  return (
    <Modal opened={opened} onClose={close} title="Add a payout method" size="lg">
      <form
        noValidate
        aria-label="Add a payout method"
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          add.mutate(bodyFor(kind, values));
        })}
      >
        <Stack gap="sm">
          <Radio.Group
            label="How do you want to be paid?"
            value={kind}
            onChange={(value) => {
              setKind(value as Kind);
              setFormError(null);
              form.clearErrors();
            }}
          >
            <Stack gap={6} mt={6}>
              {options.items.map((type) => (
                <Radio
                  key={type.type}
                  value={type.type}
                  label={`${type.label}: ${type.feeCents === 0 ? 'free' : `${formatMoney(type.feeCents, type.currency)} per withdrawal`}, about ${type.processingDays} day${type.processingDays === 1 ? '' : 's'}, minimum ${formatMoney(type.minimumCents, type.currency)}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Alert variant="light" color="blue" role="note">
            For your security, a new payout method can be used {options.holdDays} days after you add it. We email you
            when one is added.
            {options.sandboxFailureRule && (
              <Text size="xs" mt={4}>
                Sandbox: payouts fail for{' '}
                {options.sandboxFailureRule.charAt(0).toLowerCase() + options.sandboxFailureRule.slice(1)}.
              </Text>
            )}
          </Alert>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          {isBank && (
            <TextInput
              label="Account holder"
              maxLength={100}
              autoComplete="name"
              {...form.getInputProps('accountHolder')}
            />
          )}
          {kind === 'us_bank_ach' && (
            <>
              <TextInput
                label="Routing number"
                inputMode="numeric"
                placeholder="9 digits"
                {...form.getInputProps('routingNumber')}
              />
              <TextInput label="Account number" inputMode="numeric" {...form.getInputProps('accountNumber')} />
              <Select
                label="Account type"
                data={[
                  { value: 'checking', label: 'Checking' },
                  { value: 'savings', label: 'Savings' },
                ]}
                allowDeselect={false}
                {...form.getInputProps('accountType')}
              />
            </>
          )}
          {(kind === 'local_bank' || kind === 'wire') && (
            <>
              <Select label="Bank country" searchable data={COUNTRIES} {...form.getInputProps('country')} />
              <TextInput label="Bank name" maxLength={100} {...form.getInputProps('bankName')} />
              {kind === 'wire' && (
                <TextInput label="SWIFT / BIC code" placeholder="DEUTDEFF" {...form.getInputProps('swiftCode')} />
              )}
              <TextInput label="IBAN or account number" {...form.getInputProps('accountNumber')} />
            </>
          )}
          {!isBank && (
            <TextInput
              label={kind === 'paypal' ? 'PayPal email' : 'Payoneer account email'}
              type="email"
              autoComplete="email"
              {...form.getInputProps('email')}
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add payout method
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
