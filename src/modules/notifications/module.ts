import type { WorkroomModule } from '../../server/module.ts';
import { notificationChecks } from './checks.ts';
import { deliverDueEmails } from './deliver-emails.ts';
import { notificationsDemo } from './demo.ts';
import { registerNotificationRoutes } from './routes.ts';

/** In-app notifications (listed, read, pushed live) and the email outbox. */
export const notificationsModule: WorkroomModule = {
  name: 'notifications',
  routes: registerNotificationRoutes,
  tasks: [
    {
      name: 'deliver-emails',
      everyMs: 15_000,
      async run(ctx) {
        const report = await deliverDueEmails(ctx);
        return { processed: report.claimed + report.held };
      },
    },
  ],
  checks: notificationChecks,
  demo: [notificationsDemo],
};
