import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDemo } from '../../cli/run-demo.ts';
import { runVerify } from '../../cli/run-verify.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { statusReports } from '../status-reports/tables.ts';
import { termsChanges } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo and verify', () => {
  test('the demo files weekly reports and leaves a terms history with a change waiting, once; verify is clean', async () => {
    await runDemo(t.services, { quiet: true });
    await runDemo(t.services, { quiet: true });
    const changes = await t.services.db.select().from(termsChanges);
    expect(changes.map((change) => change.state).sort()).toEqual(['accepted', 'pending']);
    const reports = await t.services.db.select().from(statusReports);
    expect(reports.length).toBeGreaterThan(0);
    expect(new Set(reports.map((report) => report.contractId)).size).toBe(reports.length);
    const problems = (await runVerify(t.services)).flatMap((result) => [
      ...(result.error ? [`${result.name}: ${result.error}`] : []),
      ...result.violations.map((violation) => `${result.name}: ${violation.subject}: ${violation.message}`),
    ]);
    expect(problems).toEqual([]);
  }, 120_000);
});
