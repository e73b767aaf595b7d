import { DAY, HOUR } from '../../platform/clock.ts';
import type { WorkroomModule } from '../../server/module.ts';
import { purgeIdempotencyKeys } from './keys.ts';

/** Keys are kept at least this long: a client may retry a money request for a day. */
export const IDEMPOTENCY_KEY_RETENTION_MS = DAY;

/** Idempotency-Key records behind `config: { idempotent: true }` routes (see src/server/idempotency.ts). */
export const idempotencyModule: WorkroomModule = {
  name: 'idempotency',
  tasks: [
    {
      name: 'idempotency.purge-expired-keys',
      everyMs: HOUR,
      async run(ctx) {
        const before = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
        return { processed: await purgeIdempotencyKeys(ctx.db, before) };
      },
    },
  ],
};
