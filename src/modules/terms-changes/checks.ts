import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';

export const termsChangeChecks: VerifyCheck[] = [
  {
    name: 'accepted-terms-changes-have-their-version',
    description: 'every accepted change of terms became a terms version of its contract',
    async run(tx): Promise<Violation[]> {
      // The version rows belong to contracts; this read-only check joins on them to find gaps.
      const result = await tx.execute<{ id: string; contract_id: string; version: number }>(sql`
        select c.id, c.contract_id, c.resulting_version as version from contract_terms_changes c
         where c.state = 'accepted' and not exists (
           select 1 from contract_terms_versions v
            where v.contract_id = c.contract_id and v.version = c.resulting_version)`);
      return result.rows.map((row) => ({
        subject: `terms change ${row.id}`,
        message: `accepted as version ${row.version} of contract ${row.contract_id}, which does not exist`,
      }));
    },
  },
];
