import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_FEE_SCHEDULE_DEFINITION, type FeeSchedule, FeeScheduleDefinition } from './schedule.ts';
import { clientMarketplaceFee, serviceFeeTiers, splitPayment } from './split-payment.ts';

const defaultSchedule: FeeSchedule = {
  version: 1,
  effectiveFrom: new Date('2000-01-01T00:00:00Z'),
  definition: DEFAULT_FEE_SCHEDULE_DEFINITION,
};

/** Any valid schedule: flat, or 1-5 sliding tiers with increasing bounds and any rates. */
const anySchedule: fc.Arbitrary<FeeSchedule> = fc
  .oneof(
    fc.record({ kind: fc.constant('flat' as const), rateBps: fc.integer({ min: 0, max: 10_000 }) }),
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
      )
      .map(([bounds, rates]) => ({
        kind: 'sliding' as const,
        tiers: [...bounds.sort((a, b) => a - b), null].map((upToCents, index) => ({
          upToCents,
          rateBps: rates[index] ?? 0,
        })),
      })),
  )
  .map((freelancerServiceFee) => ({
    version: 7,
    effectiveFrom: new Date(0),
    definition: FeeScheduleDefinition.parse({ ...DEFAULT_FEE_SCHEDULE_DEFINITION, freelancerServiceFee }),
  }));

const cents = (max = 2_000_000_000) => fc.integer({ min: 0, max });
const fee = (schedule: FeeSchedule, priorBilledCents: number, grossCents: number) =>
  splitPayment({ schedule, priorBilledCents, grossCents }).feeCents;

/** The exact fee times 10 000, for comparing the rounded fee with it. */
function exactFeeTimesBps(schedule: FeeSchedule, prior: number, gross: number): bigint {
  let total = 0n;
  for (const tier of serviceFeeTiers(schedule.definition)) {
    const from = Math.max(prior, tier.fromCents);
    const to = Math.min(prior + gross, tier.toCents ?? Number.MAX_SAFE_INTEGER);
    if (to > from) total += BigInt(to - from) * BigInt(tier.rateBps);
  }
  return total;
}

describe('splitPayment with the default sliding schedule', () => {
  test('a payment crossing the $500 tier is split exactly: $450 billed + $100 = $50 at 20% + $50 at 10%', () => {
    const split = splitPayment({ grossCents: 10_000, priorBilledCents: 45_000, schedule: defaultSchedule });
    expect(split).toEqual({
      grossCents: 10_000,
      feeCents: 1_500,
      netCents: 8_500,
      scheduleVersion: 1,
      tiers: [
        { fromCents: 45_000, toCents: 50_000, rateBps: 2_000, amountCents: 5_000, feeCents: 1_000 },
        { fromCents: 50_000, toCents: 55_000, rateBps: 1_000, amountCents: 5_000, feeCents: 500 },
      ],
    });
  });

  test('a payment spanning all three tiers', () => {
    const split = splitPayment({ grossCents: 2_000_000, priorBilledCents: 0, schedule: defaultSchedule });
    expect(split.tiers.map((tier) => [tier.fromCents, tier.toCents, tier.feeCents])).toEqual([
      [0, 50_000, 10_000],
      [50_000, 1_000_000, 95_000],
      [1_000_000, 2_000_000, 50_000],
    ]);
    expect(split.feeCents).toBe(155_000);
    expect(split.netCents).toBe(1_845_000);
  });

  test('rounding is half up on the whole fee, not on each piece', () => {
    expect(fee(defaultSchedule, 49_997, 3)).toBe(1); // exact 0.6 -> 1
    expect(fee(defaultSchedule, 0, 2)).toBe(0); // exact 0.4 -> 0
    expect(fee(defaultSchedule, 0, 5)).toBe(1); // exact 1.0
    expect(fee(defaultSchedule, 0, 13)).toBe(3); // exact 2.6 -> 3
    expect(fee(defaultSchedule, 1_000_000, 10)).toBe(1); // exact 0.5 -> 1 (half up)
    expect(fee(defaultSchedule, 1_000_000, 9)).toBe(0); // exact 0.45 -> 0
    // Pieces 49_999..50_000 at 20% (0.2) and 50_000..50_004 at 10% (0.4): exact 0.6 -> 1 cent, all of
    // it on the piece where the running total crosses the half cent.
    const split = splitPayment({ grossCents: 5, priorBilledCents: 49_999, schedule: defaultSchedule });
    expect(split.tiers.map((tier) => tier.feeCents)).toEqual([0, 1]);
    expect(split.feeCents).toBe(1);
  });

  test('a split can cost one cent more than the whole: two 10-cent payments at 5%', () => {
    expect(fee(defaultSchedule, 1_000_000, 10) + fee(defaultSchedule, 1_000_010, 10)).toBe(2); // 0.5 + 0.5, each up
    expect(fee(defaultSchedule, 1_000_000, 20)).toBe(1); // 1.0
  });

  test('a zero payment has no fee and no pieces', () => {
    expect(splitPayment({ grossCents: 0, priorBilledCents: 123, schedule: defaultSchedule })).toMatchObject({
      feeCents: 0,
      netCents: 0,
      tiers: [],
    });
  });

  test('client marketplace fee is 5%, half up', () => {
    expect(clientMarketplaceFee(10_000, defaultSchedule)).toBe(500);
    expect(clientMarketplaceFee(10, defaultSchedule)).toBe(1); // 0.5 -> 1
    expect(clientMarketplaceFee(9, defaultSchedule)).toBe(0); // 0.45 -> 0
  });

  test('refuses amounts that are not whole cents', () => {
    expect(() => splitPayment({ grossCents: 1.5, priorBilledCents: 0, schedule: defaultSchedule })).toThrow(RangeError);
    expect(() => splitPayment({ grossCents: -1, priorBilledCents: 0, schedule: defaultSchedule })).toThrow(RangeError);
  });
});

