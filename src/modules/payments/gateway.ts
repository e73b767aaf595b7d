/**
 * What Workroom needs from a payment processor. Every charge call is idempotent by key: calling
 * again with the same key never charges twice, so a caller that lost the answer (timeout, crash)
 * just asks again. Implementations are never called inside a database transaction.
 */
export interface PaymentGateway {
  readonly name: string;
  /**
   * Vaults a card: the full number goes to the gateway only; Workroom keeps brand, last 4 and expiry.
   * The card cannot be charged until `verifyCard` approves it.
   */
  tokenizeCard(input: CardDetails): Promise<TokenizedMethod>;
  /**
   * Asks the card's issuer whether the card is good, as gateways do when a card is saved: a
   * zero-amount authorization that is voided at once. A declined card stays unusable. A zero-amount
   * check does not look at the balance, so a card short of funds passes here and fails when charged.
   * Safe to call again for the same card (after a processing error, say).
   */
  verifyCard(input: { method: string }): Promise<CardVerification>;
  tokenizePaypal(input: { email: string }): Promise<TokenizedMethod>;
  /** Registers a US bank account and sends it two micro-deposits to confirm. */
  addBankAccount(input: {
    routingNumber: string;
    accountNumber: string;
    accountHolder: string;
  }): Promise<TokenizedMethod>;
  verifyBankMicroDeposits(input: { method: string; amountsCents: [number, number] }): Promise<MicroDepositOutcome>;
  createCharge(input: {
    idempotencyKey: string;
    amountCents: number;
    currency: string;
    method: string;
  }): Promise<GatewayCharge>;
  /** The charge made with this key, or null when the gateway never saw the key. */
  getCharge(idempotencyKey: string): Promise<GatewayCharge | null>;
  /**
   * Cancels whatever was done with this key: an unsettled or unknown charge becomes `voided`, and a
   * later createCharge with the key answers `voided` instead of charging. A succeeded charge stays.
   */
  voidCharge(idempotencyKey: string): Promise<GatewayCharge>;
  /** For reconciliation: the total of succeeded charges per currency, as the gateway sees it. */
  succeededTotals(): Promise<Map<string, number>>;
}

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

export interface TokenizedMethod {
  token: string;
  /** Ready to charge (PayPal), or waiting for `verifyCard` (cards) or the micro-deposits (bank accounts). */
  verified: boolean;
  /**
   * Sandbox only: the two test micro-deposits it just made, which a real bank would show on the
   * account's statement a day or two later. A real gateway never answers this.
   */
  sandboxMicroDepositsCents?: [number, number];
}

export type CardVerification =
  | { outcome: 'approved' }
  | { outcome: 'declined'; code: ChargeFailureCode; message: string }
  /** Transient: ask again. */
  | { outcome: 'processing_error' };

export type MicroDepositOutcome =
  | { outcome: 'verified' }
  | { outcome: 'mismatch'; attemptsLeft: number }
  | { outcome: 'locked' }
  | { outcome: 'already_verified' };

export type ChargeFailureCode =
  | 'card_declined'
  | 'insufficient_funds'
  | 'processing_error'
  | 'method_unusable'
  | 'voided';

export interface GatewayCharge {
  id: string;
  idempotencyKey: string;
  status: 'succeeded' | 'failed' | 'voided';
  amountCents: number;
  currency: string;
  failure: { code: ChargeFailureCode; message: string; retryable: boolean } | null;
}
