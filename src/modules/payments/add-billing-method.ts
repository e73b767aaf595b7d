import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type BillingMethod, ensureDefault, MAX_BILLING_METHODS } from './billing-method.ts';
import { checkBankAccount, checkCard } from './card-rules.ts';
import { checkCardWithIssuer } from './check-card-with-issuer.ts';
import { gatewayFor } from './gateway-for.ts';
import { sendSandboxMicroDepositsNotice } from './sandbox-micro-deposits-notice.ts';
import { billingMethods } from './tables.ts';

export type NewBillingMethod =
  | { type: 'card'; number: string; expMonth: number; expYear: number; cvc: string; name: string }
  | { type: 'paypal'; email: string }
  | { type: 'bank_account'; routingNumber: string; accountNumber: string; accountHolder: string };

/**
 * Adds a card, PayPal account or US bank account for the signed-in client. Details are checked
 * here (Luhn, expiry by the clock, ABA checksum), vaulted with the gateway, and only a masked
 * form is stored. A card is also checked with its issuer first (a declined card is refused and not
 * stored); cards and PayPal are usable at once, a bank account once its micro-deposits are
 * confirmed (in the sandbox the user is told the amounts by a notification).
 */
export async function addBillingMethod(ctx: Ctx, input: NewBillingMethod): Promise<BillingMethod> {
  const clientId = requireActor(ctx).userId;
  const now = ctx.clock.now();
  const base = { id: newId(), clientId, createdAt: now, isDefault: false };
  let values: typeof billingMethods.$inferInsert;
  let sandboxMicroDeposits: [number, number] | undefined;
  const gateway = gatewayFor(ctx);
  await assertRoomForAnother(ctx.db, clientId);
  if (input.type === 'card') {
    const { digits, brand } = checkCard(input, now);
    const name = input.name.trim();
    const vaulted = await gateway.tokenizeCard({ ...input, number: digits });
    await checkCardWithIssuer(gateway, vaulted.token);
    values = {
      ...base,
      type: 'card',
      status: 'verified',
      gatewayToken: vaulted.token,
      cardBrand: brand,
      cardLast4: digits.slice(-4),
      cardExpMonth: input.expMonth,
      cardExpYear: input.expYear,
      holderName: name || null,
      verifiedAt: now,
    };
  } else if (input.type === 'paypal') {
    const email = input.email.trim().toLowerCase();
    const vaulted = await gateway.tokenizePaypal({ email });
    values = {
      ...base,
      type: 'paypal',
      status: 'verified',
      gatewayToken: vaulted.token,
      paypalEmail: email,
      verifiedAt: now,
    };
  } else {
    const bank = checkBankAccount(input);
    const vaulted = await gateway.addBankAccount(bank);
    sandboxMicroDeposits = vaulted.sandboxMicroDepositsCents;
    values = {
      ...base,
      type: 'bank_account',
      status: 'pending_verification',
      gatewayToken: vaulted.token,
      holderName: bank.accountHolder,
      bankRoutingNumber: bank.routingNumber,
      bankAccountLast4: bank.accountNumber.slice(-4),
    };
  }
  return ctx.tx(async (tx) => {
    // Serializes adds per client so the limit and the default stay right under concurrency.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('billing-methods:' || ${clientId}))`);
    await assertRoomForAnother(tx, clientId);
    const [row] = await tx.insert(billingMethods).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    await ensureDefault(tx, clientId);
    if (sandboxMicroDeposits && row.bankAccountLast4) {
      await sendSandboxMicroDepositsNotice(tx, ctx.clock, {
        userId: clientId,
        accountLast4: row.bankAccountLast4,
        amountsCents: sandboxMicroDeposits,
      });
    }
    const [saved] = await tx.select().from(billingMethods).where(eq(billingMethods.id, row.id));
    return saved ?? row;
  });
}

async function assertRoomForAnother(executor: Executor, clientId: string): Promise<void> {
  const [row] = await executor
    .select({ n: count() })
    .from(billingMethods)
    .where(and(eq(billingMethods.clientId, clientId), isNull(billingMethods.removedAt)));
  if ((row?.n ?? 0) >= MAX_BILLING_METHODS) {
    throw new AppError('invalid_state', {
      userMessage: `You can keep up to ${MAX_BILLING_METHODS} billing methods. Remove one to add another.`,
    });
  }
}
