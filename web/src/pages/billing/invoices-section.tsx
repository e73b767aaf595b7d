import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useInvoices } from '../../api/money-queries.ts';
import { EmptyNote, ErrorState, LoadingBlocks } from '../../components/page-state.tsx';
import { Section } from '../../components/section.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';

/** Receipts (charges) and invoices (earnings) with their PDFs. */
export function InvoicesSection({ emptyHint }: { emptyHint: string }) {
  const invoices = useInvoices();
  return (
    <Section id="invoices" title="Invoices and receipts" description="A PDF for every payment you made or were paid.">
      {invoices.isPending ? (
        <LoadingBlocks rows={2} label="Loading invoices" />
      ) : invoices.isError ? (
        <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : invoices.data.items.length === 0 ? (
        <EmptyNote title="No invoices yet">{emptyHint}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label="Invoices and receipts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>PDF</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.data.items.map((invoice) => (
                <Table.Tr key={invoice.transferId}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {invoice.number}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(invoice.issuedAt)}</Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant="light"
                      tt="none"
                      mr={6}
                      color={invoice.kind === 'receipt' ? 'blue' : 'teal'}
                    >
                      {invoice.kind === 'receipt' ? 'Receipt' : 'Invoice'}
                    </Badge>
                    {invoice.description}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(invoice.amountCents, invoice.currency)}
                    {invoice.creditedCents !== invoice.amountCents && (
                      <Text size="xs" c="dimmed">
                        {invoice.kind === 'invoice' ? 'you received' : 'credited'}{' '}
                        {formatMoney(invoice.creditedCents, invoice.currency)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      href={invoice.pdfUrl}
                      target="_blank"
                      rel="noopener"
                      size="sm"
                      aria-label={`Download ${invoice.number} as PDF`}
                    >
                      Download
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
