/**
 * The one error type of the platform. A use case throws `AppError` with a code the
 * contract names; the HTTP layer maps the code to a status in one table (`statusOf`).
 */
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  training_required: 403,
  not_found: 404,
  conflict: 409,
  villager_exists: 409,
  insufficient_stock: 409,
  insufficient_funds: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  invalid_pickup_code: 422,
  invalid_confirmation_code: 422,
  rate_limited: 429,
  internal_error: 500,
  provider_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function statusOf(code: ErrorCode): number {
  return errorStatus[code];
}

export const notFound = (what: string, id?: string) =>
  new AppError('not_found', `${what} not found`, id === undefined ? undefined : { id });

export const invalidState = (message: string, details?: unknown) =>
  new AppError('invalid_state', message, details);

export const validationFailed = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { fields: [{ field, message }] });
