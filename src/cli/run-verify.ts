import { sql } from 'drizzle-orm';
import { modules } from '../modules/index.ts';
import type { Services } from '../server/context.ts';
import type { Violation } from '../server/module.ts';

export interface CheckResult {
  module: string;
  name: string;
  description: string;
  violations: Violation[];
  error?: string;
}

/** Runs every registered consistency check on one consistent snapshot of the database. */
export async function runVerify(services: Services): Promise<CheckResult[]> {
  const checks = modules.flatMap((module) => (module.checks ?? []).map((check) => ({ module: module.name, check })));
  return services.db.transaction(
    async (tx) => {
      const results: CheckResult[] = [];
      for (const { module, check } of checks) {
        // A savepoint per check: one check's SQL error is reported and must not abort the others.
        await tx.execute(sql`savepoint verify_check`);
        try {
          const violations = await check.run(tx, services);
          results.push({ module, name: check.name, description: check.description, violations });
          await tx.execute(sql`release savepoint verify_check`);
        } catch (error) {
          await tx.execute(sql`rollback to savepoint verify_check`);
          const message = error instanceof Error ? error.message : String(error);
          results.push({ module, name: check.name, description: check.description, violations: [], error: message });
        }
      }
      return results;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export function formatVerifyReport(results: CheckResult[]): { text: string; ok: boolean } {
  const lines: string[] = [];
  let failed = 0;
  for (const result of results) {
    const bad = result.violations.length > 0 || result.error !== undefined;
    if (bad) failed++;
    lines.push(`${bad ? 'FAIL' : ' ok '}  ${result.module}/${result.name}: ${result.description}`);
    if (result.error) lines.push(`        error: ${result.error}`);
    for (const violation of result.violations.slice(0, 20)) {
      lines.push(`        - ${violation.subject}: ${violation.message}`);
    }
    if (result.violations.length > 20) lines.push(`        ... and ${result.violations.length - 20} more`);
  }
  lines.push('');
  lines.push(
    failed === 0 ? `All ${results.length} checks passed.` : `${failed} of ${results.length} checks found violations.`,
  );
  return { text: lines.join('\n'), ok: failed === 0 };
}
