import { ZErrorResponse, type ErrorCode } from '@prep/contracts';
import type { z } from 'zod';

/** Why a call to the API did not give us data. `status` 0 means no HTTP answer at all (network, timeout). */
export type TApiFailure = {
  ok: false;
  status: number;
  code: ErrorCode | 'network' | 'bad_response';
  message: string;
  details?: unknown;
};
export type TApiSuccess<T> = { ok: true; status: number; data: T };
export type TApiResult<T> = TApiSuccess<T> | TApiFailure;

export const NETWORK_FAILURE: TApiFailure = {
  ok: false,
  status: 0,
  code: 'network',
  message: 'Could not reach the server. Check your connection and try again.',
};

/** The API (or the proxy in front of it) is not answering: a banner, not a form error. */
export function isUnavailable(failure: TApiFailure): boolean {
  return failure.status === 0 || failure.status === 502 || failure.status === 503 || failure.status === 504;
}

/**
 * Turns an HTTP answer into a typed result. A 2xx body is parsed with the contract schema (a 204 has none);
 * anything else is read as the API's one error shape, or described when a proxy answered instead.
 */
export async function readResponse<S extends z.ZodType>(response: Response, schema: S | null): Promise<TApiResult<z.output<S>>> {
  const text = await response.text().catch(() => '');
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (response.ok) {
    if (schema === null) return { ok: true, status: response.status, data: undefined as z.output<S> };
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, status: response.status, data: parsed.data };
    return {
      ok: false,
      status: response.status,
      code: 'bad_response',
      message: 'The server answered in a shape this page does not understand. Reload the page to get the latest version.',
      details: parsed.error.issues.slice(0, 5),
    };
  }
  const error = ZErrorResponse.safeParse(body);
  if (error.success) return { ok: false, status: response.status, ...error.data.error };
  return {
    ok: false,
    status: response.status,
    code: response.status >= 500 ? 'service_unavailable' : 'bad_response',
    message:
      response.status >= 500
        ? 'The service is unavailable right now. Please try again in a moment.'
        : `The request failed (HTTP ${response.status}). Please try again.`,
  };
}
