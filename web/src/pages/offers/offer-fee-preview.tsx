import { Alert, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFeePreview } from '../../api/hiring-queries.ts';
import { formatMoney } from '../../lib/format.ts';

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Table.Tr style={strong ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}>
      <Table.Td fw={strong ? 700 : undefined}>{label}</Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : undefined} data-testid={testId}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * What the offer costs the client and leaves the freelancer, from the API's fee preview, shown
 * before sending: for a fixed price the whole contract and what is charged now; for hourly one
 * hour and a full week at the limit.
 */
export function OfferFeePreview({
  type,
  currency,
  clientId,
  freelancerId,
  totalCents,
  fundedCents,
  rateCents,
  weeklyHours,
}: {
  type: 'fixed' | 'hourly';
  currency: string;
  clientId: string;
  freelancerId: string;
  totalCents: number;
  fundedCents: number;
  rateCents: number | null;
  weeklyHours: number;
}) {
  const pair = { currency, clientId, freelancerId };
  const fixed = type === 'fixed';
  const whole = useFeePreview({
    ...pair,
    kind: fixed ? 'milestone' : 'hourly',
    amountCents: fixed ? totalCents : rateCents,
  });
  const now = useFeePreview({
    ...pair,
    kind: fixed ? 'milestone' : 'hourly',
    amountCents: fixed ? fundedCents : rateCents !== null ? rateCents * weeklyHours : null,
  });
  const money = (cents: number) => formatMoney(cents, currency);

  let body: ReactNode;
  if (whole.isError || now.isError) {
    body = (
      <Alert color="red" variant="light">
        The fees could not be worked out. Check the amounts; the offer shows them again before the freelancer accepts.
      </Alert>
    );
  } else if (!whole.data || (fixed && totalCents <= 0) || (!fixed && !rateCents)) {
    body = (
      <Text size="sm" c="dimmed">
        {fixed ? 'Enter the milestone amounts to see the fees.' : 'Enter the hourly rate to see the fees.'}
      </Text>
    );
  } else if (fixed) {
    body = (
      <Table withRowBorders={false} verticalSpacing={4} aria-label="Fee breakdown">
        <Table.Tbody>
          <Row label="Contract total" value={money(whole.data.grossCents)} />
          <Row label="Marketplace fee" value={money(whole.data.clientFeeCents)} />
          <Row label="You pay in total" value={money(whole.data.clientTotalCents)} strong testId="client-total" />
          <Row label="Freelancer’s service fee" value={`−${money(whole.data.freelancerFeeCents)}`} />
          <Row
            label="The freelancer receives"
            value={money(whole.data.freelancerNetCents)}
            strong
            testId="freelancer-net"
          />
          {now.data && fundedCents > 0 && (
            <Row
              label={`Charged now into escrow (${money(now.data.grossCents)} + ${money(now.data.clientFeeCents)} fee)`}
              value={money(now.data.clientTotalCents)}
              strong
              testId="charged-now"
            />
          )}
        </Table.Tbody>
      </Table>
    );
  } else {
    body = (
      <Table withRowBorders={false} verticalSpacing={4} aria-label="Fee breakdown">
        <Table.Tbody>
          <Row label="Hourly rate" value={money(whole.data.grossCents)} />
          <Row label="Marketplace fee per hour" value={money(whole.data.clientFeeCents)} />
          <Row label="You pay per hour" value={money(whole.data.clientTotalCents)} strong testId="client-total" />
          <Row
            label="The freelancer receives per hour"
            value={money(whole.data.freelancerNetCents)}
            strong
            testId="freelancer-net"
          />
          {now.data && (
            <Row label={`Most a week can cost you (${weeklyHours} hrs)`} value={money(now.data.clientTotalCents)} />
          )}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Paper p="lg" component="section" aria-labelledby="offer-fees-title" bg="gray.0">
      <Title order={2} fz="h5" id="offer-fees-title" mb="xs">
        Fees, before you send
      </Title>
      {body}
      {!fixed && (
        <Text size="xs" c="dimmed" mt="xs">
          Hourly contracts are billed weekly for the hours logged, up to the weekly limit. Nothing is charged now.
        </Text>
      )}
    </Paper>
  );
}
