import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { contractMilestones, contracts } from './tables.ts';

export const contractChecks: VerifyCheck[] = [
  {
    name: 'contract-escrow-matches-milestones',
    description: "each contract's escrow balance equals the funded-but-unreleased amount of its milestones",
    async run(tx): Promise<Violation[]> {
      const rows = await tx
        .select({
          id: contracts.id,
          currency: contracts.currency,
          held: sql<number>`coalesce(sum(${contractMilestones.fundedCents} - ${contractMilestones.releasedCents} - ${contractMilestones.refundedCents}), 0)::bigint`,
        })
        .from(contracts)
        .leftJoin(contractMilestones, sql`${contractMilestones.contractId} = ${contracts.id}`)
        .groupBy(contracts.id);
      const violations: Violation[] = [];
      for (const row of rows) {
        const escrow = await getBalanceByKey(tx, escrowAccount(row.id, row.currency));
        if (escrow !== Number(row.held)) {
          violations.push({
            subject: `contract ${row.id}`,
            message: `escrow holds ${escrow} cents but its milestones have ${row.held} funded and unreleased`,
          });
        }
      }
      return violations;
    },
  },
  {
    name: 'contract-has-terms-version',
    description: 'every contract has its terms version in force',
    async run(tx): Promise<Violation[]> {
      const result = await tx.execute<{ id: string; version: number }>(sql`
        select c.id, c.terms_version as version from contracts c
         where not exists (select 1 from contract_terms_versions v
                            where v.contract_id = c.id and v.version = c.terms_version)`);
      return result.rows.map((row) => ({
        subject: `contract ${row.id}`,
        message: `terms version ${row.version} is missing`,
      }));
    },
  },
];
