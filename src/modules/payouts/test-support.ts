import { expect } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import type { TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { freelancerAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { fundEscrow } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { SANDBOX_CARDS } from '../payments/index.ts';
import { type Earning, releaseEscrowAsEarning } from './record-earning.ts';
import type { EarningKind } from './tables.ts';

/** A signed-in client with a card and `amountCents` of funds added through the sandbox gateway. */
export async function aFundedClient(t: TestApp, amountCents: number) {
  const user = await aSignedInUser(t, { role: 'client' });
  const card = await user.client.post('/api/billing-methods', {
    type: 'card',
    number: SANDBOX_CARDS.succeeds,
    expMonth: 12,
    expYear: t.clock.now().getUTCFullYear() + 2,
    cvc: '123',
    name: 'Ada Client',
  });
  expect(card.status).toBe(201);
  const funds = await user.client.post(
    '/api/payments/charges',
    { amountCents, currency: 'USD' },
    { 'idempotency-key': newId() },
  );
  expect(funds.status).toBe(201);
  return user;
}

/**
 * Pays a freelancer as the contracts issue will: the client's funds into a contract's escrow, then
 * released to the freelancer's pending balance as an earning (the fee to platform revenue).
 */
export async function creditEarning(
  t: Pick<TestApp, 'services' | 'clock'>,
  input: {
    clientId: string;
    freelancerId: string;
    grossCents: number;
    feeCents?: number;
    kind?: EarningKind;
    description?: string;
    availableAt?: Date;
  },
): Promise<Earning> {
  const at = t.clock.now();
  const contractId = newId();
  return inTransaction(t.services.db, async (tx) => {
    await postTransfer(
      tx,
      fundEscrow({
        idempotencyKey: `test-fund-${contractId}`,
        at,
        clientId: input.clientId,
        contractId,
        currency: 'USD',
        amountCents: input.grossCents,
      }),
    );
    const { earning } = await releaseEscrowAsEarning(tx, {
      idempotencyKey: `test-release-${contractId}`,
      at,
      contractId,
      clientId: input.clientId,
      freelancerId: input.freelancerId,
      currency: 'USD',
      grossCents: input.grossCents,
      feeCents: input.feeCents ?? 0,
      kind: input.kind ?? 'fixed_price',
      description: input.description ?? 'Milestone 1: Landing page',
      availableAt: input.availableAt,
    });
    if (!earning) throw new Error('no earning recorded');
    return earning;
  });
}

export const balanceOf = (
  t: Pick<TestApp, 'services'>,
  freelancerId: string,
  stage: 'pending' | 'available' | 'payout_in_flight',
) => getBalanceByKey(t.services.db, freelancerAccount(freelancerId, stage, 'USD'));

/** A valid ABA routing number (checksum passes) for test bank accounts. */
export const TEST_ROUTING_NUMBER = '110000000';
