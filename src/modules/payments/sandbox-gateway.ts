import { randomBytes, randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { cardBrand, digitsOf } from './card-rules.ts';
import type {
  CardDetails,
  CardVerification,
  ChargeFailureCode,
  GatewayCharge,
  MicroDepositOutcome,
  PaymentGateway,
  TokenizedMethod,
} from './gateway.ts';
import { sandboxGatewayCharges, sandboxGatewayMethods } from './tables.ts';

/**
 * The sandbox's test cards (Stripe's numbers); any other valid number succeeds. Cards are checked
 * with the issuer when added (a zero-amount authorization), so:
 * - `declined` is refused when added and never stored;
 * - `insufficientFunds` is added (a zero-amount check does not test the balance, on real gateways
 *   too) and fails each time it is charged;
 * - `processingErrorOnce` fails its first check and first charge attempt, and succeeds on retry;
 * - `declinesWhenCharged` passes the check when added and is declined each time it is charged.
 */
export const SANDBOX_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processingErrorOnce: '4000000000000119',
  declinesWhenCharged: '4000000000000341',
} as const;

type Behaviour = 'succeed' | 'decline' | 'decline_charges' | 'insufficient_funds' | 'processing_error_once';

const behaviourOfCard: Record<string, Behaviour> = {
  [SANDBOX_CARDS.declined]: 'decline',
  [SANDBOX_CARDS.declinesWhenCharged]: 'decline_charges',
  [SANDBOX_CARDS.insufficientFunds]: 'insufficient_funds',
  [SANDBOX_CARDS.processingErrorOnce]: 'processing_error_once',
};

/** Wrong micro-deposit guesses before a bank account is locked. */
export const MICRO_DEPOSIT_ATTEMPTS = 3;

const failureMessages: Record<ChargeFailureCode, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  processing_error: 'The payment could not be processed. Please try again.',
  method_unusable: 'This payment method cannot be charged.',
  voided: 'The payment was cancelled.',
};

/** Thrown for a caller's bug (not a payment outcome): e.g. one key reused for another charge. */
export class GatewayRequestError extends Error {
  override name = 'GatewayRequestError';
}

type ChargeRow = typeof sandboxGatewayCharges.$inferSelect;

function toCharge(row: ChargeRow): GatewayCharge {
  // A transient processing error is a failure to whoever asks; a retry with the key tries again.
  const status = row.status === 'processing_error' ? 'failed' : row.status;
  const code = row.failureCode as ChargeFailureCode | null;
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    status,
    amountCents: row.amountCents,
    currency: row.currency,
    failure: code ? { code, message: failureMessages[code], retryable: row.status === 'processing_error' } : null,
  };
}

const newToken = (prefix: string) => `${prefix}_sandbox_${randomBytes(12).toString('hex')}`;

/**
 * A built-in gateway that behaves like a real one, for development, tests and demos. Its state
 * lives in its own tables (so it survives restarts) and it keeps only masked card data.
 */
