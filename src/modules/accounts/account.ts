import { z } from 'zod';
import type { Role } from '../../server/context.ts';
import type { users } from './tables.ts';

/** A user as the accounts module hands it to other code (never the password hash). */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  createdAt: Date;
}

export function toAccount(row: typeof users.$inferSelect): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles as Role[],
    createdAt: row.createdAt,
  };
}

const emailSchema = z.email();

/** Emails are compared lower-cased and trimmed; throws nothing, check with isValidEmail. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const isValidEmail = (email: string): boolean => email.length <= 254 && emailSchema.safeParse(email).success;

export const DISPLAY_NAME_MAX_LENGTH = 80;
