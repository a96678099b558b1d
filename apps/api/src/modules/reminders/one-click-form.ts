import type { FastifyInstance } from 'fastify';

/** RFC 8058 allows the one-click POST as multipart/form-data; it only ever carries `List-Unsubscribe=One-Click`. */
const ONE_CLICK_BODY_LIMIT = 4096;

/**
 * Accepts multipart/form-data bodies (small, read and ignored: the token in the URL is what counts). The request guard
 * lets form bodies through only on the signed-link routes; everywhere else they are still refused with 415.
 */
export function registerOneClickFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: ONE_CLICK_BODY_LIMIT }, (_request, _body, done) =>
    done(null, {}),
  );
}
