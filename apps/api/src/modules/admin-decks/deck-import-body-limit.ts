import type { FastifyInstance } from 'fastify';
import { MAX_DECK_ZIP_BYTES } from '@prep/contracts';

/** The deck zip import path: its JSON body carries a base64 zip, so it alone may exceed the app-wide body limit. */
export const DECK_IMPORT_PATH = '/api/admin/decks/import';

/** Base64 grows the zip by 4/3; the rest of the JSON is a few bytes. */
export const DECK_IMPORT_BODY_LIMIT = Math.ceil(MAX_DECK_ZIP_BYTES / 3) * 4 + 1024;

/** Raises the body limit of the deck import route only (call before the routes are registered). */
export function registerDeckImportBodyLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url === DECK_IMPORT_PATH && [route.method].flat().includes('POST')) route.bodyLimit = DECK_IMPORT_BODY_LIMIT;
  });
}
