import type { WorkroomModule } from '../server/module.ts';
import { accountsModule } from './accounts/module.ts';
import { connectsModule } from './connects/module.ts';
import { contractRecordModule } from './contract-record/module.ts';
import { contractsModule } from './contracts/module.ts';
import { feesModule } from './fees/module.ts';
import { filesModule } from './files/module.ts';
import { idempotencyModule } from './idempotency/module.ts';
import { jobsModule } from './jobs/module.ts';
import { ledgerModule } from './ledger/module.ts';
import { messagesModule } from './messages/module.ts';
import { milestonesModule } from './milestones/module.ts';
import { notificationsModule } from './notifications/module.ts';
import { offersModule } from './offers/module.ts';
import { paymentsModule } from './payments/module.ts';
import { payoutsModule } from './payouts/module.ts';
import { profilesModule } from './profiles/module.ts';
import { proposalsModule } from './proposals/module.ts';
import { recordsModule } from './records/module.ts';
import { schedulerModule } from './scheduler/module.ts';
import { statusReportsModule } from './status-reports/module.ts';
import { talentModule } from './talent/module.ts';
import { tasksModule } from './tasks/module.ts';
import { termsChangesModule } from './terms-changes/module.ts';

/**
 * Every domain module, in dependency order. Adding a module here wires its routes, scheduled
 * tasks, `workroom verify` checks and `workroom demo` steps.
 */
export const modules: WorkroomModule[] = [
  accountsModule,
  profilesModule,
  notificationsModule,
  schedulerModule,
  filesModule,
  messagesModule,
  payoutsModule,
  recordsModule,
  jobsModule,
  talentModule,
  ledgerModule,
  feesModule,
  paymentsModule,
  idempotencyModule,
  connectsModule,
  proposalsModule,
  contractsModule,
  offersModule,
  milestonesModule,
  contractRecordModule,
  tasksModule,
  statusReportsModule,
  termsChangesModule,
];
