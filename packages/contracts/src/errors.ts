import { z } from 'zod';

/** Stable error codes. Clients switch on these; never rename one. */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedJson: 'malformed_json',
  UnsupportedMediaType: 'unsupported_media_type',
  PayloadTooLarge: 'payload_too_large',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  CsrfRejected: 'csrf_rejected',
  NotFound: 'not_found',
  Conflict: 'conflict',
  InvalidCredentials: 'invalid_credentials',
  /** The account was disabled by an admin: it cannot sign in. */
  AccountDisabled: 'account_disabled',
  EmailTaken: 'email_taken',
  /** A signed link (e.g. unsubscribe) whose signature does not verify: forged, altered or truncated. */
  InvalidToken: 'invalid_token',
  RateLimited: 'rate_limited',
  /** Authored content failed its check (details: the check report naming each failure), so it cannot be published. */
  CheckFailed: 'check_failed',
  ServiceUnavailable: 'service_unavailable',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ZErrorCode = z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]);

/** One issue found while validating input: where it is and what is wrong. */
export const ZFieldIssue = z.object({
  path: z.string().describe('Dotted path of the bad field, e.g. "body.email"'),
  message: z.string(),
});
export type TFieldIssue = z.infer<typeof ZFieldIssue>;

/** `details` of a `rate_limited` (429) error; the `Retry-After` header says the same in seconds. */
export const ZRateLimitedDetails = z.object({ retryAfterSeconds: z.number().int().min(1) });
export type TRateLimitedDetails = z.infer<typeof ZRateLimitedDetails>;

/** The one shape of every error response. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
