import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A 256-bit random secret, URL-safe, for session cookies, API tokens and reset links. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored only as their SHA-256: a database leak must not leak live sessions. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
