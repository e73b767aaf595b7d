import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { BodyOf, ResponseOf } from '../../api/types.ts';

export type Contract = ResponseOf<'/api/contracts/{id}', 'get'>;
export type ContractList = ResponseOf<'/api/contracts', 'get'>;
export type Overview = ResponseOf<'/api/contracts/{id}/overview', 'get'>;
export type MilestoneView = Overview['milestones'][number];
export type NextAction = Overview['nextActions'][number];
export type StatusReports = ResponseOf<'/api/contracts/{id}/status-reports', 'get'>;
export type StatusReport = StatusReports['reports'][number];
export type TermsHistory = ResponseOf<'/api/contracts/{id}/terms', 'get'>;
export type TermsDiff = ResponseOf<'/api/contracts/{id}/terms/diff', 'get'>;
export type TermsChange = ResponseOf<'/api/contracts/{id}/terms-changes', 'get'>['items'][number];
export type ProposeChange = BodyOf<'/api/contracts/{id}/terms-changes', 'post'>;
export type TaskBoard = ResponseOf<'/api/contracts/{id}/tasks', 'get'>;
export type Task = TaskBoard['tasks'][number];
export type RecordPage = ResponseOf<'/api/contracts/{id}/record', 'get'>;
export type RecordEntry = RecordPage['items'][number];
export type Thread = ResponseOf<'/api/threads/{id}', 'get'>;
export type Message = ResponseOf<'/api/threads/{id}/messages', 'get'>['items'][number];

/** Query keys of one contract's Workroom: anything that changes the contract invalidates them all. */
export const contractKeys = {
  list: ['contracts', 'list'] as const,
  all: (id: string) => ['contract', id] as const,
  contract: (id: string) => ['contract', id, 'contract'] as const,
  overview: (id: string) => ['contract', id, 'overview'] as const,
  reports: (id: string) => ['contract', id, 'reports'] as const,
  terms: (id: string) => ['contract', id, 'terms'] as const,
  changes: (id: string) => ['contract', id, 'changes'] as const,
  diff: (id: string, from: number, to: number) => ['contract', id, 'diff', from, to] as const,
  tasks: (id: string) => ['contract', id, 'tasks'] as const,
  record: (id: string) => ['contract', id, 'record'] as const,
  thread: (id: string) => ['contract', id, 'thread'] as const,
  messages: (threadId: string) => ['thread', threadId, 'messages'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const useContracts = () =>
  useQuery({
    queryKey: contractKeys.list,
    queryFn: () => unwrap(api.GET('/api/contracts', { params: { query: { limit: 100 } } })),
  });

export const useContract = (id: string) =>
  useQuery({ queryKey: contractKeys.contract(id), queryFn: () => unwrap(api.GET('/api/contracts/{id}', path(id))) });

export const useOverview = (id: string) =>
  useQuery({
    queryKey: contractKeys.overview(id),
    queryFn: () => unwrap(api.GET('/api/contracts/{id}/overview', path(id))),
  });

export const useStatusReports = (id: string) =>
  useQuery({
    queryKey: contractKeys.reports(id),
    queryFn: () => unwrap(api.GET('/api/contracts/{id}/status-reports', path(id))),
  });

export const useTermsHistory = (id: string) =>
  useQuery({ queryKey: contractKeys.terms(id), queryFn: () => unwrap(api.GET('/api/contracts/{id}/terms', path(id))) });

export const useTermsChanges = (id: string) =>
  useQuery({
    queryKey: contractKeys.changes(id),
    queryFn: () => unwrap(api.GET('/api/contracts/{id}/terms-changes', path(id))),
  });

export const useTermsDiff = (id: string, from: number, to: number) =>
  useQuery({
    queryKey: contractKeys.diff(id, from, to),
    enabled: from >= 1 && to >= 1 && from !== to,
    queryFn: () => unwrap(api.GET('/api/contracts/{id}/terms/diff', { params: { path: { id }, query: { from, to } } })),
  });

export const useTaskBoard = (id: string) =>
  useQuery({ queryKey: contractKeys.tasks(id), queryFn: () => unwrap(api.GET('/api/contracts/{id}/tasks', path(id))) });

/** The whole record, oldest first (it is read page by page; contracts rarely pass a few hundred entries). */
export const useRecord = (id: string) =>
  useQuery({
    queryKey: contractKeys.record(id),
    queryFn: async () => {
      const items: RecordEntry[] = [];
      let after: number | undefined;
      for (let page = 0; page < 50; page++) {
        const result = await unwrap(
          api.GET('/api/contracts/{id}/record', { params: { path: { id }, query: { limit: 200, after } } }),
        );
        items.push(...result.items);
        if (result.nextAfter === null) return { ...result, items };
        after = result.nextAfter;
      }
      return { contract: null, head: null, items, nextAfter: null };
    },
  });

/** The contract's message thread: found among the viewer's threads by its context. */
export const useContractThread = (contractId: string) =>
  useQuery({
    queryKey: contractKeys.thread(contractId),
    queryFn: async () => {
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await unwrap(api.GET('/api/threads', { params: { query: { limit: 50, cursor } } }));
        const found = result.items.find((item) => item.contextKind === 'contract' && item.contextId === contractId);
        if (found) return unwrap(api.GET('/api/threads/{id}', path(found.id)));
        if (!result.nextCursor) return null;
        cursor = result.nextCursor;
      }
      return null;
    },
  });

/** After any action in the Workroom: everything about the contract may have moved (money, states, record). */
export function useRefreshContract(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contractKeys.all(id) });
    void queryClient.invalidateQueries({ queryKey: contractKeys.list });
    void queryClient.invalidateQueries({ queryKey: ['money'] });
  };
}

export type FeePreview = ResponseOf<'/api/fees/preview', 'post'>;

/** What a payment of this amount costs the client and leaves the freelancer, under the fees in force. */
export const useFeePreview = (input: {
  amountCents: number | null;
  currency: string;
  kind: 'milestone' | 'bonus';
  clientId: string;
  freelancerId: string;
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
            clientId: input.clientId,
            freelancerId: input.freelancerId,
          },
        }),
      ),
  });
