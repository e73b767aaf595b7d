import { eq } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type BillingMethod, ensureDefault, findOwnBillingMethod } from './billing-method.ts';
import { gatewayFor } from './gateway-for.ts';
import { billingMethods } from './tables.ts';

const lockedError = () =>
  new AppError('invalid_state', {
    userMessage: 'This bank account is locked after too many wrong amounts. Remove it and add it again.',
  });

/**
 * Confirms a bank account with the two micro-deposits the gateway sent it (in either order).
 * Three wrong tries lock it for good; the gateway keeps the count, we mirror it for display.
 */
export async function verifyBankAccount(
  ctx: Ctx,
  input: { billingMethodId: string; amountsCents: [number, number] },
): Promise<BillingMethod> {
  const clientId = requireActor(ctx).userId;
  const method = await findOwnBillingMethod(ctx.db, clientId, input.billingMethodId);
  if (method.type !== 'bank_account') {
    throw new AppError('invalid_state', { userMessage: 'Only bank accounts are verified with micro-deposits.' });
  }
  if (method.status === 'verified') return method;
  if (method.status === 'locked') throw lockedError();

  const result = await gatewayFor(ctx).verifyBankMicroDeposits({
    method: method.gatewayToken,
    amountsCents: input.amountsCents,
  });
  const now = ctx.clock.now();
  const saved = await ctx.tx(async (tx) => {
    const current = await findOwnBillingMethod(tx, clientId, method.id, { lock: true });
    const changes: Partial<BillingMethod> =
      result.outcome === 'verified' || result.outcome === 'already_verified'
        ? { status: 'verified', verifiedAt: current.verifiedAt ?? now }
        : result.outcome === 'locked'
          ? { status: 'locked', verificationAttempts: current.verificationAttempts + 1 }
          : { verificationAttempts: current.verificationAttempts + 1 };
    const [row] = await tx.update(billingMethods).set(changes).where(eq(billingMethods.id, method.id)).returning();
    if (changes.status === 'verified') await ensureDefault(tx, clientId);
    return row ?? current;
  });
  if (result.outcome === 'mismatch') {
    const tries = result.attemptsLeft === 1 ? '1 try' : `${result.attemptsLeft} tries`;
    throw invalidField('amountsCents', `These amounts do not match the two deposits. ${tries} left.`);
  }
  if (result.outcome === 'locked') throw lockedError();
  return findOwnBillingMethod(ctx.db, clientId, saved.id);
}
