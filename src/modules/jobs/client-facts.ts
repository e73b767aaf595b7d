import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { paymentVerifiedClients } from '../payments/index.ts';
import { getClientSummaries } from '../profiles/summaries.ts';
import { jobs } from './tables.ts';

const BATCH = 500;

/**
 * Copies "payment verified" (from the payments module), "has hired" and the country (from the
 * profiles module) onto every job of these clients, so that search filters and shows them
 * without a join per row. Called when a client publishes or hires, and by the
 * `jobs.refresh-client-facts` task for changes made elsewhere (a billing method verified or
 * removed, a profile moved). Returns how many jobs changed.
 */
export async function refreshClientFacts(executor: Executor, clientIds: string[]): Promise<number> {
  let changed = 0;
  const unique = [...new Set(clientIds)];
  for (let start = 0; start < unique.length; start += BATCH) {
    const batch = unique.slice(start, start + BATCH);
    const [verifiedSet, summaries] = await Promise.all([
      paymentVerifiedClients(executor, batch),
      getClientSummaries(executor, batch),
    ]);
    const countries = batch.map((id) => summaries.get(id)?.location.country ?? null);
    const result = await executor.execute(sql`
      with facts as (
        select c.client_id, c.country, c.client_id = any(${sql.param([...verifiedSet])}::uuid[]) as verified,
          exists (select 1 from ${jobs} h where h.client_id = c.client_id and h.hires_count > 0) as hired
        from unnest(${sql.param(batch)}::uuid[], ${sql.param(countries)}::text[]) as c(client_id, country)
      )
      update ${jobs} set
        client_payment_verified = facts.verified, client_has_hires = facts.hired, client_country = facts.country
      from facts
      where ${jobs.clientId} = facts.client_id
        and (client_payment_verified is distinct from facts.verified or client_has_hires is distinct from facts.hired
          or client_country is distinct from facts.country)`);
    changed += result.rowCount ?? 0;
  }
  return changed;
}

/** The `jobs.refresh-client-facts` task: every client with an open job. */
export async function refreshOpenJobsClientFacts(executor: Executor): Promise<number> {
  const result = await executor.execute(sql`select distinct client_id from ${jobs} where state = 'open'`);
  const clientIds = result.rows.map((row) => String(row.client_id));
  return refreshClientFacts(executor, clientIds);
}
