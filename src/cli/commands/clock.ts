import { advanceClock, loadClockOffset } from '../../modules/scheduler/clock-offset.ts';
import { parseDuration } from '../../platform/clock.ts';
import { openRuntime } from '../runtime.ts';

/** `workroom clock show|advance <duration>`: moves time for every process of a demo installation. */
export async function clockCommand(args: string[]): Promise<number> {
  const [action, duration] = args;
  if (action !== 'show' && !(action === 'advance' && duration)) {
    console.error('Usage: workroom clock show | workroom clock advance <duration, e.g. 14d, 3h, 90m>');
    return 2;
  }
  const runtime = await openRuntime({ logLevel: 'warn' });
  try {
    if (!runtime.config.CLOCK_CONTROL) {
      console.error('Clock control is off. It is for demo and test installations: set CLOCK_CONTROL=true.');
      return 1;
    }
    let reading = await loadClockOffset(runtime.services.db, runtime.clock);
    if (action === 'advance')
      reading = await advanceClock(runtime.services.db, runtime.clock, parseDuration(duration ?? ''));
    const days = (reading.offsetMs / 86_400_000).toFixed(2);
    console.log(`Clock: ${reading.now.toISOString()} (${days} days ahead of real time)`);
    return 0;
  } finally {
    await runtime.close();
  }
}
