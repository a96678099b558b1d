import { z } from 'zod';
import { ZFieldIssue } from './errors';
import { ZSlug } from './content';

/**
 * Admin curation of decks and concept cards: /api/admin/decks and /api/admin/cards (admins only).
 *
 * Built-in decks (synced from packages/problems) are read-only here; authored decks live in the database. A deck is
 * `draft` (invisible to learners, cannot be enrolled), `published` or `archived` (hidden from learners, progress kept).
 * Publishing a deck publishes its draft cards too; learners then see exactly its published, non-archived items in the
 * deck's order. Editing a card's text takes effect at once and records a new version (its learners' scheduling state
 * stays with the card id); restoring an old version records another new version, so history is never rewritten.
 */

const ZInstant = z.iso.datetime();

export const ZContentSource = z.enum(['builtin', 'authored']);
export type TContentSource = z.infer<typeof ZContentSource>;

export const ZContentStatus = z.enum(['draft', 'published', 'archived']);
export type TContentStatus = z.infer<typeof ZContentStatus>;

/** Audit actions of deck and card curation. */
export const DeckAuditAction = {
  DeckCreated: 'deck.created',
  DeckUpdated: 'deck.updated',
  DeckPublished: 'deck.published',
  DeckUnpublished: 'deck.unpublished',
  DeckArchived: 'deck.archived',
  DeckDeleted: 'deck.deleted',
  DeckImported: 'deck.imported',
  DeckForked: 'deck.forked',
  CardCreated: 'card.created',
  CardUpdated: 'card.updated',
  CardRestored: 'card.restored',
  CardArchived: 'card.archived',
  CardDeleted: 'card.deleted',
  CardsImported: 'deck.cards_imported',
} as const;
export type DeckAuditAction = (typeof DeckAuditAction)[keyof typeof DeckAuditAction];

const ZTags = z
  .array(ZSlug)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

/** One line of Markdown (a card's front is a `## ` heading in the file format). */
const ZCardFront = z
  .string()
  .trim()
  .min(1)
  .max(1_000)
  .regex(/^[^\r\n]*$/, { message: 'must be one line' })
  .describe('Markdown with KaTeX math, one line');
const ZCardBack = z.string().trim().min(1).max(20_000).describe('Markdown with KaTeX math');
const ZDeckTitle = z.string().trim().min(3).max(120);
const ZDeckDescription = z.string().trim().min(10).max(2_000);

/** An item of a deck, in order: a concept card (by id) or a problem (by slug). */
export const ZAdminDeckItemRef = z.strictObject({ kind: z.enum(['card', 'problem']), ref: ZSlug });
export type TAdminDeckItemRef = z.infer<typeof ZAdminDeckItemRef>;

/** A card topic of a deck (a card file in the packages/problems layout): cards of one topic are exported together. */
export const ZAdminDeckTopic = z.strictObject({ slug: ZSlug, title: z.string().trim().min(3).max(120) });
export type TAdminDeckTopic = z.infer<typeof ZAdminDeckTopic>;

export const ZAdminCard = z.object({
  id: ZSlug,
  deck: ZSlug,
  topic: ZSlug,
  front: z.string(),
  back: z.string(),
  tags: z.array(z.string()),
  /** Its content version as in the file format (kept on export). */
  version: z.number().int(),
  /** The number of its latest saved version in the history (0 for built-in cards, which have none). */
  revision: z.number().int(),
  source: ZContentSource,
  status: ZContentStatus,
  /** False for built-in cards (edit the files in packages/problems instead). */
  editable: z.boolean(),
  updatedAt: ZInstant,
});
export type TAdminCard = z.infer<typeof ZAdminCard>;

export const ZAdminDeckSummary = z.object({
  slug: ZSlug,
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  source: ZContentSource,
  status: ZContentStatus,
  /** False for built-in decks. */
  editable: z.boolean(),
  /** Items per kind (all statuses). */
  cards: z.number().int(),
  problems: z.number().int(),
  /** Learners enrolled in it. */
  enrolled: z.number().int(),
  publishedAt: ZInstant.nullable(),
  updatedAt: ZInstant,
});
export type TAdminDeckSummary = z.infer<typeof ZAdminDeckSummary>;

