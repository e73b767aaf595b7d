import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { BodyOf, ResponseOf } from './types.ts';

export type Job = ResponseOf<'/api/jobs/{id}', 'get'>['job'];
export type JobPage = ResponseOf<'/api/jobs/{id}', 'get'>;
export type JobTerms = Job['terms'];
export type ClientCard = JobPage['client'];
export type MyJob = ResponseOf<'/api/my/jobs', 'get'>['items'][number];
export type JobEdit = ResponseOf<'/api/jobs/{id}/history', 'get'>['items'][number];
export type NewJob = BodyOf<'/api/jobs', 'post'>;
export type JobSearchResult = ResponseOf<'/api/jobs/search', 'get'>;
export type JobSearchItem = JobSearchResult['items'][number];
export type FeedItem = ResponseOf<'/api/jobs/feed', 'get'>['items'][number];
export type SavedSearch = ResponseOf<'/api/saved-searches', 'get'>['items'][number];
export type Proposal = ResponseOf<'/api/proposals/{id}', 'get'>;
export type ProposalState = Proposal['state'];
export type NewProposal = BodyOf<'/api/jobs/{jobId}/proposals', 'post'>;
export type Offer = ResponseOf<'/api/offers/{id}', 'get'>;
export type OfferState = Offer['state'];
export type NewOffer = BodyOf<'/api/offers', 'post'>;
export type Connects = ResponseOf<'/api/connects', 'get'>;
export type Talent = ResponseOf<'/api/talent/search', 'get'>['items'][number];
export type ThreadSummary = ResponseOf<'/api/threads', 'get'>['items'][number];
export type Thread = ResponseOf<'/api/threads/{id}', 'get'>;
export type Message = ResponseOf<'/api/threads/{id}/messages', 'get'>['items'][number];
export type FeePreview = ResponseOf<'/api/fees/preview', 'post'>;
export type Contract = ResponseOf<'/api/contracts/{id}', 'get'>;

/** Query keys of hiring data; a change to a job or proposal invalidates `hiring` as a whole. */
export const hiringKeys = {
  all: ['hiring'] as const,
  myJobs: ['hiring', 'my-jobs'] as const,
  job: (id: string) => ['hiring', 'job', id] as const,
  jobHistory: (id: string) => ['hiring', 'job', id, 'history'] as const,
  jobProposals: (id: string, filters: object) => ['hiring', 'job', id, 'proposals', filters] as const,
  proposal: (id: string) => ['hiring', 'proposal', id] as const,
  myProposals: (filters: object) => ['hiring', 'my-proposals', filters] as const,
  search: (filters: object) => ['hiring', 'search', filters] as const,
  feed: ['hiring', 'feed'] as const,
  savedSearches: ['hiring', 'saved-searches'] as const,
  invitations: ['hiring', 'invitations'] as const,
  offer: (id: string) => ['hiring', 'offer', id] as const,
  offers: (filters: object) => ['hiring', 'offers', filters] as const,
  connects: ['hiring', 'connects'] as const,
  talent: (filters: object) => ['hiring', 'talent', filters] as const,
};

export const messageKeys = {
  all: ['messages'] as const,
  threads: ['messages', 'threads'] as const,
  thread: (id: string) => ['messages', 'thread', id] as const,
  messages: (id: string) => ['messages', 'thread', id, 'messages'] as const,
};

export const useJobPage = (id: string) =>
  useQuery({
    queryKey: hiringKeys.job(id),
    queryFn: () => unwrap(api.GET('/api/jobs/{id}', { params: { path: { id } } })),
  });

export const useProposal = (id: string, enabled = true) =>
  useQuery({
    queryKey: hiringKeys.proposal(id),
    enabled: enabled && id !== '',
    queryFn: () => unwrap(api.GET('/api/proposals/{id}', { params: { path: { id } } })),
  });

export const useConnects = (enabled = true) =>
  useQuery({
    queryKey: hiringKeys.connects,
    queryFn: () => unwrap(api.GET('/api/connects', { params: { query: { limit: 50 } } })),
    enabled,
  });

export const useOffer = (id: string) =>
  useQuery({
    queryKey: hiringKeys.offer(id),
    queryFn: () => unwrap(api.GET('/api/offers/{id}', { params: { path: { id } } })),
  });

/** The freelancer's proposal to a job, if they sent one (their proposals, newest first). */
export const useMyProposalFor = (jobId: string, enabled: boolean) =>
  useQuery({
    queryKey: hiringKeys.myProposals({ jobId }),
    enabled,
    queryFn: async () => {
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await unwrap(api.GET('/api/proposals/mine', { params: { query: { limit: 100, cursor } } }));
        const found = result.items.find((proposal) => proposal.job.id === jobId);
        if (found) return found;
        if (!result.nextCursor) return null;
        cursor = result.nextCursor;
      }
      return null;
    },
  });

/** What a payment of this amount costs the client and leaves the freelancer, under today's fees. */
export const useFeePreview = (input: {
  amountCents: number | null;
  currency: string;
  kind: 'milestone' | 'hourly';
  clientId?: string;
  freelancerId?: string;
}) =>
  useQuery({
    queryKey: ['fees', 'preview', input],
    enabled: input.amountCents !== null && input.amountCents > 0,
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(
        api.POST('/api/fees/preview', {
          body: {
            amountCents: input.amountCents ?? 0,
            currency: input.currency,
            kind: input.kind,
            ...(input.clientId ? { clientId: input.clientId } : {}),
            ...(input.freelancerId ? { freelancerId: input.freelancerId } : {}),
          },
        }),
      ),
  });
