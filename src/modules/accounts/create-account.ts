import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx, Role, Services } from '../../server/context.ts';
import { type Account, DISPLAY_NAME_MAX_LENGTH, isValidEmail, normalizeEmail, toAccount } from './account.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';
import { users } from './tables.ts';

export interface CreateAccountInput {
  email: string;
  password: string;
  displayName: string;
  role: 'client' | 'freelancer';
}

/** Signs up a client or a freelancer (no session: the caller decides whether to start one). */
export async function createAccount(ctx: Ctx | Services, input: CreateAccountInput): Promise<Account> {
  if (input.role !== 'client' && input.role !== 'freelancer') {
    throw invalidField('role', 'Choose client or freelancer.');
  }
  return insertUser(ctx, { ...input, roles: [input.role] });
}

/** Shared by sign-up and operator creation: validates, hashes, inserts; 409 when the email is taken. */
export async function insertUser(
  services: Services,
  input: { email: string; password: string; displayName: string; roles: Role[] },
): Promise<Account> {
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email)) throw invalidField('email', 'Enter a valid email address.');
  const displayName = input.displayName.trim();
  if (displayName.length === 0) throw invalidField('displayName', 'Enter your name.');
  if (displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    throw invalidField('displayName', `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters.`);
  }
  assertAcceptablePassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = services.clock.now();
  const [row] = await services.db
    .insert(users)
    .values({
      id: newId(),
      email,
      passwordHash,
      roles: input.roles,
      displayName,
      passwordChangedAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) {
    throw new AppError('already_exists', {
      userMessage: 'An account with this email already exists.',
      fields: [{ field: 'email', message: 'An account with this email already exists.' }],
    });
  }
  return toAccount(row);
}
