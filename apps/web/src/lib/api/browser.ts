import type { z } from 'zod';
import { isUnavailable, NETWORK_FAILURE, readResponse, type TApiResult } from './result';
import { reportReachable } from './status-store';

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The browser's one way to call the API: same-origin /api (proxied by the web server, so the session cookie is
 * first-party and no request leaves the app's origin), JSON in, contract-typed JSON out. Pass `null` as the schema
 * for answers without a body (204).
 */
export async function apiRequest<S extends z.ZodType>(
  method: TMethod,
  path: `/api/${string}`,
  schema: S | null,
  body?: unknown,
  init: { signal?: AbortSignal; keepalive?: boolean } = {},
): Promise<TApiResult<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
      ...init,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    reportReachable(false);
    return NETWORK_FAILURE;
  }
  const result = await readResponse(response, schema);
  reportReachable(result.ok || !isUnavailable(result));
  return result;
}

export const api = {
  get: <S extends z.ZodType>(path: `/api/${string}`, schema: S, init?: { signal?: AbortSignal }) =>
    apiRequest('GET', path, schema, undefined, init),
  post: <S extends z.ZodType>(path: `/api/${string}`, schema: S | null, body: unknown = {}) => apiRequest('POST', path, schema, body),
  put: <S extends z.ZodType>(path: `/api/${string}`, schema: S | null, body: unknown, init?: { keepalive?: boolean }) =>
    apiRequest('PUT', path, schema, body, init),
  delete: <S extends z.ZodType>(path: `/api/${string}`, schema: S | null, body?: unknown) => apiRequest('DELETE', path, schema, body),
};
