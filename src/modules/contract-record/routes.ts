import type { FastifyReply } from 'fastify';
import type { App } from '../../server/module.ts';
import { exportRecord } from './export-record.ts';
import { listRecord } from './list-record.ts';
import { presentRecordPage } from './present.ts';
import { renderRecordPdf } from './render-record-pdf.ts';
import { RecordExportResponse, RecordPageResponse, RecordParams, RecordPdf, RecordQuery } from './schemas.ts';

const tags = ['contract record'];

/** Sends a download as it is (the routes' schemas document it; the JSON is indented for people). */
function sendDownload(reply: FastifyReply, contractId: string, type: 'json' | 'pdf', body: string | Buffer) {
  return reply
    .header('content-disposition', `attachment; filename="workroom-record-${contractId.slice(0, 8)}.${type}"`)
    .header('cache-control', 'private, no-store')
    .type(type === 'json' ? 'application/json; charset=utf-8' : 'application/pdf')
    .send(body);
}

export function registerRecordRoutes(app: App): void {
  app.get(
    '/api/contracts/:id/record',
    {
      schema: {
        tags,
        summary: "The contract's record, oldest first, in pages (parties and operators)",
        params: RecordParams,
        querystring: RecordQuery,
        response: { 200: RecordPageResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentRecordPage(await listRecord(req.ctx, { contractId: req.params.id, ...req.query })),
  );

  app.get(
    '/api/contracts/:id/record/export.json',
    {
      schema: {
        tags,
        summary: "The whole record with its hashes and the files' SHA-256, as a download (parties)",
        params: RecordParams,
        response: { 200: RecordExportResponse },
      },
      config: { auth: 'user' },
    },
    async (req, reply) => {
      const document = await exportRecord(req.ctx, req.params.id);
      return sendDownload(reply, req.params.id, 'json', `${JSON.stringify(document.export, null, 2)}\n`);
    },
  );

  app.get(
    '/api/contracts/:id/record/export.pdf',
    {
      schema: {
        tags,
        summary: 'The record as a readable PDF (parties)',
        params: RecordParams,
        response: { 200: RecordPdf },
      },
      config: { auth: 'user' },
    },
    async (req, reply) => {
      const pdf = await renderRecordPdf(await exportRecord(req.ctx, req.params.id));
      return sendDownload(reply, req.params.id, 'pdf', pdf);
    },
  );
}
