import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';

interface FormWithErrors {
  values: object;
  setErrors(errors: Record<string, ReactNode>): void;
}

/**
 * Shows an API failure on a form: field errors under the fields they name, and returns the
 * message to show above the form when no field of this form was named (or null when one was).
 */
export function showApiError(
  form: FormWithErrors,
  error: unknown,
  fieldAliases: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const known = new Set(Object.keys(form.values));
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const name = fieldAliases[field] ?? field;
    const topLevel = name.split('.')[0] ?? name;
    if (known.has(name)) {
      errors[name] = message;
    } else if (known.has(topLevel)) {
      // "languages.0.language" shows under that input, and the list as a whole is marked too.
      errors[name] = message;
      errors[topLevel] ??= message;
    }
  }
  if (Object.keys(errors).length === 0) return error.message;
  form.setErrors(errors);
  return null;
}

/** Only same-site paths are followed after log-in, so a crafted link cannot send people elsewhere. */
export function safeNextPath(next: string | null, fallback = '/dashboard'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
