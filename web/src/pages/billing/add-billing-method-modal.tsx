import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { type BillingMethod, moneyKeys, type NewBillingMethod } from '../../api/money-queries.ts';
import { showApiError } from '../../lib/form-errors.ts';

type Kind = NewBillingMethod['type'];

const thisYear = new Date().getFullYear();

/** The sandbox gateway's test cards (Stripe's numbers), so people can try every outcome. */
function SandboxCards() {
  return (
    <Alert variant="light" color="blue" title="Sandbox test cards" role="note">
      <Text size="sm">No real money moves. Use any future expiry date and any 3-digit security code.</Text>
      <List size="sm" mt={4} spacing={2}>
        <List.Item>
          <Code>4242 4242 4242 4242</Code> always succeeds
        </List.Item>
        <List.Item>
          <Code>4000 0000 0000 0002</Code> is declined by the bank when you add it
        </List.Item>
        <List.Item>
          <Code>4000 0000 0000 0341</Code> can be added, but every payment with it is declined
        </List.Item>
        <List.Item>
          <Code>4000 0000 0000 9995</Code> can be added, but payments fail for insufficient funds
        </List.Item>
        <List.Item>
          <Code>4000 0000 0000 0119</Code> fails once, then succeeds on retry
        </List.Item>
      </List>
    </Alert>
  );
}

const initialValues = {
  number: '',
  expMonth: '' as number | string,
  expYear: '' as number | string,
  cvc: '',
  name: '',
  email: '',
  routingNumber: '',
  accountNumber: '',
  accountHolder: '',
};

function bodyFor(kind: Kind, values: typeof initialValues): NewBillingMethod {
  if (kind === 'card') {
    return {
      type: 'card',
      number: values.number,
      expMonth: Number(values.expMonth) || 0,
      expYear: Number(values.expYear) || 0,
      cvc: values.cvc,
      name: values.name,
    };
  }
  if (kind === 'paypal') return { type: 'paypal', email: values.email.trim() };
  return {
    type: 'bank_account',
    routingNumber: values.routingNumber,
    accountNumber: values.accountNumber,
    accountHolder: values.accountHolder,
  };
}

export function AddBillingMethodModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: (method: BillingMethod) => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('card');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues });
  const add = useMutation({
    mutationFn: (body: NewBillingMethod) => unwrap(api.POST('/api/billing-methods', { body })),
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

  return (
    <Modal opened={opened} onClose={close} title="Add a billing method" size="lg">
      <form
        noValidate
        aria-label="Add a billing method"
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          add.mutate(bodyFor(kind, values));
        })}
      >
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(value) => {
              setKind(value as Kind);
              setFormError(null);
              form.clearErrors();
            }}
            data={[
              { value: 'card', label: 'Card' },
              { value: 'paypal', label: 'PayPal' },
              { value: 'bank_account', label: 'US bank account' },
            ]}
            aria-label="Kind of billing method"
            fullWidth
          />
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          {kind === 'card' && (
            <>
              <SandboxCards />
              <TextInput
                label="Card number"
                inputMode="numeric"
                autoComplete="cc-number"
                placeholder="4242 4242 4242 4242"
                {...form.getInputProps('number')}
              />
              <Group grow align="flex-start">
                <NumberInput
                  label="Expiry month"
                  placeholder="MM"
                  min={1}
                  max={12}
                  allowDecimal={false}
                  hideControls
                  {...form.getInputProps('expMonth')}
                />
                <NumberInput
                  label="Expiry year"
                  placeholder={String(thisYear + 2)}
                  min={thisYear}
                  allowDecimal={false}
                  hideControls
                  {...form.getInputProps('expYear')}
                />
                <PasswordInput
                  label="Security code"
                  autoComplete="cc-csc"
                  maxLength={4}
                  {...form.getInputProps('cvc')}
                />
              </Group>
              <TextInput
                label="Name on the card"
                autoComplete="cc-name"
                maxLength={100}
                {...form.getInputProps('name')}
              />
            </>
          )}
          {kind === 'paypal' && (
            <>
              <Text size="sm" c="dimmed">
                You confirm the PayPal account with PayPal; Workroom keeps only its email.
              </Text>
              <TextInput label="PayPal email" type="email" autoComplete="email" {...form.getInputProps('email')} />
            </>
          )}
          {kind === 'bank_account' && (
            <>
              <Text size="sm" c="dimmed">
                We send two small deposits (under $1) to this account. When they show on your statement, enter them here
                to verify the account; until then it cannot be charged. In the sandbox, the two amounts arrive as a
                notification.
              </Text>
              <TextInput
                label="Routing number"
                inputMode="numeric"
                placeholder="9 digits"
                {...form.getInputProps('routingNumber')}
              />
              <TextInput label="Account number" inputMode="numeric" {...form.getInputProps('accountNumber')} />
              <TextInput label="Account holder" maxLength={100} {...form.getInputProps('accountHolder')} />
            </>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              {kind === 'card' ? 'Add card' : kind === 'paypal' ? 'Add PayPal' : 'Add bank account'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
