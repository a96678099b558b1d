import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  ZAdminCardDetail,
  ZAdminCardParams,
  ZAdminCardVersionParams,
  ZAdminDeckDetail,
  ZAdminDeckListQuery,
  ZAdminDeckListResponse,
  ZAdminDeckParams,
  ZCreateCardRequest,
  ZCreateDeckRequest,
  ZDeleteCardResponse,
  ZForkDeckRequest,
  ZImportCardsRequest,
  ZImportCardsResponse,
  ZImportDeckRequest,
  ZImportDeckResponse,
  ZUpdateCardRequest,
  ZUpdateDeckRequest,
} from './admin-decks';
import { ZErrorResponse } from './errors';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);
const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const adminOnly = {
  401: error('`unauthenticated`: not signed in'),
  403: error('`forbidden`: signed in, but not an admin (or a mutating request from another origin: `csrf_rejected`)'),
};
const badInput = (what: string) => ({ 400: error(`\`validation_failed\`: \`details\` names each bad field (${what})`) });
const noDeck = { 404: error('`not_found`: no deck has this slug') };
const noCard = { 404: error('`not_found`: no card has this id') };
const builtIn = {
  409: error('`conflict`: built-in content is read-only (edit packages/problems), or the change conflicts (e.g. a slug or id taken)'),
};

