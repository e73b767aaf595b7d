import { describe, expect, test } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { cardBrand, checkBankAccount, checkCard, isExpired, isValidRoutingNumber, passesLuhn } from './card-rules.ts';
import { SANDBOX_CARDS } from './sandbox-gateway.ts';

const now = new Date('2026-05-15T12:00:00Z');

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fields[0]?.field;
    throw error;
  }
  return undefined;
}

describe('cards', () => {
  test('Luhn accepts the sandbox test cards and refuses a typo', () => {
    for (const number of Object.values(SANDBOX_CARDS)) expect(passesLuhn(number)).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('5555555555554444')).toBe(true);
  });

  test('brands', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
  });

  test('a card is valid through the end of its expiry month', () => {
    expect(isExpired(5, 2026, now)).toBe(false);
    expect(isExpired(4, 2026, now)).toBe(true);
    expect(isExpired(5, 2026, new Date('2026-05-31T23:59:59Z'))).toBe(false);
    expect(isExpired(5, 2026, new Date('2026-06-01T00:00:00Z'))).toBe(true);
  });

  test('each mistake names its field', () => {
    const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2027, cvc: '123' };
    expect(checkCard(card, now)).toEqual({ digits: '4242424242424242', brand: 'visa' });
    expect(fieldOf(() => checkCard({ ...card, number: '4242 4242 4242 4241' }, now))).toBe('number');
    expect(fieldOf(() => checkCard({ ...card, number: '1234' }, now))).toBe('number');
    expect(fieldOf(() => checkCard({ ...card, expMonth: 13 }, now))).toBe('expMonth');
    expect(fieldOf(() => checkCard({ ...card, expMonth: 4, expYear: 2026 }, now))).toBe('expYear');
    expect(fieldOf(() => checkCard({ ...card, cvc: '12' }, now))).toBe('cvc');
    expect(fieldOf(() => checkCard({ ...card, number: '378282246310005', cvc: '123' }, now))).toBe('cvc');
  });
});

describe('US bank accounts', () => {
  test('ABA routing checksum', () => {
    expect(isValidRoutingNumber('110000000')).toBe(true);
    expect(isValidRoutingNumber('021000021')).toBe(true); // JPMorgan Chase
    expect(isValidRoutingNumber('021000022')).toBe(false);
    expect(isValidRoutingNumber('12345678')).toBe(false);
  });

  test('each mistake names its field', () => {
    const bank = { routingNumber: '110000000', accountNumber: '000123456789', accountHolder: 'Ada Lovelace' };
    expect(checkBankAccount(bank).accountNumber).toBe('000123456789');
    expect(fieldOf(() => checkBankAccount({ ...bank, routingNumber: '110000001' }))).toBe('routingNumber');
    expect(fieldOf(() => checkBankAccount({ ...bank, accountNumber: '12' }))).toBe('accountNumber');
    expect(fieldOf(() => checkBankAccount({ ...bank, accountHolder: '  ' }))).toBe('accountHolder');
  });
});
