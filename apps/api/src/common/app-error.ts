import { ErrorCode, type TErrorResponse, type TFieldIssue } from '@prep/contracts';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  account_disabled: 403,
  email_taken: 409,
  invalid_token: 400,
  rate_limited: 429,
  check_failed: 422,
  service_unavailable: 503,
  internal_error: 500,
};

/** The one error type services throw; the global filter renders it as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;
  /** Sent as the Retry-After header (429 and 503). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }

  static validation(issues: TFieldIssue[]): AppError {
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return new AppError(ErrorCode.ValidationFailed, `Invalid request: ${summary}`, issues);
  }

  /** 429 `rate_limited`, with Retry-After and `details.retryAfterSeconds` (at least 1). */
  static rateLimited(retryAfterMs: number, message: string): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const error = new AppError(ErrorCode.RateLimited, message, { retryAfterSeconds });
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  toResponse(): TErrorResponse {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}
