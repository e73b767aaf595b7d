import type { App } from '../../server/module.ts';
import { fileStatusReport } from './file-status-report.ts';
import { listStatusReports } from './list-status-reports.ts';
import { presentStatusReport, presentStatusReportList } from './present.ts';
import { FileStatusReportRequest, ReportsParams, StatusReportListResponse, StatusReportResponse } from './schemas.ts';

const tags = ['status reports'];

export function registerStatusReportRoutes(app: App): void {
  app.get(
    '/api/contracts/:id/status-reports',
    {
      schema: {
        tags,
        summary: "A fixed-price contract's weekly status reports (parties and operators)",
        params: ReportsParams,
        response: { 200: StatusReportListResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentStatusReportList(await listStatusReports(req.ctx, req.params.id)),
  );

  app.post(
    '/api/contracts/:id/status-reports',
    {
      schema: {
        tags,
        summary: "File this week's (or last week's) status report; 100% submits a funded milestone (freelancer)",
        params: ReportsParams,
        body: FileStatusReportRequest,
        response: { 201: StatusReportResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) => {
      const filed = await fileStatusReport(req.ctx, req.params.id, req.body);
      return reply.status(201).send(presentStatusReport(filed.row, filed));
    },
  );
}