export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async tokenizeCard(input: CardDetails): Promise<TokenizedMethod> {
    const digits = digitsOf(input.number);
    const display = `${cardBrand(digits)} ${digits.slice(-4)} ${input.expMonth}/${input.expYear}`;
    return this.saveMethod('card', behaviourOfCard[digits] ?? 'succeed', display, { verified: false });
  }

  async verifyCard(input: { method: string }): Promise<CardVerification> {
    return inTransaction(this.db, async (tx) => {
      const [method] = await tx
        .select()
        .from(sandboxGatewayMethods)
        .where(eq(sandboxGatewayMethods.token, input.method))
        .for('update');
      if (method?.type !== 'card') throw new GatewayRequestError('Not a card');
      if (method.verified) return { outcome: 'approved' };
      const behaviour = method.behaviour as Behaviour;
      if (behaviour === 'decline') {
        return { outcome: 'declined', code: 'card_declined', message: failureMessages.card_declined };
      }
      if (behaviour === 'processing_error_once' && method.failedVerifications === 0) {
        await tx
          .update(sandboxGatewayMethods)
          .set({ failedVerifications: 1 })
          .where(eq(sandboxGatewayMethods.token, input.method));
        return { outcome: 'processing_error' };
      }
      // `insufficient_funds` passes too: the check authorizes zero, so the balance is not looked at.
      await tx
        .update(sandboxGatewayMethods)
        .set({ verified: true })
        .where(eq(sandboxGatewayMethods.token, input.method));
      return { outcome: 'approved' };
    });
  }

  async tokenizePaypal(input: { email: string }): Promise<TokenizedMethod> {
    return this.saveMethod('paypal', 'succeed', input.email, { verified: true });
  }

  async addBankAccount(input: { routingNumber: string; accountNumber: string }): Promise<TokenizedMethod> {
    const deposits: [number, number] = [randomInt(1, 100), randomInt(1, 100)];
    const display = `${input.routingNumber} ****${input.accountNumber.slice(-4)}`;
    const vaulted = await this.saveMethod('bank_account', 'succeed', display, {
      verified: false,
      microDepositsCents: deposits,
    });
    return { ...vaulted, sandboxMicroDepositsCents: deposits };
  }

  async verifyBankMicroDeposits(input: {
    method: string;
    amountsCents: [number, number];
  }): Promise<MicroDepositOutcome> {
    return inTransaction(this.db, async (tx) => {
      const [method] = await tx
        .select()
        .from(sandboxGatewayMethods)
        .where(eq(sandboxGatewayMethods.token, input.method))
        .for('update');
      if (!method?.microDepositsCents) throw new GatewayRequestError('Not a bank account');
      if (method.locked) return { outcome: 'locked' };
      if (method.verified) return { outcome: 'already_verified' };
      const sorted = (values: number[]) => [...values].sort((a, b) => a - b).join(',');
      if (sorted(input.amountsCents) === sorted(method.microDepositsCents)) {
        await tx
          .update(sandboxGatewayMethods)
          .set({ verified: true })
          .where(eq(sandboxGatewayMethods.token, input.method));
        return { outcome: 'verified' };
      }
      const failed = method.failedVerifications + 1;
      const locked = failed >= MICRO_DEPOSIT_ATTEMPTS;
      await tx
        .update(sandboxGatewayMethods)
        .set({ failedVerifications: failed, locked })
        .where(eq(sandboxGatewayMethods.token, input.method));
      return locked ? { outcome: 'locked' } : { outcome: 'mismatch', attemptsLeft: MICRO_DEPOSIT_ATTEMPTS - failed };
    });
  }

  async createCharge(input: {
    idempotencyKey: string;
    amountCents: number;
    currency: string;
    method: string;
  }): Promise<GatewayCharge> {
    return inTransaction(this.db, async (tx) => {
      const existing = await this.lockCharge(tx, input.idempotencyKey);
      if (existing) {
        const same =
          existing.amountCents === input.amountCents &&
          existing.currency === input.currency &&
          existing.methodToken === input.method;
        if (existing.status === 'voided') return toCharge(existing);
        if (!same) throw new GatewayRequestError(`Idempotency key ${input.idempotencyKey} was used for another charge`);
        if (existing.status !== 'processing_error') return toCharge(existing);
      }
      const attempts = (existing?.attempts ?? 0) + 1;
      const outcome = await this.decide(tx, input.method, attempts);
      const now = this.clock.now();
      const values = {
        status: outcome ? (outcome === 'processing_error' ? 'processing_error' : 'failed') : 'succeeded',
        failureCode: outcome,
        attempts,
        updatedAt: now,
      } as const;
      if (existing) {
        const [row] = await tx
          .update(sandboxGatewayCharges)
          .set(values)
          .where(eq(sandboxGatewayCharges.id, existing.id))
          .returning();
        return toCharge(row as ChargeRow);
      }
      const [row] = await tx
        .insert(sandboxGatewayCharges)
        .values({
          id: newToken('ch'),
          idempotencyKey: input.idempotencyKey,
          methodToken: input.method,
          amountCents: input.amountCents,
          currency: input.currency,
          createdAt: now,
          ...values,
        })
        .onConflictDoNothing()
        .returning();
      // Someone else created it meanwhile: a serialization failure makes the helper run this again.
      if (!row) throw Object.assign(new Error('concurrent sandbox charge'), { code: '40001' });
      return toCharge(row);
    });
  }

  async getCharge(idempotencyKey: string): Promise<GatewayCharge | null> {
    const [row] = await this.db
      .select()
      .from(sandboxGatewayCharges)
      .where(eq(sandboxGatewayCharges.idempotencyKey, idempotencyKey));
    return row ? toCharge(row) : null;
  }

  async voidCharge(idempotencyKey: string): Promise<GatewayCharge> {
    return inTransaction(this.db, async (tx) => {
      const now = this.clock.now();
      const existing = await this.lockCharge(tx, idempotencyKey);
      if (existing && existing.status !== 'processing_error') return toCharge(existing);
      if (existing) {
        const [row] = await tx
          .update(sandboxGatewayCharges)
          .set({ status: 'voided', failureCode: 'voided', updatedAt: now })
          .where(eq(sandboxGatewayCharges.id, existing.id))
          .returning();
        return toCharge(row as ChargeRow);
      }
      // Never seen: leave a tombstone so a late createCharge with this key cannot charge.
      const [row] = await tx
        .insert(sandboxGatewayCharges)
        .values({
          id: newToken('ch'),
          idempotencyKey,
          methodToken: null,
          amountCents: 0,
          currency: 'XXX',
          status: 'voided',
          failureCode: 'voided',
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw Object.assign(new Error('concurrent sandbox void'), { code: '40001' });
      return toCharge(row);
    });
  }

  async succeededTotals(): Promise<Map<string, number>> {
    const rows = await this.db
      .select({
        currency: sandboxGatewayCharges.currency,
        total: sql<number>`sum(${sandboxGatewayCharges.amountCents})::bigint`,
      })
      .from(sandboxGatewayCharges)
      .where(eq(sandboxGatewayCharges.status, 'succeeded'))
      .groupBy(sandboxGatewayCharges.currency);
    return new Map(rows.map((row) => [row.currency, Number(row.total)]));
  }

  /** What a bank statement would show (users learn it from the sandbox's notification): for tests. */
  async microDepositsFor(method: string): Promise<[number, number]> {
    const [row] = await this.db.select().from(sandboxGatewayMethods).where(eq(sandboxGatewayMethods.token, method));
    const deposits = row?.microDepositsCents;
    if (deposits?.length !== 2) throw new GatewayRequestError('Not a bank account');
    return [deposits[0] as number, deposits[1] as number];
  }

  private async lockCharge(tx: Executor, idempotencyKey: string): Promise<ChargeRow | undefined> {
    const [row] = await tx
      .select()
      .from(sandboxGatewayCharges)
      .where(eq(sandboxGatewayCharges.idempotencyKey, idempotencyKey))
      .for('update');
    return row;
  }

  /** The failure this attempt ends in, or null for success. */
  private async decide(tx: Executor, token: string, attempt: number): Promise<ChargeFailureCode | null> {
    const [method] = await tx.select().from(sandboxGatewayMethods).where(eq(sandboxGatewayMethods.token, token));
    if (!method || method.locked || !method.verified) return 'method_unusable';
    switch (method.behaviour as Behaviour) {
      case 'decline':
      case 'decline_charges':
        return 'card_declined';
      case 'insufficient_funds':
        return 'insufficient_funds';
      case 'processing_error_once':
        return attempt === 1 ? 'processing_error' : null;
      default:
        return null;
    }
  }

  private async saveMethod(
    type: 'card' | 'paypal' | 'bank_account',
    behaviour: Behaviour,
    display: string,
    state: { verified: boolean; microDepositsCents?: number[] },
  ): Promise<TokenizedMethod> {
    const token = newToken('pm');
    const { verified } = state;
    await this.db.insert(sandboxGatewayMethods).values({
      token,
      type,
      behaviour,
      display,
      microDepositsCents: state.microDepositsCents ?? null,
      verified,
      createdAt: this.clock.now(),
    });
    return { token, verified };
  }
}
