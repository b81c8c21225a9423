import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorCode, statusOf } from '../shared/app-error.ts';

type FieldError = { field: string; message: string };

function fieldErrors(error: FastifyError): FieldError[] {
  const part = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const pathParts = v.instancePath.split('/').filter(Boolean);
    if (missing) pathParts.push(missing);
    const field = pathParts.length ? pathParts.join('.') : part;
    const message = missing ? 'is required' : (v.message ?? 'is invalid');
    return { field, message };
  });
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_NOT_FOUND: 'not_found',
};

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const fields = fieldErrors(error);
    const text = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    return new AppError('validation_failed', `Invalid ${error.validationContext ?? 'input'}: ${text}`, {
      fields,
    });
  }
  const mapped = frameworkCodes[error.code];
  if (mapped) return new AppError(mapped, error.message);
  if (error.statusCode === 429) return new AppError('rate_limited', 'Too many requests; try again later');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Malformed JSON and other refusals of the raw request.
    const malformed = error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP');
    return new AppError(
      'validation_failed',
      malformed ? `Malformed request body: ${error.message}` : error.message,
    );
  }
  return null;
}

/** Every failure leaves in the contract's shape: {"error":{"code","message","details"}}. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return reply
        .code(500)
        .send({ error: { code: 'internal_error', message: 'Internal error', details: null } });
    }
    return reply
      .code(statusOf(appError.code))
      .send({ error: { code: appError.code, message: appError.message, details: appError.details ?? null } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        details: null,
      },
    }),
  );
}
