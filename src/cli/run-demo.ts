import { modules } from '../modules/index.ts';
import type { Services } from '../server/context.ts';
import type { DemoContext } from '../server/module.ts';
import { ProgressBar } from './progress.ts';

/** Fills the database with a demo marketplace through each module's services, in step order. */
export async function runDemo(services: Services, options: { quiet?: boolean } = {}): Promise<DemoContext['logins']> {
  const steps = modules.flatMap((module) => module.demo ?? []).sort((a, b) => a.order - b.order);
  const bar = options.quiet ? null : new ProgressBar(steps.reduce((sum, step) => sum + step.units, 0));
  const demo: DemoContext = {
    services,
    state: new Map(),
    logins: [],
    progress: (step) => bar?.tick(step),
  };
  for (const step of steps) {
    bar?.tick(step.name, 0);
    await step.run(demo);
  }
  bar?.finish();
  return demo.logins;
}
