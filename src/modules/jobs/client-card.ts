import type { Executor } from '../../db/client.ts';
import { getClientSummaries, type Location } from '../profiles/summaries.ts';
import { type ClientHiringRecord, getClientHiringRecord } from './client-hiring-record.ts';

/** What a freelancer sees about the client next to a job. */
export interface ClientCard extends ClientHiringRecord {
  userId: string;
  name: string;
  company: string | null;
  location: Location;
  memberSince: Date;
  lastActiveAt: Date | null;
}

export async function getClientCard(executor: Executor, clientId: string): Promise<ClientCard> {
  const [summaries, record] = await Promise.all([
    getClientSummaries(executor, [clientId]),
    getClientHiringRecord(executor, clientId),
  ]);
  const summary = summaries.get(clientId);
  if (!summary) throw new Error(`Client ${clientId} of a job is not a client account`);
  return {
    userId: clientId,
    name: summary.name,
    company: summary.company,
    location: summary.location,
    memberSince: summary.memberSince,
    lastActiveAt: summary.lastActiveAt,
    ...record,
  };
}
