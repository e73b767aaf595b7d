import type { TransactionLine } from './lines.ts';

/** Cents as a plain decimal ("-1234.05"): exact, no float, no thousands separator. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP
 * CSV injection advice); numbers are written by us and never need it.
 */
export function csvField(value: string, { text = true } = {}): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const CSV_HEADER = [
  'Date (UTC)',
  'Reference',
  'Type',
  'Description',
  'Account',
  'Amount',
  'Currency',
  'Balance',
  'Status',
];

export function csvRow(line: TransactionLine): string {
  return [
    csvField(line.date.toISOString(), { text: false }),
    csvField(line.transferId, { text: false }),
    csvField(line.type),
    csvField(line.description),
    csvField(line.account),
    csvField(centsToDecimal(line.amountCents), { text: false }),
    csvField(line.currency),
    csvField(centsToDecimal(line.balanceCents), { text: false }),
    csvField(line.status ?? ''),
  ].join(',');
}
