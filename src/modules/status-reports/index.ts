/** What other modules use from status reports. */
export { statusReportsModule } from './module.ts';
export { isoDate, parseWeekLabel, weekEnd, weekLabel, weekStartOf } from './weeks.ts';
