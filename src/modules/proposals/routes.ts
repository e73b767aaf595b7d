import type { App } from '../../server/module.ts';
import { archiveProposal, shortlistProposal } from './client-action.ts';
import { declineProposal } from './decline-proposal.ts';
import { getProposal } from './get-proposal.ts';
import { inviteToInterview } from './invite-to-interview.ts';
import { listJobProposals, listMyProposals } from './list-proposals.ts';
import { messageProposal } from './message-proposal.ts';
import { presentProposal } from './present.ts';
import {
  DeclineProposalRequest,
  InterviewRequest,
  JobProposalsParams,
  JobProposalsQuery,
  MyProposalsQuery,
  ProposalListResponse,
  ProposalMessageRequest,
  ProposalParams,
  ProposalResponse,
  SubmitProposalRequest,
  UpdateProposalRequest,
} from './schemas.ts';
import { submitProposal } from './submit-proposal.ts';
import { updateProposal } from './update-proposal.ts';
import { withdrawProposal } from './withdraw-proposal.ts';

const tags = ['proposals'];
const one = { 200: ProposalResponse };

export function registerProposalRoutes(app: App): void {
  app.post(
    '/api/jobs/:jobId/proposals',
    {
      schema: {
        tags,
        summary: 'Send a proposal (costs Connects by the job’s value; free when invited)',
        params: JobProposalsParams,
        body: SubmitProposalRequest,
        response: { 201: ProposalResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req, reply) =>
      reply.status(201).send(presentProposal(await submitProposal(req.ctx, req.params.jobId, req.body))),
  );

  app.get(
    '/api/jobs/:jobId/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals for your job, sorted and filtered',
        params: JobProposalsParams,
        querystring: JobProposalsQuery,
        response: { 200: ProposalListResponse },
      },
      config: { auth: 'client' },
    },
    async (req) => {
      const page = await listJobProposals(req.ctx, req.params.jobId, req.query);
      return { items: page.items.map(presentProposal), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/proposals/mine',
    {
      schema: {
        tags,
        summary: 'Your proposals, newest first',
        querystring: MyProposalsQuery,
        response: { 200: ProposalListResponse },
      },
      config: { auth: 'freelancer' },
    },
    async (req) => {
      const page = await listMyProposals(req.ctx, req.query);
      return { items: page.items.map(presentProposal), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/proposals/:id',
    {
      schema: {
        tags,
        summary: 'A proposal (its freelancer or the job’s client)',
        params: ProposalParams,
        response: one,
      },
      config: { auth: 'user' },
    },
    async (req) => presentProposal(await getProposal(req.ctx, req.params.id)),
  );

  app.patch(
    '/api/proposals/:id',
    {
      schema: {
        tags,
        summary: 'Edit your proposal before a hire',
        params: ProposalParams,
        body: UpdateProposalRequest,
        response: one,
      },
      config: { auth: 'freelancer' },
    },
    async (req) => presentProposal(await updateProposal(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/proposals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw your proposal (Connects are not returned)',
        params: ProposalParams,
        response: one,
      },
      config: { auth: 'freelancer' },
    },
    async (req) => presentProposal(await withdrawProposal(req.ctx, req.params.id)),
  );

  app.post(
    '/api/proposals/:id/shortlist',
    {
      schema: { tags, summary: 'Shortlist a proposal to your job', params: ProposalParams, response: one },
      config: { auth: 'client' },
    },
    async (req) => presentProposal(await shortlistProposal(req.ctx, req.params.id)),
  );

  app.post(
    '/api/proposals/:id/archive',
    {
      schema: { tags, summary: 'Archive a proposal to your job', params: ProposalParams, response: one },
      config: { auth: 'client' },
    },
    async (req) => presentProposal(await archiveProposal(req.ctx, req.params.id)),
  );

  app.post(
    '/api/proposals/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a proposal, with a reason the freelancer sees',
        params: ProposalParams,
        body: DeclineProposalRequest,
        response: one,
      },
      config: { auth: 'client' },
    },
    async (req) => presentProposal(await declineProposal(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/proposals/:id/interview',
    {
      schema: {
        tags,
        summary: 'Invite the freelancer to interview: opens the conversation with your message',
        params: ProposalParams,
        body: InterviewRequest,
        response: one,
      },
      config: { auth: 'client' },
    },
    async (req) => presentProposal(await inviteToInterview(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/proposals/:id/message',
    {
      schema: {
        tags,
        summary: 'Message the freelancer about their proposal (opens the conversation)',
        params: ProposalParams,
        body: ProposalMessageRequest,
        response: one,
      },
      config: { auth: 'client' },
    },
    async (req) => presentProposal(await messageProposal(req.ctx, req.params.id, req.body)),
  );
}
