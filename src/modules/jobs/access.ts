import { AppError } from '../../platform/errors.ts';
import { type Actor, type Ctx, hasRole, requireActor } from '../../server/context.ts';

/**
 * The signed-in client. Routes let operators through any role's route, but only a client posts
 * and manages jobs (an operator has no jobs of their own).
 */
export function actingAsClient(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'client')) throw new AppError('forbidden', { userMessage: 'Only client accounts post jobs.' });
  return actor;
}

export function actingAsFreelancer(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'freelancer')) {
    throw new AppError('forbidden', { userMessage: 'Only freelancer accounts can do this.' });
  }
  return actor;
}
