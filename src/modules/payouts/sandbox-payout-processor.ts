import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PayoutAccountDetails, PayoutProcessor, ProcessorPayout } from './payout-processor.ts';
import { sandboxPayoutAccounts, sandboxPayouts } from './tables.ts';

/**
 * How to make the sandbox fail a payout: an account number (or IBAN) ending in 0000, or a PayPal
 * or Payoneer email whose name ends in "+fail" (e.g. "ana+fail@example.com"). The receiving side
 * then returns every payout when it is due, as a closed bank account would.
 */
export const SANDBOX_PAYOUT_FAILURE_RULE = 'An account number ending in 0000, or an email like name+fail@example.com';

export function sandboxReturnsPayouts(details: Pick<PayoutAccountDetails, 'account'>): boolean {
  const account = details.account.trim().toLowerCase();
  if (account.includes('@')) return (account.split('@')[0] ?? '').endsWith('+fail');
  return account.replace(/[\s-]/g, '').endsWith('0000');
}

const RETURNED = {
  code: 'account_closed',
  message: 'The receiving institution returned the payment: the account is closed.',
};

type PayoutRow = typeof sandboxPayouts.$inferSelect;

function toPayout(row: PayoutRow): ProcessorPayout {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    amountCents: row.amountCents,
    currency: row.currency,
    arrivesAt: row.arrivesAt,
    failure: row.status === 'failed' ? RETURNED : null,
  };
}

const newToken = (prefix: string) => `${prefix}_sandbox_${randomBytes(12).toString('hex')}`;

/**
 * A built-in payout processor for development, tests and demos. A payout is `processing` until its
 * arrival time (by the clock), then `paid`, or `failed` for an account set up to fail. Its state
 * lives in its own tables so it survives restarts like a real processor's.
 */
export class SandboxPayoutProcessor implements PayoutProcessor {
  readonly name = 'sandbox';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async registerAccount(details: PayoutAccountDetails): Promise<{ token: string }> {
    const token = newToken('po');
    await this.db.insert(sandboxPayoutAccounts).values({
      token,
      type: details.type,
      display: details.display,
      behaviour: sandboxReturnsPayouts(details) ? 'return' : 'succeed',
      createdAt: this.clock.now(),
    });
    return { token };
  }

  async createPayout(input: {
    idempotencyKey: string;
    account: string;
    amountCents: number;
    currency: string;
    arrivesAfterMs: number;
  }): Promise<ProcessorPayout> {
    const now = this.clock.now();
    await this.db
      .insert(sandboxPayouts)
      .values({
        id: newToken('payout'),
        idempotencyKey: input.idempotencyKey,
        accountToken: input.account,
        amountCents: input.amountCents,
        currency: input.currency,
        status: 'processing',
        arrivesAt: new Date(now.getTime() + input.arrivesAfterMs),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    const payout = await this.getPayout(input.idempotencyKey);
    if (!payout) throw new Error(`sandbox payout ${input.idempotencyKey} vanished`);
    if (payout.amountCents !== input.amountCents || payout.currency !== input.currency) {
      throw new Error(`sandbox payout key ${input.idempotencyKey} was used for another payout`);
    }
    return payout;
  }

  /** The payout by key; one that is due is settled now, as the receiving side would have by then. */
  async getPayout(idempotencyKey: string): Promise<ProcessorPayout | null> {
    return inTransaction(this.db, async (tx) => {
      const [row] = await tx
        .select()
        .from(sandboxPayouts)
        .where(eq(sandboxPayouts.idempotencyKey, idempotencyKey))
        .for('update');
      if (!row) return null;
      const now = this.clock.now();
      if (row.status !== 'processing' || row.arrivesAt.getTime() > now.getTime()) return toPayout(row);
      const [account] = await tx
        .select({ behaviour: sandboxPayoutAccounts.behaviour })
        .from(sandboxPayoutAccounts)
        .where(eq(sandboxPayoutAccounts.token, row.accountToken));
      const failed = account?.behaviour !== 'succeed';
      const [settled] = await tx
        .update(sandboxPayouts)
        .set({ status: failed ? 'failed' : 'paid', failureCode: failed ? RETURNED.code : null, updatedAt: now })
        .where(eq(sandboxPayouts.id, row.id))
        .returning();
      return toPayout(settled as PayoutRow);
    });
  }

  async paidPayouts(): Promise<{ idempotencyKey: string; amountCents: number; currency: string }[]> {
    return this.db
      .select({
        idempotencyKey: sandboxPayouts.idempotencyKey,
        amountCents: sandboxPayouts.amountCents,
        currency: sandboxPayouts.currency,
      })
      .from(sandboxPayouts)
      .where(eq(sandboxPayouts.status, 'paid'));
  }
}
