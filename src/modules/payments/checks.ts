import { and, eq, lt, ne } from 'drizzle-orm';
import { HOUR } from '../../platform/clock.ts';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { getTransferByKey } from '../ledger/transfers.ts';
import { chargeTransferKey } from './charge.ts';
import { gatewayFor } from './gateway-for.ts';
import { paymentCharges } from './tables.ts';

const chargesHaveTransfers: VerifyCheck = {
  name: 'payments.charge_transfers',
  description: 'Every succeeded charge has exactly one ledger transfer of its amount; no other charge has one',
  async run(tx) {
    const violations: Violation[] = [];
    const charges = await tx.select().from(paymentCharges).where(ne(paymentCharges.state, 'pending'));
    for (const charge of charges) {
      const subject = `charge ${charge.id}`;
      const transfer = await getTransferByKey(tx, chargeTransferKey(charge.id));
      if (charge.state !== 'succeeded') {
        if (transfer)
          violations.push({ subject, message: `is ${charge.state} but has ledger transfer ${transfer.id}` });
        continue;
      }
      if (!transfer) {
        violations.push({ subject, message: 'succeeded without a ledger transfer' });
        continue;
      }
      if (transfer.id !== charge.ledgerTransferId) {
        violations.push({
          subject,
          message: `records transfer ${charge.ledgerTransferId}, the ledger has ${transfer.id}`,
        });
      }
      const paidIn = transfer.postings.filter((posting) => posting.amountCents < 0);
      const total = -paidIn.reduce((sum, posting) => sum + posting.amountCents, 0);
      if (total !== charge.amountCents || paidIn.some((posting) => posting.currency !== charge.currency)) {
        violations.push({
          subject,
          message: `charged ${charge.amountCents} ${charge.currency}, transfer moved ${total}`,
        });
      }
    }
    return violations;
  },
};

const gatewayClearingReconciles: VerifyCheck = {
  name: 'payments.gateway_clearing',
  description: 'Gateway clearing in the ledger equals the succeeded charges in the gateway’s own records',
  async run(tx, services) {
    const gateway = gatewayFor(services);
    const gatewayTotals = await gateway.succeededTotals();
    // A charge the gateway took but whose transfer is not posted yet (the crash window) is excused
    // here; the stale-pending check reports it if it lasts.
    const inFlight = new Map<string, number>();
    for (const charge of await tx.select().from(paymentCharges).where(eq(paymentCharges.state, 'pending'))) {
      const outcome = await gateway.getCharge(charge.gatewayKey);
      if (outcome?.status === 'succeeded') {
        inFlight.set(charge.currency, (inFlight.get(charge.currency) ?? 0) + charge.amountCents);
      }
    }
    const currencies = new Set([...gatewayTotals.keys(), 'USD']);
    const violations: Violation[] = [];
    for (const currency of currencies) {
      const credited = -(await getBalanceByKey(tx, platformAccount('gateway_clearing', currency)));
      const expected = (gatewayTotals.get(currency) ?? 0) - (inFlight.get(currency) ?? 0);
      if (credited !== expected) {
        violations.push({
          subject: `gateway_clearing ${currency}`,
          message: `the ledger credited ${credited} cents through the gateway, the gateway records ${expected}`,
        });
      }
    }
    return violations;
  },
};

const noStalePendingCharges: VerifyCheck = {
  name: 'payments.stale_pending',
  description: 'No charge has been pending for more than an hour',
  async run(tx, services) {
    const before = new Date(services.clock.now().getTime() - HOUR);
    const stale = await tx
      .select({ id: paymentCharges.id, createdAt: paymentCharges.createdAt })
      .from(paymentCharges)
      .where(and(eq(paymentCharges.state, 'pending'), lt(paymentCharges.createdAt, before)));
    return stale.map((charge) => ({
      subject: `charge ${charge.id}`,
      message: `pending since ${charge.createdAt.toISOString()}`,
    }));
  },
};

export const paymentChecks: VerifyCheck[] = [chargesHaveTransfers, gatewayClearingReconciles, noStalePendingCharges];
