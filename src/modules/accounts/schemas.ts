import { z } from 'zod';
import { DISPLAY_NAME_MAX_LENGTH } from './account.ts';
import { API_TOKEN_NAME_MAX_LENGTH } from './create-api-token.ts';

// Password length rules live in the service (they answer `weak_password`); this cap only keeps
// absurd inputs away from the hasher.
const password = z.string().max(1024);
const email = z.string().trim().max(254).pipe(z.email('Enter a valid email address.'));
const displayName = z.string().trim().min(1, 'Enter your name.').max(DISPLAY_NAME_MAX_LENGTH);
const selfServiceRole = z.enum(['client', 'freelancer']);

export const SignUpRequest = z
  .object({ email, password, displayName, role: selfServiceRole })
  .meta({ id: 'SignUpRequest' });

export const LogInRequest = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
  .meta({ id: 'LogInRequest' });

export const UpdateMeRequest = z.object({ displayName }).meta({ id: 'UpdateMeRequest' });

export const AddRoleRequest = z.object({ role: selfServiceRole }).meta({ id: 'AddRoleRequest' });

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: password })
  .meta({ id: 'ChangePasswordRequest' });

export const PasswordResetRequest = z
  .object({ email: z.string().trim().min(1).max(254) })
  .meta({ id: 'PasswordResetRequest' });

export const PasswordResetConfirmRequest = z
  .object({ token: z.string().min(1).max(200), newPassword: password })
  .meta({ id: 'PasswordResetConfirmRequest' });

export const CreateApiTokenRequest = z
  .object({ name: z.string().trim().min(1, 'Name the token.').max(API_TOKEN_NAME_MAX_LENGTH) })
  .meta({ id: 'CreateApiTokenRequest' });

export const IdParams = z.object({ id: z.uuid() });

export const MeResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(['client', 'freelancer', 'operator'])),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Me' });

export const AuthResponse = z.object({ user: MeResponse }).meta({ id: 'AuthResult' });

export const AcceptedResponse = z
  .object({ message: z.string() })
  .meta({ id: 'Accepted', description: 'The request was taken; the outcome arrives by email.' });

export const SessionResponse = z
  .object({
    id: z.uuid(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime().describe('Refreshed at most every few minutes'),
    current: z.boolean().describe('The session making this request'),
  })
  .meta({ id: 'Session' });

export const SessionListResponse = z.object({ items: z.array(SessionResponse) }).meta({ id: 'SessionList' });

export const ApiTokenResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe('Refreshed at most every few minutes'),
  })
  .meta({ id: 'ApiToken' });

export const ApiTokenListResponse = z.object({ items: z.array(ApiTokenResponse) }).meta({ id: 'ApiTokenList' });

export const CreatedApiTokenResponse = z
  .object({
    token: z.string().describe('The secret, shown only this once: send it as `Authorization: Bearer <token>`'),
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CreatedApiToken' });

export const NoContent = z.null().describe('No content');
