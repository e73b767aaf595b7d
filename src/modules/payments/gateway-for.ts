import type { Services } from '../../server/context.ts';
import type { PaymentGateway } from './gateway.ts';
import { SandboxGateway } from './sandbox-gateway.ts';

/**
 * The gateway this installation uses. Only the built-in sandbox exists today; a real processor
 * would be another PaymentGateway chosen here by configuration.
 */
export function gatewayFor(services: Pick<Services, 'db' | 'clock'>): PaymentGateway {
  return new SandboxGateway(services.db, services.clock);
}
