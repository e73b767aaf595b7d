import { Alert, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { moneyKeys, type PayoutMethod, type PayoutOptions, useWithdrawalSchedule } from '../../api/money-queries.ts';
import { formatWhen, inputToCents } from '../../components/money/money-format.ts';
import { ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatMoney } from '../../lib/format.ts';

type Frequency = PayoutOptions['frequencies'][number]['frequency'];

/** Standing instructions: withdraw on a rhythm, only above a threshold, leaving some behind. */
export function WithdrawalScheduleSection({
  methods,
  options,
  now,
}: {
  methods: PayoutMethod[];
  options: PayoutOptions;
  now: Date;
}) {
  const queryClient = useQueryClient();
  const schedule = useWithdrawalSchedule();
  const current = schedule.data?.schedule ?? null;
  const [methodId, setMethodId] = useState<string | null>(null);
  const [frequency, setFrequency] = useState<Frequency>('monthly');
  const [threshold, setThreshold] = useState<string | number>(100);
  const [leave, setLeave] = useState<string | number>(0);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!current) return;
    setMethodId(current.payoutMethodId);
    setFrequency(current.frequency);
    setThreshold(current.thresholdCents / 100);
    setLeave(current.leaveCents / 100);
  }, [current]);
  const chosen = methodId ?? methods[0]?.id ?? null;
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: moneyKeys.schedule });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/payouts/schedule', {
          body: {
            payoutMethodId: chosen ?? '',
            frequency,
            currency: 'USD',
            thresholdCents: inputToCents(threshold) ?? 0,
            leaveCents: inputToCents(leave) ?? 0,
          },
        }),
      ),
    onSuccess: (saved) => {
      invalidate();
      notifications.show({
        color: 'teal',
        title: 'Schedule saved',
        message: `Next run ${formatWhen(saved.nextRunAt, now)}.`,
      });
    },
    onError: (error) => setFailure(errorMessage(error)),
  });
  const stop = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/payouts/schedule')),
    onSuccess: invalidate,
    onError: (error) => setFailure(errorMessage(error)),
  });

  return (
    <Section
      id="schedule"
      title="Withdrawal schedule"
      description="Let Workroom withdraw for you, weekly, twice a month or monthly."
    >
      {schedule.isPending ? (
        <LoadingBlocks rows={2} label="Loading your schedule" />
      ) : schedule.isError ? (
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : methods.length === 0 ? (
        <Text size="sm" c="dimmed">
          Add a payout method to set up a schedule.
        </Text>
      ) : (
        <Stack gap="sm">
          {current ? (
            <Alert
              variant="light"
              color="teal"
              role="status"
              title={`${current.frequencyLabel} to ${methods.find((method) => method.id === current.payoutMethodId)?.label ?? 'your payout method'}`}
            >
              <Text size="sm">
                When at least {formatMoney(current.thresholdCents, current.currency)} is available, leaving{' '}
                {formatMoney(current.leaveCents, current.currency)}. Next run {formatWhen(current.nextRunAt, now)}.
              </Text>
              {current.lastOutcome && (
                <Text size="xs" c="dimmed" mt={4}>
                  Last run: {current.lastOutcome}
                </Text>
              )}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              No schedule: you withdraw when you choose.
            </Text>
          )}
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label="Frequency"
              w={230}
              data={options.frequencies.map((item) => ({ value: item.frequency, label: item.label }))}
              value={frequency}
              onChange={(value) => value && setFrequency(value as Frequency)}
              allowDeselect={false}
            />
            <Select
              label="To"
              w={260}
              data={methods.map((method) => ({ value: method.id, label: method.label }))}
              value={chosen}
              onChange={setMethodId}
              allowDeselect={false}
            />
            <NumberInput
              label="Only when available is at least"
              prefix="$"
              decimalScale={2}
              min={0}
              w={220}
              value={threshold}
              onChange={setThreshold}
            />
            <NumberInput
              label="Leave in my balance"
              prefix="$"
              decimalScale={2}
              min={0}
              w={180}
              value={leave}
              onChange={setLeave}
            />
          </Group>
          <Group gap="xs">
            <Button
              size="sm"
              loading={save.isPending}
              onClick={() => {
                setFailure(null);
                save.mutate();
              }}
            >
              {current ? 'Update schedule' : 'Start schedule'}
            </Button>
            {current && (
              <Button size="sm" variant="default" loading={stop.isPending} onClick={() => stop.mutate()}>
                Stop schedule
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Section>
  );
}