/** Admin curation of decks and concept cards. */
export function registerAdminDeckPaths(registry: OpenAPIRegistry): void {
  const tags = ['admin'];
  const deck = { params: ZAdminDeckParams };
  const card = { params: ZAdminCardParams };
  registry.registerPath({
    method: 'get',
    path: '/admin/decks',
    tags,
    summary: 'List decks, built-in and authored, in every status; search by slug or title',
    request: { query: ZAdminDeckListQuery },
    responses: { 200: json(ZAdminDeckListResponse, 'One page of decks'), ...badInput('e.g. `query.status`'), ...adminOnly },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/decks',
    tags,
    summary: 'Create an authored deck, as a draft; audit-logged',
    request: { body: body(ZCreateDeckRequest) },
    responses: {
      201: json(ZAdminDeckDetail, 'The new deck'),
      ...badInput('e.g. `body.slug`'),
      ...adminOnly,
      409: error('`conflict`: a deck has this slug'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/decks/import',
    tags,
    summary: 'Import a deck zip (packages/problems layout) as an authored draft deck; nothing in it is run',
    description:
      'The zip is sent base64 in JSON (so the request keeps the same-origin rule of every mutating route); this route alone accepts a body up to ~11 MB. Problems of the zip are reported in `skippedProblems` until authored problems can be stored.',
    request: { body: body(ZImportDeckRequest) },
    responses: {
      201: json(ZImportDeckResponse, 'The imported deck (draft), and the problems not imported'),
      ...badInput('a bad archive or content: `details` lists each issue, `path` = `file:line`'),
      ...adminOnly,
      409: error('`conflict`: the deck slug or a card id is taken'),
      413: error('`payload_too_large`: the body is over the limit'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/decks/{slug}',
    tags,
    summary: 'A deck with its items in order, its topics and its cards',
    request: deck,
    responses: { 200: json(ZAdminDeckDetail, 'The deck'), ...badInput('`params.slug`'), ...adminOnly, ...noDeck },
  });
  registry.registerPath({
    method: 'patch',
    path: '/admin/decks/{slug}',
    tags,
    summary: 'Edit an authored deck: title, description, tags, order of items (cards and problems), topic titles; audit-logged',
    request: { ...deck, body: body(ZUpdateDeckRequest) },
    responses: {
      200: json(ZAdminDeckDetail, 'The deck as it is now (a published deck shows the new order to learners at once)'),
      ...badInput("e.g. `body.items` missing one of the deck's cards, or naming an unknown problem"),
      ...adminOnly,
      ...noDeck,
      ...builtIn,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/admin/decks/{slug}',
    tags,
    summary: 'Delete an authored deck that was never published (with its cards); a published one can only be archived',
    request: deck,
    responses: {
      204: { description: 'Deleted' },
      ...adminOnly,
      ...noDeck,
      409: error('`conflict`: built-in, or it was published once (archive it instead)'),
    },
  });
  for (const [verb, summary] of [
    ['publish', 'Publish an authored deck and its draft cards: learners see it and can enroll'],
    ['unpublish', 'Back to draft: learners no longer see it (their progress is kept)'],
    ['archive', 'Archive: hidden from learners, progress kept; publish again to bring it back'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/admin/decks/{slug}/${verb}`,
      tags,
      summary: `${summary}; audit-logged`,
      request: deck,
      responses: { 200: json(ZAdminDeckDetail, 'The deck as it is now'), ...adminOnly, ...noDeck, ...builtIn },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/admin/decks/{slug}/fork',
    tags,
    summary: 'Fork a deck (built-in or authored) into a new authored draft: cards copied under new ids, problems linked; audit-logged',
    request: { ...deck, body: body(ZForkDeckRequest) },
    responses: {
      201: json(ZAdminDeckDetail, 'The new deck'),
      ...badInput('e.g. `body.slug`'),
      ...adminOnly,
      ...noDeck,
      409: error('`conflict`: a deck has the new slug, or a copied card id is taken'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/decks/{slug}/export.zip',
    tags,
    summary: 'The deck as a zip in the packages/problems layout (passes content:lint; import it back, or commit it)',
    request: deck,
    responses: {
      200: { description: 'application/zip', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
      ...adminOnly,
      ...noDeck,
      409: error('`conflict`: an item cannot be written in the file layout (e.g. a problem with a custom checker)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/decks/{slug}/export.apkg',
    tags,
    summary: "The deck's concept cards as an Anki package (.apkg), math as MathJax",
    request: deck,
    responses: {
      200: {
        description: 'application/octet-stream (.apkg)',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      ...adminOnly,
      ...noDeck,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/decks/{slug}/cards',
    tags,
    summary: 'Add a card at the end of an authored deck (a draft until the deck is next published); audit-logged',
    request: { ...deck, body: body(ZCreateCardRequest) },
    responses: { 201: json(ZAdminCardDetail, 'The new card'), ...badInput('e.g. `body.front`'), ...adminOnly, ...noDeck, ...builtIn },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/decks/{slug}/cards/import',
    tags,
    summary: 'Bulk import cards from CSV or Markdown: preview with near-duplicate warnings, then confirm (skipping some)',
    request: { ...deck, body: body(ZImportCardsRequest) },
    responses: {
      200: json(ZImportCardsResponse, 'The preview, or what was created'),
      ...badInput('e.g. a CSV row without a back: `details` names the line'),
      ...adminOnly,
      ...noDeck,
      ...builtIn,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/cards/{id}',
    tags,
    summary: 'A card and its versions, newest first',
    request: card,
    responses: { 200: json(ZAdminCardDetail, 'The card'), ...badInput('`params.id`'), ...adminOnly, ...noCard },
  });
  registry.registerPath({
    method: 'patch',
    path: '/admin/cards/{id}',
    tags,
    summary: "Edit a card (a new version; learners' progress stays with the card); audit-logged with before and after",
    request: { ...card, body: body(ZUpdateCardRequest) },
    responses: {
      200: json(ZAdminCardDetail, 'The card as it is now'),
      ...badInput('e.g. `body.front`'),
      ...adminOnly,
      ...noCard,
      ...builtIn,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/admin/cards/{id}',
    tags,
    summary: 'Remove a card: deleted if never published, else archived (progress kept); audit-logged',
    request: card,
    responses: { 200: json(ZDeleteCardResponse, 'What happened, and the deck now'), ...adminOnly, ...noCard, ...builtIn },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/cards/{id}/versions/{number}/restore',
    tags,
    summary: 'Restore an old version of a card as a new version (history is never rewritten); audit-logged',
    request: { params: ZAdminCardVersionParams },
    responses: {
      200: json(ZAdminCardDetail, 'The card as it is now'),
      ...badInput('`params.number`'),
      ...adminOnly,
      404: error('`not_found`: no such card or version'),
      ...builtIn,
    },
  });
}
