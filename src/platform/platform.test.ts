import { describe, expect, test } from 'vitest';
import { AdjustableClock, DAY, parseDuration } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { AppError, errorStatus } from './errors.ts';

describe('configuration', () => {
  test('defaults give a working local setup', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  test('a bad value stops the start with a message naming the variable and the value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL.*postgres/);
    expect(() => loadConfig({ SCHEDULER: 'maybe' })).toThrow(/SCHEDULER/);
  });

  test('https public URLs turn on secure cookies', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://work.example.org/' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://work.example.org/' }).publicUrl).toBe('https://work.example.org');
  });
});

describe('the clock', () => {
  test('moves only forward and can be frozen for exact times', () => {
    const clock = new AdjustableClock().freeze(new Date('2026-03-01T00:00:00Z'));
    clock.advance(14 * DAY);
    expect(clock.now().toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    clock.set(new Date('2026-03-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-15T00:00:00.000Z');
  });

  test('parses durations', () => {
    expect(parseDuration('14d')).toBe(14 * DAY);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(() => parseDuration('soon')).toThrow(/Not a duration/);
  });
});

describe('errors', () => {
  test('every code maps to one HTTP status', () => {
    for (const [code, status] of Object.entries(errorStatus)) {
      expect(new AppError(code as keyof typeof errorStatus).status).toBe(status);
      expect(status).toBeGreaterThanOrEqual(400);
    }
  });
});
