import type { Services } from '../../server/context.ts';
import type { App } from '../../server/module.ts';
import { addRole } from './add-role.ts';
import { changePassword } from './change-password.ts';
import { confirmPasswordReset } from './confirm-password-reset.ts';
import { createApiToken } from './create-api-token.ts';
import { getMe } from './find-account.ts';
import { listApiTokens } from './list-api-tokens.ts';
import { listSessions } from './list-sessions.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import { presentApiToken, presentMe, presentSession } from './present.ts';
import { authRateLimit } from './rate-limit.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { revokeSession } from './revoke-session.ts';
import {
  AcceptedResponse,
  AddRoleRequest,
  ApiTokenListResponse,
  AuthResponse,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiTokenResponse,
  IdParams,
  LogInRequest,
  MeResponse,
  NoContent,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  SessionListResponse,
  SignUpRequest,
  UpdateMeRequest,
} from './schemas.ts';
import { clearSessionCookie, clientInfoOf, sessionCookieOf, setSessionCookie } from './session-cookie.ts';
import { signUp } from './sign-up.ts';
import { updateMe } from './update-me.ts';

export function registerAccountRoutes(app: App, services: Services): void {
  const tags = ['accounts'];

  app.post(
    '/api/auth/signup',
    {
      schema: { tags, summary: 'Create an account and sign in', body: SignUpRequest, response: { 201: AuthResponse } },
      config: { auth: 'public' },
      onRequest: authRateLimit(services, 'signup'),
    },
    async (request, reply) => {
      const { account, session } = await signUp(request.ctx, {
        ...request.body,
        client: clientInfoOf(request),
        previousSessionToken: sessionCookieOf(request),
      });
      setSessionCookie(reply, services.config, session);
      return reply.status(201).send({ user: presentMe(account) });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in with email and password', body: LogInRequest, response: { 200: AuthResponse } },
      config: { auth: 'public' },
      onRequest: authRateLimit(services, 'login'),
    },
    async (request, reply) => {
      const { account, session } = await logIn(request.ctx, {
        ...request.body,
        client: clientInfoOf(request),
        previousSessionToken: sessionCookieOf(request),
      });
      setSessionCookie(reply, services.config, session);
      return { user: presentMe(account) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'Sign out of this session', response: { 204: NoContent } },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      await logOut(request.ctx);
      clearSessionCookie(reply, services.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change the password (signs out every other session)',
        body: ChangePasswordRequest,
        response: { 200: MeResponse },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      const { account, session } = await changePassword(request.ctx, {
        ...request.body,
        client: clientInfoOf(request),
      });
      setSessionCookie(reply, services.config, session);
      return presentMe(account);
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags,
        summary: 'Email a password reset link (answers the same whether or not the account exists)',
        body: PasswordResetRequest,
        response: { 202: AcceptedResponse },
      },
      config: { auth: 'public' },
      onRequest: authRateLimit(services, 'password-reset'),
    },
    async (request, reply) => {
      await requestPasswordReset(request.ctx, request.body);
      return reply
        .status(202)
        .send({ message: 'If an account uses this email, a link to reset the password is on its way.' });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password from an emailed link and sign in',
        body: PasswordResetConfirmRequest,
        response: { 200: AuthResponse },
      },
      config: { auth: 'public' },
    },
    async (request, reply) => {
      const { account, session } = await confirmPasswordReset(request.ctx, {
        ...request.body,
        client: clientInfoOf(request),
      });
      setSessionCookie(reply, services.config, session);
      return { user: presentMe(account) };
    },
  );

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: MeResponse } }, config: { auth: 'user' } },
    async (request) => presentMe(await getMe(request.ctx)),
  );

  app.patch(
    '/api/me',
    {
      schema: { tags, summary: 'Change the display name', body: UpdateMeRequest, response: { 200: MeResponse } },
      config: { auth: 'user' },
    },
    async (request) => presentMe(await updateMe(request.ctx, request.body)),
  );

  app.post(
    '/api/me/roles',
    {
      schema: {
        tags,
        summary: 'Add the client or freelancer role to this account',
        body: AddRoleRequest,
        response: { 200: MeResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => presentMe(await addRole(request.ctx, request.body)),
  );

  app.get(
    '/api/me/sessions',
    {
      schema: { tags, summary: 'Devices signed in to this account', response: { 200: SessionListResponse } },
      config: { auth: 'user' },
    },
    async (request) => ({ items: (await listSessions(request.ctx)).map(presentSession) }),
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: { tags, summary: 'Sign out one device', params: IdParams, response: { 204: NoContent } },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      const { wasCurrent } = await revokeSession(request.ctx, { sessionId: request.params.id });
      if (wasCurrent) clearSessionCookie(reply, services.config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/tokens',
    {
      schema: { tags, summary: 'Personal API tokens', response: { 200: ApiTokenListResponse } },
      config: { auth: 'user' },
    },
    async (request) => ({ items: (await listApiTokens(request.ctx)).map(presentApiToken) }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown once)',
        body: CreateApiTokenRequest,
        response: { 201: CreatedApiTokenResponse },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      const created = await createApiToken(request.ctx, request.body);
      const { lastUsedAt: _unused, ...shown } = presentApiToken(created);
      return reply.status(201).send({ ...shown, token: created.token });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: { tags, summary: 'Revoke a personal API token', params: IdParams, response: { 204: NoContent } },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      await revokeApiToken(request.ctx, { tokenId: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
