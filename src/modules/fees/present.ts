import type { StoredFeeSchedule } from './fee-schedules.ts';

export function presentFeeSchedule(schedule: StoredFeeSchedule, inForceVersion: number) {
  return {
    version: schedule.version,
    effectiveFrom: schedule.effectiveFrom.toISOString(),
    inForce: schedule.version === inForceVersion,
    definition: schedule.definition,
    createdAt: schedule.createdAt.toISOString(),
  };
}
