import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { SESSION_COOKIE } from '../../server/auth.ts';
import type { ClientInfo, StartedSession } from './sessions.ts';

/** httpOnly (no script can read it), SameSite=Lax, Secure behind HTTPS, expiring with the session. */
export function setSessionCookie(reply: FastifyReply, config: Config, session: StartedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.SESSION_TTL_DAYS * 24 * 60 * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}

/** The session cookie the request carried, valid or not (to end it at sign-in). */
export const sessionCookieOf = (request: FastifyRequest): string | null => request.cookies[SESSION_COOKIE] ?? null;

export const clientInfoOf = (request: FastifyRequest): ClientInfo => ({
  userAgent: request.headers['user-agent'] ?? null,
  ip: request.ip,
});
