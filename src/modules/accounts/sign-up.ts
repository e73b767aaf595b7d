import type { Ctx } from '../../server/context.ts';
import type { Account } from './account.ts';
import { type CreateAccountInput, createAccount } from './create-account.ts';
import { type ClientInfo, revokeSessionByToken, type StartedSession, startSession } from './sessions.ts';

/** Creates the account and signs the new user in, ending any session the browser still had. */
export async function signUp(
  ctx: Ctx,
  input: CreateAccountInput & { client: ClientInfo; previousSessionToken: string | null },
): Promise<{ account: Account; session: StartedSession }> {
  const account = await createAccount(ctx, input);
  const session = await ctx.tx(async (tx) => {
    if (input.previousSessionToken) await revokeSessionByToken(tx, input.previousSessionToken, ctx.clock.now());
    return startSession(tx, ctx, { userId: account.id, client: input.client });
  });
  return { account, session };
}
