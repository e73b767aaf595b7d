import type { FastifyReply } from 'fastify';
import type { App } from '../../server/module.ts';
import { exportTransactionsCsv } from './export-transactions.ts';
import { getInvoiceDocument } from './invoice-document.ts';
import { listInvoices } from './list-invoices.ts';
import { listTransactions } from './list-transactions.ts';
import { presentTransactionPage } from './present.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';
import {
  InvoiceListQuery,
  InvoiceListResponse,
  InvoiceParams,
  InvoicePdf,
  SpendingSummaryResponse,
  TransactionQuery,
  TransactionsResponse,
} from './schemas.ts';
import { getSpendingSummary } from './spending-summary.ts';

const tags = ['records'];

/** Sends bytes that are not JSON (the route's schema only documents them). */
function sendPdf(reply: FastifyReply, filename: string, pdf: Buffer) {
  return reply
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .type('application/pdf')
    .send(pdf);
}

export function recordRoutes(app: App): void {
  app.get(
    '/api/records/transactions',
    {
      schema: {
        tags,
        summary: 'Your transaction history with running balances (format=csv to download it)',
        querystring: TransactionQuery,
        response: { 200: TransactionsResponse },
      },
      config: { auth: ['client', 'freelancer'] },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      if (format === 'csv') {
        const { csv, filename } = await exportTransactionsCsv(req.ctx, query);
        return reply
          .header('content-disposition', `attachment; filename="${filename}"`)
          .type('text/csv; charset=utf-8')
          .send(csv);
      }
      return reply.send(presentTransactionPage(await listTransactions(req.ctx, query)));
    },
  );

  app.get(
    '/api/records/invoices',
    {
      schema: {
        tags,
        summary: 'Your receipts (charges) and invoices (earnings), newest first',
        querystring: InvoiceListQuery,
        response: { 200: InvoiceListResponse },
      },
      config: { auth: ['client', 'freelancer'] },
    },
    async (req) => {
      const page = await listInvoices(req.ctx, req.query);
      return {
        items: page.items.map((item) => ({ ...item, issuedAt: item.issuedAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/records/:transferId/invoice.pdf',
    {
      schema: { tags, summary: 'A receipt or invoice as PDF', params: InvoiceParams, response: { 200: InvoicePdf } },
      config: { auth: 'user' },
    },
    async (req, reply) => {
      const document = await getInvoiceDocument(req.ctx, req.params.transferId);
      return sendPdf(reply, `${document.number}.pdf`, await renderInvoicePdf(document));
    },
  );

  app.get(
    '/api/records/spending',
    {
      schema: { tags, summary: 'What you paid in and spent, by month', response: { 200: SpendingSummaryResponse } },
      config: { auth: 'client' },
    },
    async (req) => getSpendingSummary(req.ctx),
  );
}
