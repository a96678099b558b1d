import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@prep/contracts';
import { AppError } from './app-error';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie sessions, before any handler runs:
 * - a mutating request that carries a body must be application/json (a cross-site HTML form cannot send that);
 * - a present Origin must be the web app's origin, and browsers' Sec-Fetch-Site must not be cross-site.
 */
export function checkMutatingRequest(request: FastifyRequest, webOrigin: string): AppError | null {
  if (!MUTATING.has(request.method)) return null;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== webOrigin) {
    return new AppError(ErrorCode.CsrfRejected, `Requests from origin ${origin} are not accepted`);
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    return new AppError(ErrorCode.CsrfRejected, 'Cross-site requests are not accepted');
  }
  const length = Number(request.headers['content-length'] ?? 0);
  const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (hasBody && type !== 'application/json') {
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
