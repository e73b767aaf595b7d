import type { Services } from '../../server/context.ts';
import {
  NEW_METHOD_HOLD_MS,
  PAYOUT_CURRENCIES,
  PAYOUT_METHOD_TYPES,
  payoutMethodTypes,
} from './payout-method-types.ts';
import { payoutProcessorFor } from './payout-processor.ts';
import { SANDBOX_PAYOUT_FAILURE_RULE } from './sandbox-payout-processor.ts';
import { frequencyLabels } from './schedule-dates.ts';
import type { WithdrawalFrequency } from './tables.ts';

/** The payout methods on offer with their terms, and the rules the UI explains. */
export function describePayoutOptions(services: Pick<Services, 'db' | 'clock'>) {
  const currency = PAYOUT_CURRENCIES[0];
  return {
    items: PAYOUT_METHOD_TYPES.map((type) => ({ type, currency, ...payoutMethodTypes[type] })),
    holdDays: NEW_METHOD_HOLD_MS / 86_400_000,
    sandboxFailureRule: payoutProcessorFor(services).name === 'sandbox' ? SANDBOX_PAYOUT_FAILURE_RULE : null,
    frequencies: (Object.keys(frequencyLabels) as WithdrawalFrequency[]).map((frequency) => ({
      frequency,
      label: frequencyLabels[frequency],
    })),
  };
}
