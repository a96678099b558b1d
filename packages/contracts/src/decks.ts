import { z } from 'zod';
import { ZSlug } from './content';
import { ZKindCounts, ZStudyItem, ZStudyKind } from './study';

/** A deck's items counted for me. */
export const ZDeckCounts = z.object({
  /** Items in the deck (retired content excluded). */
  total: z.number().int(),
  /** Never studied. */
  new: z.number().int(),
  /** Due now for me (reviews and learning steps; not suspended or buried). */
  due: z.number().int(),
  learning: z.number().int(),
  review: z.number().int(),
  suspended: z.number().int(),
});
export type TDeckCounts = z.infer<typeof ZDeckCounts>;

export const ZDeckSummary = z.object({
  slug: ZSlug,
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  /** Items per kind. */
  kinds: ZKindCounts,
  counts: ZDeckCounts,
  enrolled: z.boolean(),
  enrolledAt: z.iso.datetime().nullable(),
});
export type TDeckSummary = z.infer<typeof ZDeckSummary>;

/** GET /api/decks */
export const ZDeckListResponse = z.object({ decks: z.array(ZDeckSummary) });
export type TDeckListResponse = z.infer<typeof ZDeckListResponse>;

export const ZDeckParams = z.strictObject({ slug: ZSlug });
export type TDeckParams = z.infer<typeof ZDeckParams>;

/** Filter for a deck's items by my state; `due` = due now. */
export const ZDeckItemStateFilter = z.enum(['new', 'learning', 'review', 'relearning', 'due', 'suspended', 'leech']);

/** GET /api/decks/:slug?q=&tag=&kind=&state=&limit=&offset= */
export const ZDeckItemsQuery = z.strictObject({
  /** Case-insensitive text search in card front/back and problem titles. */
  q: z.string().trim().min(1).max(200).optional(),
  tag: ZSlug.optional(),
  kind: ZStudyKind.optional(),
  state: ZDeckItemStateFilter.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TDeckItemsQuery = z.infer<typeof ZDeckItemsQuery>;

/** A deck and one page of its items in deck order, each with my state. */
export const ZDeckDetailResponse = z.object({
  deck: ZDeckSummary,
  items: z.array(ZStudyItem.extend({ position: z.number().int() })),
  /** Items matching the filter (for pagination). */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Every tag used by the deck's items, for the tag filter. */
  tags: z.array(z.string()),
});
export type TDeckDetailResponse = z.infer<typeof ZDeckDetailResponse>;

/** POST and DELETE /api/decks/:slug/enroll (both idempotent). Unenrolling stops new items and pauses the deck's reviews; history and state are kept, and enrolling again resumes them. */
export const ZEnrollResponse = z.object({ deck: ZDeckSummary });
export type TEnrollResponse = z.infer<typeof ZEnrollResponse>;
