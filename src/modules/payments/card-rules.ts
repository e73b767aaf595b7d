import { invalidField } from '../../platform/errors.ts';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

/** Digits only: people type card numbers with spaces or dashes. */
export const digitsOf = (text: string): string => text.replace(/[\s-]/g, '');

/** The Luhn checksum every card number carries (catches most typos before the gateway does). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): CardBrand {
  const first2 = Number(digits.slice(0, 2));
  const first4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'visa';
  if ((first2 >= 51 && first2 <= 55) || (first4 >= 2221 && first4 <= 2720)) return 'mastercard';
  if (first2 === 34 || first2 === 37) return 'amex';
  if (first4 === 6011 || first2 === 65 || (first4 >= 6440 && first4 <= 6499)) return 'discover';
  return 'unknown';
}

/** A card is good through the last day of its expiry month (UTC). */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const firstDayAfter = Date.UTC(expYear, expMonth, 1); // month is 0-based: this is the next month
  return now.getTime() >= firstDayAfter;
}

/** Checks a card as typed; throws a 400 naming the field. Returns the digits and brand. */
export function checkCard(
  input: { number: string; expMonth: number; expYear: number; cvc: string },
  now: Date,
): { digits: string; brand: CardBrand } {
  const digits = digitsOf(input.number);
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    throw invalidField('number', 'This card number is not valid. Check it and try again.');
  }
  const brand = cardBrand(digits);
  if (!Number.isInteger(input.expMonth) || input.expMonth < 1 || input.expMonth > 12) {
    throw invalidField('expMonth', 'Enter the expiry month as a number from 1 to 12.');
  }
  if (isExpired(input.expMonth, input.expYear, now)) throw invalidField('expYear', 'This card has expired.');
  if (input.expYear > now.getUTCFullYear() + 20) throw invalidField('expYear', 'Check the expiry year.');
  const cvcLength = brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc)) {
    throw invalidField('cvc', `Enter the ${cvcLength}-digit security code.`);
  }
  return { digits, brand };
}

/** ABA routing numbers carry a checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function isValidRoutingNumber(routingNumber: string): boolean {
  if (!/^\d{9}$/.test(routingNumber)) return false;
  const d = [...routingNumber].map(Number) as number[];
  const at = (index: number) => d[index] ?? 0;
  const sum = 3 * (at(0) + at(3) + at(6)) + 7 * (at(1) + at(4) + at(7)) + (at(2) + at(5) + at(8));
  return sum % 10 === 0;
}

export function checkBankAccount(input: { routingNumber: string; accountNumber: string; accountHolder: string }): {
  routingNumber: string;
  accountNumber: string;
  accountHolder: string;
} {
  const routingNumber = digitsOf(input.routingNumber);
  if (!isValidRoutingNumber(routingNumber)) {
    throw invalidField('routingNumber', 'This routing number is not valid: it has 9 digits and a checksum.');
  }
  const accountNumber = digitsOf(input.accountNumber);
  if (!/^\d{4,17}$/.test(accountNumber)) throw invalidField('accountNumber', 'An account number has 4 to 17 digits.');
  const accountHolder = input.accountHolder.trim();
  if (accountHolder.length === 0) throw invalidField('accountHolder', 'Enter the name on the account.');
  return { routingNumber, accountNumber, accountHolder };
}
