import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../platform/errors.ts';
import type { PaymentGateway } from './gateway.ts';

/** A processing error on the check is transient (the sandbox's 0119 card fails once): one retry. */
const CARD_CHECK_ATTEMPTS = 2;

const DECLINED_MESSAGE = 'Your card was declined. Try another card.';

/**
 * Has the gateway check a just-vaulted card with its issuer before Workroom stores it, so a card
 * that would be declined is refused now rather than at the first payment. Throws 402 naming the
 * number when the issuer declines, 503 when the check keeps failing to run.
 */
export async function checkCardWithIssuer(gateway: PaymentGateway, method: string): Promise<void> {
  for (let attempt = 1; attempt <= CARD_CHECK_ATTEMPTS; attempt++) {
    const result = await gateway.verifyCard({ method });
    if (result.outcome === 'approved') return;
    if (result.outcome === 'declined') {
      throw new AppError('payment_required', {
        userMessage: DECLINED_MESSAGE,
        fields: [{ field: 'number', message: DECLINED_MESSAGE }],
      });
    }
    if (attempt < CARD_CHECK_ATTEMPTS) await sleep(100 * attempt);
  }
  throw new AppError('unavailable', {
    userMessage: 'We could not check this card with its bank just now. Try again in a minute.',
    retryAfterSeconds: 60,
  });
}
