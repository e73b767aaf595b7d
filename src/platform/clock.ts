/**
 * All domain code reads time from a Clock so that billing weeks, review windows and
 * auto-release can be tested by moving time instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs at real speed but can be shifted forward (tests, demos, the CLI).
 * Only ever moves forward: going back in time would break every "happened before" rule.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: Date | null = null;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    if (this.frozenAt) return new Date(this.frozenAt.getTime() + this.offsetMs);
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** Stops the clock at its current reading (tests want exact times). */
  freeze(at?: Date): this {
    this.frozenAt = at ?? this.now();
    this.offsetMs = 0;
    return this;
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  /** Moves the clock to `at`, which must not be in the clock's past. */
  set(at: Date): Date {
    const delta = at.getTime() - this.now().getTime();
    return this.advance(Math.max(0, delta));
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    if (ms < this.offsetMs) throw new RangeError('The clock only moves forward');
    this.offsetMs = ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Parses durations like "90s", "15m", "3h", "14d", "2w" into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(text.trim());
  if (!match) throw new RangeError(`Not a duration: "${text}" (use e.g. 90s, 15m, 3h, 14d, 2w)`);
  const units: Record<string, number> = { ms: 1, s: 1000, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };
  return Math.round(Number(match[1]) * (units[match[2] as string] as number));
}
