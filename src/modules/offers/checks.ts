import { ne } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { offers } from './tables.ts';

export const offerChecks: VerifyCheck[] = [
  {
    name: 'offer-escrow-matches-funding',
    description: "a pending offer's escrow holds what it funded; a declined, withdrawn or expired one holds nothing",
    async run(tx): Promise<Violation[]> {
      // Accepted offers are contracts now: the contracts check holds their escrow to the milestones.
      const rows = await tx
        .select({
          id: offers.id,
          state: offers.state,
          contractId: offers.contractId,
          currency: offers.currency,
          funded: offers.fundedCents,
        })
        .from(offers)
        .where(ne(offers.state, 'accepted'));
      const violations: Violation[] = [];
      for (const row of rows) {
        const expected = row.state === 'pending' ? row.funded : 0;
        const escrow = await getBalanceByKey(tx, escrowAccount(row.contractId, row.currency));
        if (escrow !== expected) {
          violations.push({
            subject: `offer ${row.id}`,
            message: `${row.state} offer: escrow holds ${escrow} cents, expected ${expected}`,
          });
        }
      }
      return violations;
    },
  },
];
