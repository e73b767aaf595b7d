import createClient from 'openapi-fetch';
import type { paths } from './schema.gen.ts';

/**
 * The typed API client, generated from the server's /openapi.json (`npm run gen:api`).
 * The session is an httpOnly cookie, so the browser only needs to send same-origin credentials;
 * the CSRF check reads the Origin header the browser adds to unsafe requests.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export interface FieldError {
  field: string;
  message: string;
}

/** An API failure in plain words: the problem+json detail and the fields at fault. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fieldErrors: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Field errors keyed by form field name; an error about the whole request is under "_". */
  get fields(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) {
      byField[WHOLE_REQUEST_PARTS.has(field) ? '_' : field] ??= message;
    }
    return byField;
  }
}

// The API names a request part only when the part as a whole is at fault (e.g. a body that is not JSON).
const WHOLE_REQUEST_PARTS = new Set(['body', 'querystring', 'params', 'headers']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a problem+json body (RFC 9457) into an ApiError; anything else gets a generic message. */
export function problemToError(body: unknown, response: Response): ApiError {
  if (isRecord(body) && typeof body.detail === 'string') {
    const fieldErrors = Array.isArray(body.errors)
      ? body.errors.filter(
          (entry): entry is FieldError =>
            isRecord(entry) && typeof entry.field === 'string' && typeof entry.message === 'string',
        )
      : [];
    return new ApiError(
      body.detail,
      response.status,
      typeof body.code === 'string' ? body.code : 'unknown',
      fieldErrors,
      typeof body.requestId === 'string' ? body.requestId : undefined,
    );
  }
  const message =
    response.status >= 500
      ? 'Workroom had a problem answering. Please try again in a moment.'
      : `The request failed (HTTP ${response.status}).`;
  return new ApiError(message, response.status, 'unknown');
}

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an API call and returns its data, or throws an ApiError with the server's message.
 * A network failure becomes an ApiError with status 0, so every screen can show it the same way.
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('Workroom cannot be reached. Check your connection and try again.', 0, 'network');
  }
  if (!result.response.ok) throw problemToError(result.error, result.response);
  return result.data as T;
}

/** A readable message for any error a screen may catch. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
