/** What other modules use from Connects (proposals spend and refund them). */

export { spendableConnects } from './get-connects.ts';
export { grantMonthlyConnects, grantMonthlyConnectsTo } from './grant-monthly-connects.ts';
export { connectsModule } from './module.ts';
export { refundConnects } from './refund-connects.ts';
export { connectsForJob, connectsRules } from './rules.ts';
export { spendConnects } from './spend-connects.ts';