/** GET /api/admin/decks?q=&source=&status=&limit=&offset= : by title. */
export const ZAdminDeckListQuery = z.strictObject({
  /** Case-insensitive substring of the slug or the title. */
  q: z.string().trim().min(1).max(200).optional(),
  source: ZContentSource.optional(),
  status: ZContentStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TAdminDeckListQuery = z.infer<typeof ZAdminDeckListQuery>;

export const ZAdminDeckListResponse = z.object({ decks: z.array(ZAdminDeckSummary), total: z.number().int() });
export type TAdminDeckListResponse = z.infer<typeof ZAdminDeckListResponse>;

/** An item of a deck as the admin sees it. */
export const ZAdminDeckItem = ZAdminDeckItemRef.extend({
  /** A card's front or a problem's title. */
  title: z.string(),
  status: ZContentStatus,
  /** Shown to learners now (the deck is published and the item is published and not archived). */
  live: z.boolean(),
});
export type TAdminDeckItem = z.infer<typeof ZAdminDeckItem>;

/** GET /api/admin/decks/:slug (and the answer of every deck change). */
export const ZAdminDeckDetail = z.object({
  deck: ZAdminDeckSummary,
  /** In deck order. */
  items: z.array(ZAdminDeckItem),
  topics: z.array(ZAdminDeckTopic),
  /** The deck's cards (archived ones included), in deck order. */
  cards: z.array(ZAdminCard),
});
export type TAdminDeckDetail = z.infer<typeof ZAdminDeckDetail>;

export const ZAdminDeckParams = z.strictObject({ slug: ZSlug });
export type TAdminDeckParams = z.infer<typeof ZAdminDeckParams>;

/** POST /api/admin/decks : a new authored deck, as a draft. */
export const ZCreateDeckRequest = z.strictObject({
  slug: ZSlug,
  title: ZDeckTitle,
  description: ZDeckDescription,
  tags: ZTags.default([]),
});
export type TCreateDeckRequest = z.infer<typeof ZCreateDeckRequest>;

/**
 * PATCH /api/admin/decks/:slug (authored decks only). `items` is the whole new order: it must hold every card of the
 * deck exactly once (remove a card with DELETE /api/admin/cards/:id) and may add or remove problems by slug.
 */
export const ZUpdateDeckRequest = z
  .strictObject({
    title: ZDeckTitle.optional(),
    description: ZDeckDescription.optional(),
    tags: ZTags.optional(),
    items: z.array(ZAdminDeckItemRef).max(2_000).optional(),
    /** Titles of card topics (a topic not named keeps its title). */
    topics: z.array(ZAdminDeckTopic).max(200).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });
export type TUpdateDeckRequest = z.infer<typeof ZUpdateDeckRequest>;

/**
 * POST /api/admin/decks/:slug/fork : an editable copy of a deck (built-in or authored) as a new authored draft. Its cards
 * are copied under new ids (`<new slug>-<old id>`, shortened if needed); its problems are linked, not copied. Learners'
 * progress stays with the original.
 */
export const ZForkDeckRequest = z.strictObject({ slug: ZSlug, title: ZDeckTitle.optional() });
export type TForkDeckRequest = z.infer<typeof ZForkDeckRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Cards

export const ZAdminCardParams = z.strictObject({ id: ZSlug });
export type TAdminCardParams = z.infer<typeof ZAdminCardParams>;

/** POST /api/admin/decks/:slug/cards : a new card at the end of the deck (a draft until the deck is next published). */
export const ZCreateCardRequest = z.strictObject({
  /** Its stable id (learners' progress keys on it); made from the front when left out. Card ids are global. */
  id: ZSlug.optional(),
  /** The card's topic within the deck; made from the title, or `cards` when left out. */
  topic: ZSlug.default('cards'),
  front: ZCardFront,
  back: ZCardBack,
  tags: ZTags.default([]),
});
export type TCreateCardRequest = z.infer<typeof ZCreateCardRequest>;

/** PATCH /api/admin/cards/:id : a new version of the card (live at once when the card is published). */
export const ZUpdateCardRequest = z
  .strictObject({ front: ZCardFront.optional(), back: ZCardBack.optional(), tags: ZTags.optional(), topic: ZSlug.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });
export type TUpdateCardRequest = z.infer<typeof ZUpdateCardRequest>;

export const ZAdminCardVersion = z.object({
  number: z.number().int(),
  front: z.string(),
  back: z.string(),
  tags: z.array(z.string()),
  topic: z.string(),
  createdAt: ZInstant,
  /** The email of the admin who made it. */
  createdBy: z.string().nullable(),
  /** Set on versions made by a restore: the version restored. */
  restoredFrom: z.number().int().nullable(),
});
export type TAdminCardVersion = z.infer<typeof ZAdminCardVersion>;

/** GET /api/admin/cards/:id : the card and its versions, newest first (diff two with any line diff). */
export const ZAdminCardDetail = z.object({ card: ZAdminCard, versions: z.array(ZAdminCardVersion) });
export type TAdminCardDetail = z.infer<typeof ZAdminCardDetail>;

export const ZAdminCardVersionParams = z.strictObject({ id: ZSlug, number: z.coerce.number().int().min(1) });
export type TAdminCardVersionParams = z.infer<typeof ZAdminCardVersionParams>;

/** DELETE /api/admin/cards/:id : a card never published is deleted; a published one is archived (progress kept). */
export const ZDeleteCardResponse = z.object({ outcome: z.enum(['deleted', 'archived']), deck: ZAdminDeckDetail });
export type TDeleteCardResponse = z.infer<typeof ZDeleteCardResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Bulk import of cards

/**
 * POST /api/admin/decks/:slug/cards/import. Without `confirm` nothing is written: the answer previews the parsed cards
 * and the suspected near-duplicates. With `confirm: true` every card is created except those whose index is in
 * `skip` (the admin's choice among the duplicates).
 *
 * - `csv`: a header row, then one card per row; columns `front`, `back` (required), `tags` (separated by spaces, commas
 *   or semicolons), `topic`, `id` (optional). RFC 4180 quoting (a back may span lines inside quotes).
 * - `markdown`: a card file of packages/problems (frontmatter `title`, `tags`; one card per `## ` heading with a
 *   `<!-- id: ...; tags: ... -->` line under it). Its topic is `topic`, or the frontmatter title made a slug.
 */
export const ZImportCardsRequest = z.strictObject({
  format: z.enum(['csv', 'markdown']),
  text: z
    .string()
    .min(1)
    .max(2 * 1024 * 1024),
  /** Topic for cards that do not name one. */
  topic: ZSlug.optional(),
  confirm: z.boolean().default(false),
  /** Indexes (into `cards` of the preview) not to create. */
  skip: z.array(z.number().int().min(0)).max(5_000).default([]),
});
export type TImportCardsRequest = z.infer<typeof ZImportCardsRequest>;

export const ZImportedCard = z.object({
  index: z.number().int(),
  id: ZSlug,
  topic: ZSlug,
  front: z.string(),
  back: z.string(),
  tags: z.array(z.string()),
});
export type TImportedCard = z.infer<typeof ZImportedCard>;

/** A card of the import that looks like another (same text once case, punctuation, Markdown and spacing are ignored, or nearly). */
export const ZSuspectedDuplicate = z.object({
  /** Index of the imported card. */
  index: z.number().int(),
  /** What it resembles: a card already in the deck (by id), or an earlier card of the same import (by index). */
  similarTo: z.union([
    z.object({ kind: z.literal('existing'), id: ZSlug, front: z.string() }),
    z.object({ kind: z.literal('import'), index: z.number().int(), front: z.string() }),
  ]),
  /** 0..1, 1 = the same normalized text. */
  similarity: z.number(),
});
export type TSuspectedDuplicate = z.infer<typeof ZSuspectedDuplicate>;

export const ZImportCardsResponse = z.object({
  /** False for a preview. */
  applied: z.boolean(),
  cards: z.array(ZImportedCard),
  duplicates: z.array(ZSuspectedDuplicate),
  /** Indexes created (when applied) and skipped. */
  created: z.array(z.number().int()),
  skipped: z.array(z.number().int()),
  /** The deck after the import (when applied). */
  deck: ZAdminDeckDetail.nullable(),
});
export type TImportCardsResponse = z.infer<typeof ZImportCardsResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Deck zip import and export

/** Largest deck zip accepted by POST /api/admin/decks/import (before base64). */
export const MAX_DECK_ZIP_BYTES = 8 * 1024 * 1024;

/** POST /api/admin/decks/import : a deck zip in the packages/problems layout becomes an authored draft deck. */
export const ZImportDeckRequest = z.strictObject({
  zipBase64: z
    .string()
    .min(4)
    .max(Math.ceil(MAX_DECK_ZIP_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
});
export type TImportDeckRequest = z.infer<typeof ZImportDeckRequest>;

export const ZImportDeckResponse = z.object({
  deck: ZAdminDeckDetail,
  /** Problems of the zip that were not created, and why (e.g. authored problems are not stored yet). */
  skippedProblems: z.array(z.object({ slug: ZSlug, reason: z.string() })),
});
export type TImportDeckResponse = z.infer<typeof ZImportDeckResponse>;

/** `details` of a 400 for a zip that is not a valid deck: one issue per problem, `path` = `file:line`. */
export const ZDeckImportIssues = z.array(ZFieldIssue);
