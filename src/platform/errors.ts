/**
 * One error type for everything a caller can be told. The code list is closed and each code
 * maps to exactly one HTTP status here, so routes never choose statuses themselves.
 * `message` is the internal (logged) text; `userMessage` is what a person reads.
 */
export const errorStatus = {
  validation_failed: 400,
  weak_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  payment_required: 402,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  invalid_state: 409,
  idempotency_in_progress: 409,
  insufficient_funds: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const defaultMessages: Record<ErrorCode, string> = {
  validation_failed: 'Some fields are not valid.',
  weak_password: 'Choose a stronger password.',
  unauthenticated: 'Please sign in to continue.',
  invalid_credentials: 'The email or password is incorrect.',
  payment_required: 'A payment is required to do this.',
  forbidden: 'You are not allowed to do this.',
  csrf_failed: 'This request did not come from the Workroom app, so it was refused.',
  not_found: 'We could not find what you asked for.',
  conflict: 'This conflicts with the current state. Reload and try again.',
  already_exists: 'This already exists.',
  invalid_state: 'This cannot be done in the current state.',
  idempotency_in_progress: 'The same request is still being processed. Retry in a moment.',
  insufficient_funds: 'There is not enough money available for this.',
  gone: 'This is no longer available.',
  payload_too_large: 'The upload is too large.',
  unsupported_media_type: 'This type of file is not accepted.',
  idempotency_key_reused: 'This Idempotency-Key was already used for a different request.',
  unprocessable: 'The request could not be processed.',
  rate_limited: 'Too many attempts. Please wait and try again.',
  internal: 'Something went wrong on our side.',
  unavailable: 'The service is temporarily unavailable.',
};

export interface FieldIssue {
  /** Dotted path of the offending field, as the client sent it, e.g. "email" or "portfolio.2.url". */
  field: string;
  message: string;
}

export interface AppErrorOptions {
  userMessage?: string;
  fields?: FieldIssue[];
  details?: Record<string, unknown>;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields: FieldIssue[];
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.userMessage ?? defaultMessages[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? defaultMessages[code];
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Shorthand for a validation failure on one field. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('validation_failed', { userMessage: message, fields: [{ field, message }] });
}

export const notFound = (what = 'This item'): AppError =>
  new AppError('not_found', { userMessage: `${what} was not found.` });
