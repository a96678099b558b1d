import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@prep/contracts';
import { AppError } from './app-error';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes authorized by a signed token in the URL, never by the session cookie, so there is no session to forge. Mail
 * providers POST them from their own servers, form-encoded (RFC 8058 one-click unsubscribe), so the Origin and
 * JSON-only rules do not apply there; only these body types are.
 */
const SIGNED_LINK_PATHS = new Set(['/api/reminders/unsubscribe']);
const SIGNED_LINK_TYPES = new Set(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']);

function bodyType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * CSRF defence for cookie sessions, before any handler runs:
 * - a mutating request that carries a body must be application/json (a cross-site HTML form cannot send that);
 * - a present Origin must be the web app's origin, and browsers' Sec-Fetch-Site must not be cross-site.
 */
export function checkMutatingRequest(request: FastifyRequest, webOrigin: string): AppError | null {
  if (!MUTATING.has(request.method)) return null;
  if (SIGNED_LINK_PATHS.has(request.url.split('?')[0]!)) {
    const type = bodyType(request);
    return type === '' || SIGNED_LINK_TYPES.has(type)
      ? null
      : new AppError(ErrorCode.UnsupportedMediaType, 'Send a form (List-Unsubscribe=One-Click) or application/json');
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== webOrigin) {
    return new AppError(ErrorCode.CsrfRejected, `Requests from origin ${origin} are not accepted`);
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    return new AppError(ErrorCode.CsrfRejected, 'Cross-site requests are not accepted');
  }
  const length = Number(request.headers['content-length'] ?? 0);
  const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
  if (hasBody && bodyType(request) !== 'application/json') {
    return new AppError(ErrorCode.UnsupportedMediaType, 'Send the request body as application/json');
  }
  return null;
}

export function registerRequestGuard(fastify: FastifyInstance, webOrigin: string): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const error = checkMutatingRequest(request, webOrigin);
    if (error) return reply.status(error.status).send(error.toResponse());
  });
}
