import type { App } from '../../server/module.ts';
import { closeJob } from './close-job.ts';
import { createJob } from './create-job.ts';
import { getJobHistory } from './get-job-history.ts';
import { getJobPage } from './get-job-page.ts';
import { inviteFreelancer } from './invite-freelancer.ts';
import { listInvitations } from './list-invitations.ts';
import { listMyJobs } from './list-my-jobs.ts';
import { presentInvitation, presentJob, presentJobEdit, presentJobPage, presentMyJob } from './present.ts';
import { publishJob } from './publish-job.ts';
import {
  CloseJobRequest,
  CreateJobRequest,
  InvitationListResponse,
  InvitationResponse,
  InviteFreelancerRequest,
  JobHistoryResponse,
  JobPageResponse,
  JobParams,
  JobResponse,
  MyJobsResponse,
  PageQuery,
  UpdateJobRequest,
} from './schemas.ts';
import { unpublishJob } from './unpublish-job.ts';
import { updateJob } from './update-job.ts';

const tags = ['jobs'];

export function jobRoutes(app: App): void {
  app.post(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'Post a job (a draft, or published with `publish: true`)',
        body: CreateJobRequest,
        response: { 201: JobResponse },
      },
      config: { auth: 'client' },
    },
    async (req, reply) => reply.status(201).send(presentJob(await createJob(req.ctx, req.body))),
  );

  app.patch(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Change your draft or open job (open jobs keep an edit history)',
        params: JobParams,
        body: UpdateJobRequest,
        response: { 200: JobResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => presentJob(await updateJob(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/jobs/:id/publish',
    {
      schema: { tags, summary: 'Publish your draft job', params: JobParams, response: { 200: JobResponse } },
      config: { auth: 'client' },
    },
    async (req) => presentJob(await publishJob(req.ctx, req.params.id)),
  );

  app.post(
    '/api/jobs/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Take your open job back to draft (only before any proposal)',
        params: JobParams,
        response: { 200: JobResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => presentJob(await unpublishJob(req.ctx, req.params.id)),
  );

  app.post(
    '/api/jobs/:id/close',
    {
      schema: {
        tags,
        summary: 'Close your job: hired, or cancelled with a reason',
        params: JobParams,
        body: CloseJobRequest,
        response: { 200: JobResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => presentJob(await closeJob(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A job page: the job, its client card and activity',
        params: JobParams,
        response: { 200: JobPageResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentJobPage(await getJobPage(req.ctx, req.params.id)),
  );

  app.get(
    '/api/jobs/:id/history',
    {
      schema: {
        tags,
        summary: 'The edits made to a job while it was open',
        params: JobParams,
        response: { 200: JobHistoryResponse },
      },
      config: { auth: ['client', 'operator'] },
    },
    async (req) => ({ items: (await getJobHistory(req.ctx, req.params.id)).map(presentJobEdit) }),
  );

  app.get(
    '/api/my/jobs',
    {
      schema: {
        tags,
        summary: 'Your jobs, newest first, with their counters',
        querystring: PageQuery,
        response: { 200: MyJobsResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => {
      const page = await listMyJobs(req.ctx, req.query);
      return { items: page.items.map(presentMyJob), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/jobs/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a freelancer to your open job',
        params: JobParams,
        body: InviteFreelancerRequest,
        response: { 201: InvitationResponse },
      },
      config: { auth: 'client' },
    },
    async (req, reply) =>
      reply.status(201).send(presentInvitation(await inviteFreelancer(req.ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        tags,
        summary: 'Your invitations to jobs, newest first',
        querystring: PageQuery,
        response: { 200: InvitationListResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const page = await listInvitations(req.ctx, req.query);
      return { items: page.items.map(presentInvitation), nextCursor: page.nextCursor };
    },
  );
}
