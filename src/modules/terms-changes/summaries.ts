import { moneyText } from '../payouts/money-text.ts';
import type { EscrowRefund } from './change.ts';
import type { TermsDiff } from './diff-terms.ts';

const fieldWords: Record<string, string> = {
  title: 'title',
  description: 'scope',
  deliverables: 'deliverables',
  'fixed.totalCents': 'total',
};

/** One line saying what a change does, for the record and notifications. */
export function changeSummary(diff: TermsDiff, refunds: EscrowRefund[], currency: string): string {
  const parts: string[] = [];
  const { added, removed, changed } = diff.milestones;
  if (added.length > 0)
    parts.push(`adds ${added.map((m) => `“${m.title}” (${moneyText(m.amountCents, currency)})`).join(', ')}`);
  if (removed.length > 0) parts.push(`removes ${removed.map((m) => `“${m.title}”`).join(', ')}`);
  if (changed.length > 0) parts.push(`changes ${changed.map((m) => `“${m.title}”`).join(', ')}`);
  const fields = diff.fields.map((change) => fieldWords[change.field]).filter((word) => word !== undefined);
  const total = diff.fields.find((change) => change.field === 'fixed.totalCents');
  const other = fields.filter((word) => word !== 'total');
  if (other.length > 0) parts.push(`changes the ${other.join(', ')}`);
  if (total)
    parts.push(`total ${moneyText(Number(total.before), currency)} → ${moneyText(Number(total.after), currency)}`);
  const refunded = refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  if (refunded > 0) parts.push(`refunds ${moneyText(refunded, currency)} of escrow to the client`);
  return parts.join('; ').slice(0, 1500) || 'no change';
}
