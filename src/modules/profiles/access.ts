import { AppError } from '../../platform/errors.ts';
import { type Actor, type Ctx, hasRole, type Role, requireActor } from '../../server/context.ts';

/**
 * The signed-in actor, who must hold `role` themselves. Routes already let operators through
 * any role's route, but an operator has no freelancer or client profile of their own to edit.
 */
export function actingAs(ctx: Ctx, role: Role): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, role)) {
    throw new AppError('forbidden', { userMessage: `Only ${role} accounts have a ${role} profile.` });
  }
  return actor;
}
