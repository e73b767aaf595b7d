import type { App } from '../../server/module.ts';
import { acceptTermsChange } from './accept-terms-change.ts';
import { declineTermsChange, withdrawTermsChange } from './decline-terms-change.ts';
import { getTermsDiff, getTermsHistory } from './get-terms-history.ts';
import { listTermsChanges } from './list-terms-changes.ts';
import { presentTermsChange, presentTermsHistory } from './present.ts';
import { proposeTermsChange } from './propose-terms-change.ts';
import {
  ChangeParams,
  ContractParams,
  DeclineTermsChangeRequest,
  ProposeTermsChangeRequest,
  TermsChangeListResponse,
  TermsChangeResponse,
  TermsDiffQuery,
  TermsDiffResponse,
  TermsHistoryResponse,
} from './schemas.ts';

const tags = ['terms changes'];

export function registerTermsRoutes(app: App): void {
  app.get(
    '/api/contracts/:id/terms',
    {
      schema: {
        tags,
        summary: "A contract's terms versions, oldest first (parties and operators)",
        params: ContractParams,
        response: { 200: TermsHistoryResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentTermsHistory(await getTermsHistory(req.ctx, req.params.id)),
  );

  app.get(
    '/api/contracts/:id/terms/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two terms versions: fields and milestones, before and after',
        params: ContractParams,
        querystring: TermsDiffQuery,
        response: { 200: TermsDiffResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => getTermsDiff(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/api/contracts/:id/terms-changes',
    {
      schema: {
        tags,
        summary: 'Proposed changes of terms, newest first, with what each would change',
        params: ContractParams,
        response: { 200: TermsChangeListResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => ({ items: (await listTermsChanges(req.ctx, req.params.id)).map(presentTermsChange) }),
  );

  app.post(
    '/api/contracts/:id/terms-changes',
    {
      schema: {
        tags,
        summary: 'Propose a change of terms (either party); it takes effect when the other accepts',
        params: ContractParams,
        body: ProposeTermsChangeRequest,
        response: { 201: TermsChangeResponse },
      },
      config: { auth: 'user' },
    },
    async (req, reply) =>
      reply.status(201).send(presentTermsChange(await proposeTermsChange(req.ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/contracts/:id/terms-changes/:changeId/accept',
    {
      schema: {
        tags,
        summary: 'Accept a change the other party proposed: it becomes the next terms version',
        params: ChangeParams,
        response: { 200: TermsChangeResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentTermsChange(await acceptTermsChange(req.ctx, req.params.id, req.params.changeId)),
  );

  app.post(
    '/api/contracts/:id/terms-changes/:changeId/decline',
    {
      schema: {
        tags,
        summary: 'Decline a change the other party proposed, saying why',
        params: ChangeParams,
        body: DeclineTermsChangeRequest,
        response: { 200: TermsChangeResponse },
      },
      config: { auth: 'user' },
    },
    async (req) =>
      presentTermsChange(await declineTermsChange(req.ctx, req.params.id, req.params.changeId, req.body.reason)),
  );

  app.post(
    '/api/contracts/:id/terms-changes/:changeId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a change you proposed before it is answered',
        params: ChangeParams,
        response: { 200: TermsChangeResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentTermsChange(await withdrawTermsChange(req.ctx, req.params.id, req.params.changeId)),
  );
}
