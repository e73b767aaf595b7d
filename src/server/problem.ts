import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { pgErrorCode } from '../db/transaction.ts';
import { AppError, type FieldIssue } from '../platform/errors.ts';

/** RFC 9457 problem details, with our stable `code` and the fields at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors: FieldIssue[];
}

/** Turns anything thrown while handling a request into the AppError a client may see. */
export function toAppError(error: unknown): { appError: AppError; expected: boolean } {
  if (error instanceof AppError) return { appError: error, expected: true };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    // Fields are named as the client sent them ("title", "terms.milestones.0.amountCents"), the same
    // as the services' own field errors; the request part is named only when it is wrong as a whole.
    const fields = error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: path || part, message: issue.message ?? 'Invalid value' };
    });
    const first = fields[0];
    const userMessage = first ? `${first.field}: ${first.message}` : 'Some fields are not valid.';
    return { appError: new AppError('validation_failed', { userMessage, fields }), expected: true };
  }
  if (isResponseSerializationError(error)) return { appError: new AppError('internal'), expected: false };
  const pgCode = pgErrorCode(error);
  if (pgCode === '23505') return { appError: new AppError('already_exists'), expected: true };
  if (pgCode === '23503') {
    return {
      appError: new AppError('not_found', { userMessage: 'A referenced item does not exist.' }),
      expected: true,
    };
  }
  if (pgCode === '40001' || pgCode === '40P01' || pgCode === '55P03') {
    return { appError: new AppError('conflict'), expected: true };
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return { appError: new AppError('payload_too_large'), expected: true };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { appError: new AppError('unsupported_media_type'), expected: true };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        appError: new AppError('validation_failed', {
          userMessage: 'The request body is not valid JSON.',
          fields: [{ field: 'body', message: 'Not valid JSON' }],
        }),
        expected: true,
      };
  }
  if (fastifyError.statusCode === 429) return { appError: new AppError('rate_limited'), expected: true };
  return { appError: new AppError('internal', { cause: error }), expected: false };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  const problem: Problem = {
    type: `https://workroom.dev/problems/${appError.code.replaceAll('_', '-')}`,
    title: appError.code.replaceAll('_', ' '),
    status: appError.status,
    detail: appError.userMessage,
    code: appError.code,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    errors: appError.fields,
  };
  if (appError.retryAfterSeconds !== undefined) reply.header('retry-after', String(appError.retryAfterSeconds));
  return reply.status(appError.status).type('application/problem+json').serializer(JSON.stringify).send(problem);
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { appError, expected } = toAppError(error);
  if (expected) request.log.info({ code: appError.code, fields: appError.fields }, appError.message);
  else request.log.error({ err: error }, 'unexpected error');
  return sendProblem(request, reply, appError);
}
