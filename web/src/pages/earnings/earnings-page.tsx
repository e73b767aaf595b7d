import { Container, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useEarnings, usePayoutMethods, usePayoutOptions } from '../../api/money-queries.ts';
import { hasRole, RequireSignedIn } from '../../app/session.tsx';
import { formatDay, formatWhen } from '../../components/money/money-format.ts';
import { StatCard } from '../../components/money/stat-card.tsx';
import { TransactionHistory } from '../../components/money/transaction-history.tsx';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { formatMoney } from '../../lib/format.ts';
import { InvoicesSection } from '../billing/invoices-section.tsx';
import { AddPayoutMethodModal } from './add-payout-method-modal.tsx';
import { PayoutMethodsSection } from './payout-methods-section.tsx';
import { WithdrawSection } from './withdraw-section.tsx';
import { WithdrawalScheduleSection } from './withdrawal-schedule-section.tsx';
import { WithdrawalsSection } from './withdrawals-section.tsx';

function Earnings() {
  const summary = useEarnings();
  const methods = usePayoutMethods();
  const options = usePayoutOptions();
  const [adding, setAdding] = useState(false);
  const currency = summary.data?.currency ?? 'USD';
  const next = summary.data?.upcoming[0];
  const failed = summary.error ?? methods.error ?? options.error;
  const ready = summary.data && methods.data && options.data;

  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            Earnings & withdrawals
          </Title>
          <Text size="sm" c="dimmed">
            Earnings are available to withdraw 5 days after you are paid (the security period).
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <StatCard
            label="Available"
            cents={summary.data?.availableCents}
            currency={currency}
            hint="Ready to withdraw"
          />
          <StatCard
            label="Pending"
            cents={summary.data?.pendingCents}
            currency={currency}
            hint={
              next
                ? `${formatMoney(next.amountCents, currency)} clears ${formatDay(next.availableAt)}`
                : 'In the security period'
            }
          />
          <StatCard
            label="In flight"
            cents={summary.data?.inFlightCents}
            currency={currency}
            hint="On the way to you"
          />
          <StatCard
            label="Lifetime earnings"
            cents={summary.data?.lifetimeCents}
            currency={currency}
            hint={
              summary.data ? `After fees · ${formatMoney(summary.data.withdrawnCents, currency)} withdrawn` : undefined
            }
          />
        </SimpleGrid>
        {failed ? (
          <ErrorState
            error={failed}
            onRetry={() => void Promise.all([summary.refetch(), methods.refetch(), options.refetch()])}
          />
        ) : !ready ? (
          <LoadingBlocks rows={4} label="Loading your earnings" />
        ) : (
          <>
            <WithdrawSection summary={summary.data} methods={methods.data.items} onAddMethod={() => setAdding(true)} />
            <PayoutMethodsSection
              methods={methods.data.items}
              now={new Date(summary.data.asOf)}
              onAdd={() => setAdding(true)}
            />
            <WithdrawalsSection />
            <WithdrawalScheduleSection
              methods={methods.data.items}
              options={options.data}
              now={new Date(summary.data.asOf)}
            />
            <AddPayoutMethodModal
              opened={adding}
              onClose={() => setAdding(false)}
              options={options.data}
              onAdded={(method) => {
                setAdding(false);
                notifications.show({
                  color: 'teal',
                  title: 'Payout method added',
                  message: `${method.label} can be used from ${formatWhen(method.usableAt, new Date(summary.data.asOf))}.`,
                });
              }}
            />
          </>
        )}
        <InvoicesSection emptyHint="An invoice appears here for every payment you receive." />
        <TransactionHistory
          accounts={['available', 'pending']}
          types={['earning', 'clearance', 'fee', 'withdrawal', 'refund', 'adjustment']}
          emptyHint="When a client pays you, the earning and its service fee show here."
        />
      </Stack>
    </Container>
  );
}

function EarningsPage() {
  return (
    <RequireSignedIn>
      {(me) =>
        hasRole(me, 'freelancer') ? (
          <Earnings />
        ) : (
          <Container size="sm" py="xl">
            <EmptyNote title="Earnings are for freelancers">
              Add the freelancer role to your account to get paid for work.
            </EmptyNote>
          </Container>
        )
      }
    </RequireSignedIn>
  );
}

export default EarningsPage;
