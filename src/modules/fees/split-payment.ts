import { BASIS_POINTS, type FeeSchedule, type FeeScheduleDefinition } from './schedule.ts';

/** One piece of a payment that falls inside one tier of the sliding fee. */
export interface TierPiece {
  /** Lifetime billings where the piece starts and ends (end exclusive). */
  fromCents: number;
  toCents: number;
  rateBps: number;
  amountCents: number;
  feeCents: number;
}

export interface PaymentSplit {
  grossCents: number;
  feeCents: number;
  netCents: number;
  tiers: TierPiece[];
  scheduleVersion: number;
}

const DENOMINATOR = BigInt(BASIS_POINTS);

/**
 * THE rounding rule for every fee, defined once: `numerator / 10 000` cents rounded to the cent,
 * half up. Numerators are amount × basis points, exact in bigint whatever the amount.
 */
export function roundHalfUpBps(numerator: bigint): number {
  if (numerator < 0n) throw new RangeError('Fees are never negative');
  return Number((numerator + DENOMINATOR / 2n) / DENOMINATOR);
}

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer of cents, got ${value}`);
  }
}

/** The freelancer service fee as tiers over lifetime billings: a flat fee is one open-ended tier. */
export function serviceFeeTiers(
  definition: FeeScheduleDefinition,
): { fromCents: number; toCents: number | null; rateBps: number }[] {
  const fee = definition.freelancerServiceFee;
  if (fee.kind === 'flat') return [{ fromCents: 0, toCents: null, rateBps: fee.rateBps }];
  let fromCents = 0;
  return fee.tiers.map((tier) => {
    const piece = { fromCents, toCents: tier.upToCents, rateBps: tier.rateBps };
    fromCents = tier.upToCents ?? fromCents;
    return piece;
  });
}

/**
 * Splits a payment to a freelancer into the service fee and what the freelancer keeps. The part
 * of the payment inside each tier (counted from `priorBilledCents`, the lifetime billings between
 * the same freelancer and client before this payment) is charged that tier's rate exactly; the
 * exact total is rounded once, half up, so `feeCents + netCents === grossCents` always.
 * Each piece's `feeCents` is the growth of the rounded running total, so the pieces add up to the
 * fee too (each within a cent of its exact share).
 */
export function splitPayment(input: {
  grossCents: number;
  priorBilledCents: number;
  schedule: FeeSchedule;
}): PaymentSplit {
  const { grossCents, priorBilledCents, schedule } = input;
  assertCents('grossCents', grossCents);
  assertCents('priorBilledCents', priorBilledCents);
  assertCents('priorBilledCents + grossCents', priorBilledCents + grossCents);
  const end = priorBilledCents + grossCents;
  const tiers: TierPiece[] = [];
  let exactNumerator = 0n;
  let feeSoFar = 0;
  for (const tier of serviceFeeTiers(schedule.definition)) {
    const fromCents = Math.max(priorBilledCents, tier.fromCents);
    const toCents = tier.toCents === null ? end : Math.min(end, tier.toCents);
    if (toCents <= fromCents) continue;
    const amountCents = toCents - fromCents;
    exactNumerator += BigInt(amountCents) * BigInt(tier.rateBps);
    const roundedTotal = roundHalfUpBps(exactNumerator);
    tiers.push({ fromCents, toCents, rateBps: tier.rateBps, amountCents, feeCents: roundedTotal - feeSoFar });
    feeSoFar = roundedTotal;
  }
  return {
    grossCents,
    feeCents: feeSoFar,
    netCents: grossCents - feeSoFar,
    tiers,
    scheduleVersion: schedule.version,
  };
}

/** The marketplace fee a client pays on top of a payment of `amountCents`. */
export function clientMarketplaceFee(amountCents: number, schedule: FeeSchedule): number {
  assertCents('amountCents', amountCents);
  return roundHalfUpBps(BigInt(amountCents) * BigInt(schedule.definition.clientMarketplaceFee.rateBps));
}

/** The one-off fee when a contract starts (0 when the schedule turns it off). */
export function contractInitiationFee(schedule: FeeSchedule): number {
  return schedule.definition.contractInitiationFee.amountCents;
}
