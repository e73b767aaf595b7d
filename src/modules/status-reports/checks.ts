import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { getContractParties } from '../contracts/contract-parties.ts';
import { statusReports } from './tables.ts';

export const statusReportChecks: VerifyCheck[] = [
  {
    name: 'status-reports-by-the-freelancer',
    description: "every status report was filed by its contract's freelancer on a fixed-price contract",
    async run(tx): Promise<Violation[]> {
      const rows = await tx
        .select({
          contractId: statusReports.contractId,
          freelancerIds: sql<string[]>`array_agg(distinct ${statusReports.freelancerId})`,
        })
        .from(statusReports)
        .groupBy(statusReports.contractId);
      const violations: Violation[] = [];
      for (const row of rows) {
        const contract = await getContractParties(tx, row.contractId);
        if (!contract) continue;
        if (contract.type !== 'fixed') {
          violations.push({
            subject: `contract ${row.contractId}`,
            message: 'has status reports but is not fixed-price',
          });
        }
        const strangers = row.freelancerIds.filter((id) => id !== contract.freelancerId);
        if (strangers.length > 0) {
          violations.push({
            subject: `contract ${row.contractId}`,
            message: `status reports filed by ${strangers.join(', ')}, not its freelancer`,
          });
        }
      }
      return violations;
    },
  },
];
