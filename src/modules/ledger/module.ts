import type { WorkroomModule } from '../../server/module.ts';
import { getOrCreateAccount, platformAccount } from './accounts.ts';
import { ledgerChecks } from './checks.ts';
import { registerLedgerRoutes } from './routes.ts';

/** The marketplace's currency: every price and fee in the seeds is in US dollars. */
export const PLATFORM_CURRENCY = 'USD';

/** The platform's own accounts exist from the start, so operators see them before any money moves. */
const PLATFORM_KINDS = [
  'platform_fee_revenue',
  'platform_connects_revenue',
  'gateway_clearing',
  'payout_clearing',
] as const;

/** Double-entry accounts, transfers, postings and balances: the primitive every money move uses. */
export const ledgerModule: WorkroomModule = {
  name: 'ledger',
  routes: registerLedgerRoutes,
  checks: ledgerChecks,
  demo: [
    {
      name: 'ledger: platform accounts',
      order: 50,
      units: 1,
      async run(demo) {
        const now = demo.services.clock.now();
        for (const kind of PLATFORM_KINDS) {
          await getOrCreateAccount(demo.services.db, platformAccount(kind, PLATFORM_CURRENCY), now);
        }
        demo.progress('ledger: platform accounts');
      },
    },
  ],
};
