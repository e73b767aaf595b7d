import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { notify } from '../notifications/notify.ts';
import { moneyText } from '../payouts/money-text.ts';

/**
 * Sandbox only: tells the user the two test micro-deposits, which a real bank would show on the
 * account's statement a day or two later. Without it a sandbox bank account could never be verified
 * in the app. Runs in the transaction that stores the bank account.
 */
export async function sendSandboxMicroDepositsNotice(
  tx: Tx,
  clock: Clock,
  input: { userId: string; accountLast4: string; amountsCents: [number, number] },
): Promise<void> {
  const [first, second] = input.amountsCents.map((cents) => moneyText(cents, 'USD'));
  await notify(tx, clock, {
    userId: input.userId,
    kind: 'payments.sandbox_micro_deposits',
    title: 'Sandbox bank: two test deposits arrived',
    body:
      `This only happens in the sandbox: the test payment gateway made two deposits of ${first} and ${second} ` +
      `to your bank account ending in ${input.accountLast4}. With a real bank you would find them on your ` +
      'statement in a day or two. Enter both amounts on the Billing page to verify the account.',
    link: '/billing',
  });
}
