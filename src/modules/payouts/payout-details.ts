import { invalidField } from '../../platform/errors.ts';
import { isValidRoutingNumber } from '../payments/card-rules.ts';
import type { PayoutMethodDetails } from './payout-method-types.ts';

/** A payout method as the freelancer types it (full account numbers: only the processor keeps them). */
export type NewPayoutMethod =
  | {
      type: 'us_bank_ach';
      accountHolder: string;
      routingNumber: string;
      accountNumber: string;
      accountType: 'checking' | 'savings';
    }
  | { type: 'local_bank'; accountHolder: string; bankName: string; country: string; accountNumber: string }
  | {
      type: 'wire';
      accountHolder: string;
      bankName: string;
      country: string;
      swiftCode: string;
      accountNumber: string;
    }
  | { type: 'paypal'; email: string }
  | { type: 'payoneer'; email: string };

export interface CheckedPayoutMethod {
  details: PayoutMethodDetails;
  label: string;
  /** What the processor needs to pay it: the account number, IBAN or email. */
  account: string;
}

const compact = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const SWIFT = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The IBAN check digits (ISO 13616): the rearranged number, letters as 10-35, is 1 modulo 97. */
export function isValidIban(iban: string): boolean {
  if (!IBAN.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function text(field: string, value: string, what: string, max = 100): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2) throw invalidField(field, `Enter ${what}.`);
  if (trimmed.length > max) throw invalidField(field, `Use at most ${max} characters for ${what}.`);
  return trimmed;
}

function country(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw invalidField(field, 'Choose the country (a two-letter code such as DE).');
  return code;
}

/** An account number or IBAN: IBAN-shaped input must pass its check digits. */
function bankAccount(field: string, value: string, minDigits: number): string {
  const account = compact(value);
  if (/^[A-Z]{2}\d{2}/.test(account) && account.length >= 15) {
    if (!isValidIban(account)) throw invalidField(field, 'This IBAN is not valid: check it digit by digit.');
    return account;
  }
  if (!new RegExp(`^[A-Z0-9]{${minDigits},34}$`).test(account)) {
    throw invalidField(field, `Enter the account number or IBAN (${minDigits} to 34 letters and digits).`);
  }
  return account;
}

function email(value: string): string {
  const address = value.trim().toLowerCase();
  if (address.length > 254 || !EMAIL.test(address)) throw invalidField('email', 'Enter the email of the account.');
  return address;
}

/** "jane.doe@example.com" -> "j•••@example.com": enough to recognise, not to harvest. */
export function maskEmail(address: string): string {
  const [name = '', domain = ''] = address.split('@');
  return `${name.slice(0, 1)}•••@${domain}`;
}

const last4 = (account: string) => account.slice(-4);

/** Checks a new payout method field by field (400s name the field) and derives its masked form. */
export function checkPayoutMethod(input: NewPayoutMethod): CheckedPayoutMethod {
  switch (input.type) {
    case 'us_bank_ach': {
      const routingNumber = compact(input.routingNumber);
      if (!isValidRoutingNumber(routingNumber)) {
        throw invalidField('routingNumber', 'This routing number is not valid: it has 9 digits and a checksum.');
      }
      const account = compact(input.accountNumber);
      if (!/^\d{4,17}$/.test(account)) throw invalidField('accountNumber', 'A US account number has 4 to 17 digits.');
      const accountHolder = text('accountHolder', input.accountHolder, 'the name on the account');
      const kind = input.accountType === 'savings' ? 'Savings' : 'Checking';
      return {
        details: {
          type: 'us_bank_ach',
          accountHolder,
          routingNumber,
          accountLast4: last4(account),
          accountType: input.accountType,
        },
        label: `${kind} account ····${last4(account)}`,
        account,
      };
    }
    case 'local_bank': {
      const code = country('country', input.country);
      if (code === 'US') throw invalidField('country', 'For a US bank account, choose “US bank account (ACH)”.');
      const account = bankAccount('accountNumber', input.accountNumber, 6);
      const bankName = text('bankName', input.bankName, 'the bank’s name');
      const accountHolder = text('accountHolder', input.accountHolder, 'the name on the account');
      return {
        details: { type: 'local_bank', accountHolder, bankName, country: code, accountLast4: last4(account) },
        label: `${bankName} ····${last4(account)}`,
        account,
      };
    }
    case 'wire': {
      const swiftCode = compact(input.swiftCode);
      if (!SWIFT.test(swiftCode)) {
        throw invalidField('swiftCode', 'A SWIFT/BIC code has 8 or 11 letters and digits, e.g. DEUTDEFF.');
      }
      const code = country('country', input.country);
      if (swiftCode.slice(4, 6) !== code) {
        throw invalidField('swiftCode', `This SWIFT/BIC code is for a bank in ${swiftCode.slice(4, 6)}, not ${code}.`);
      }
      const account = bankAccount('accountNumber', input.accountNumber, 4);
      const bankName = text('bankName', input.bankName, 'the bank’s name');
      const accountHolder = text('accountHolder', input.accountHolder, 'the name on the account');
      return {
        details: { type: 'wire', accountHolder, bankName, country: code, swiftCode, accountLast4: last4(account) },
        label: `Wire to ${bankName} ····${last4(account)}`,
        account,
      };
    }
    case 'paypal':
    case 'payoneer': {
      const address = email(input.email);
      const name = input.type === 'paypal' ? 'PayPal' : 'Payoneer';
      return {
        details: { type: input.type, email: maskEmail(address) },
        label: `${name} · ${maskEmail(address)}`,
        account: address,
      };
    }
  }
}
