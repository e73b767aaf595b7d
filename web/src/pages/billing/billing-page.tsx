import { Container, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSpending } from '../../api/money-queries.ts';
import { hasRole, RequireSignedIn } from '../../app/session.tsx';
import { StatCard } from '../../components/money/stat-card.tsx';
import { TransactionHistory } from '../../components/money/transaction-history.tsx';
import { EmptyNote, ErrorState } from '../../components/page-state.tsx';
import { AddFundsSection } from './add-funds-section.tsx';
import { BillingMethodsSection } from './billing-methods-section.tsx';
import { InvoicesSection } from './invoices-section.tsx';
import { SpendingSection } from './spending-section.tsx';

function Billing() {
  const spending = useSpending();
  const currency = spending.data?.currency ?? 'USD';
  return (
    <Container size="lg" w="100%" py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            Billing & payments
          </Title>
          <Text size="sm" c="dimmed">
            How you pay, what you paid, and the receipts for it.
          </Text>
        </div>
        {spending.isError ? (
          <ErrorState error={spending.error} onRetry={() => void spending.refetch()} />
        ) : (
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <StatCard
              label="Funds available"
              cents={spending.data?.balanceCents}
              currency={currency}
              hint="Ready to fund contracts"
            />
            <StatCard
              label="Paid in"
              cents={spending.data?.paidInCents}
              currency={currency}
              hint="All payments, fees included"
            />
            <StatCard
              label="Spent on contracts"
              cents={spending.data?.spentCents}
              currency={currency}
              hint="Put into escrow"
            />
            <StatCard label="Fees paid" cents={spending.data?.feesCents} currency={currency} hint="Marketplace fees" />
          </SimpleGrid>
        )}
        <BillingMethodsSection />
        <AddFundsSection />
        <InvoicesSection emptyHint="A receipt appears here for every payment you make." />
        {spending.data && <SpendingSection spending={spending.data} />}
        <TransactionHistory
          accounts={['funding']}
          types={['charge', 'escrow', 'refund', 'fee', 'adjustment']}
          emptyHint="Add funds or fund a milestone, and every movement shows here."
        />
      </Stack>
    </Container>
  );
}

function BillingPage() {
  return (
    <RequireSignedIn>
      {(me) =>
        hasRole(me, 'client') ? (
          <Billing />
        ) : (
          <Container size="sm" py="xl">
            <EmptyNote title="Billing is for clients">
              Add the client role to your account to hire and pay freelancers.
            </EmptyNote>
          </Container>
        )
      }
    </RequireSignedIn>
  );
}

export default BillingPage;