describe('splitPayment properties (any schedule, any amounts)', () => {
  test('fee + net = gross, 0 <= fee <= gross, and the pieces add up', () => {
    fc.assert(
      fc.property(anySchedule, cents(), cents(), (schedule, priorBilledCents, grossCents) => {
        const split = splitPayment({ schedule, priorBilledCents, grossCents });
        expect(split.feeCents + split.netCents).toBe(grossCents);
        expect(split.feeCents).toBeGreaterThanOrEqual(0);
        expect(split.feeCents).toBeLessThanOrEqual(grossCents);
        expect(split.tiers.reduce((sum, tier) => sum + tier.feeCents, 0)).toBe(split.feeCents);
        expect(split.tiers.reduce((sum, tier) => sum + tier.amountCents, 0)).toBe(grossCents);
      }),
      { numRuns: 2_000 },
    );
  });

  test('the fee is the exact fee rounded half up: within half a cent', () => {
    fc.assert(
      fc.property(anySchedule, cents(), cents(), (schedule, prior, gross) => {
        const exact = exactFeeTimesBps(schedule, prior, gross);
        const error = BigInt(fee(schedule, prior, gross)) * 10_000n - exact;
        expect(error > -5_000n && error <= 5_000n).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  test('tier pieces are contiguous, each inside exactly one tier, at that tier’s rate', () => {
    fc.assert(
      fc.property(anySchedule, cents(), cents(), (schedule, prior, gross) => {
        const tiers = serviceFeeTiers(schedule.definition);
        const split = splitPayment({ schedule, priorBilledCents: prior, grossCents: gross });
        let cursor = prior;
        for (const piece of split.tiers) {
          expect(piece.fromCents).toBe(cursor);
          expect(piece.amountCents).toBe(piece.toCents - piece.fromCents);
          expect(piece.amountCents).toBeGreaterThan(0);
          const tier = tiers.find((t) => t.fromCents <= piece.fromCents && (t.toCents ?? Infinity) > piece.fromCents);
          expect(tier).toBeDefined();
          expect(piece.toCents).toBeLessThanOrEqual(tier?.toCents ?? Infinity);
          expect(piece.rateBps).toBe(tier?.rateBps);
          cursor = piece.toCents;
        }
        expect(cursor).toBe(prior + gross);
      }),
      { numRuns: 2_000 },
    );
  });

  test('the fee is monotonic in gross (a bigger payment never costs less)', () => {
    fc.assert(
      fc.property(anySchedule, cents(), cents(), cents(100_000), (schedule, prior, gross, extra) => {
        expect(fee(schedule, prior, gross + extra)).toBeGreaterThanOrEqual(fee(schedule, prior, gross));
      }),
      { numRuns: 2_000 },
    );
  });

  // The guarantee: rounding each of n consecutive payments instead of their sum moves the total
  // fee by less than (n + 1) / 2 cents, i.e. by at most floor(n / 2): at most 1 cent for one split
  // (n = 2 or 3), and not at all when every exact fee is whole cents.
  test('one split moves the total fee by at most 1 cent', () => {
    fc.assert(
      fc.property(anySchedule, cents(), cents(), cents(), (schedule, prior, first, second) => {
        const whole = fee(schedule, prior, first + second);
        const parts = fee(schedule, prior, first) + fee(schedule, prior + first, second);
        expect(Math.abs(parts - whole)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3_000 },
    );
  });

  test('n consecutive payments move the total fee by at most floor(n / 2) cents', () => {
    fc.assert(
      fc.property(
        anySchedule,
        cents(),
        fc.array(cents(5_000_000), { minLength: 1, maxLength: 12 }),
        (schedule, prior, payments) => {
          let billed = prior;
          let sumOfFees = 0;
          for (const payment of payments) {
            sumOfFees += fee(schedule, billed, payment);
            billed += payment;
          }
          const whole = fee(schedule, prior, billed - prior);
          expect(Math.abs(sumOfFees - whole)).toBeLessThanOrEqual(Math.floor(payments.length / 2));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  test('whole-dollar payments at whole-percent rates split without any rounding difference', () => {
    const wholePercentSchedule = anySchedule.filter((schedule) =>
      serviceFeeTiers(schedule.definition).every((tier) => tier.rateBps % 100 === 0 && tier.fromCents % 100 === 0),
    );
    const dollars = fc.integer({ min: 0, max: 1_000_000 }).map((value) => value * 100);
    fc.assert(
      fc.property(wholePercentSchedule, dollars, fc.array(dollars, { maxLength: 8 }), (schedule, prior, payments) => {
        let billed = prior;
        let sumOfFees = 0;
        for (const payment of payments) {
          sumOfFees += fee(schedule, billed, payment);
          billed += payment;
        }
        expect(sumOfFees).toBe(fee(schedule, prior, billed - prior));
      }),
      { numRuns: 500 },
    );
  });
});

describe('FeeScheduleDefinition', () => {
  test('refuses tiers that do not increase or a bounded last tier', () => {
    const bad = {
      ...DEFAULT_FEE_SCHEDULE_DEFINITION,
      freelancerServiceFee: {
        kind: 'sliding',
        tiers: [
          { upToCents: 50_000, rateBps: 2_000 },
          { upToCents: 40_000, rateBps: 1_000 },
          { upToCents: 90_000, rateBps: 500 },
        ],
      },
    };
    const result = FeeScheduleDefinition.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'freelancerServiceFee.tiers.1.upToCents',
      'freelancerServiceFee.tiers.2.upToCents',
    ]);
  });
});
