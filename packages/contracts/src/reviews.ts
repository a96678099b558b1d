import { z } from 'zod';
import { ZPracticeLink } from './links';
import { ZItemId, ZItemState, ZLearnerDate, ZMemoryState, ZQueueItem, ZRating, ZReviewSource, ZStudyItem, ZStudyKind } from './study';

const ZInstant = z.iso.datetime();

/** A client-chosen id for one rating, so a retry or a double press applies once (unique per learner). */
export const ZClientReviewId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[\w.:-]+$/, { message: 'must be 8–100 letters, digits, or . _ : -' });

/** GET /api/review/next?limit=N */
export const ZReviewNextQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type TReviewNextQuery = z.infer<typeof ZReviewNextQuery>;

/** What is left to study today, after the daily limits. */
export const ZQueueCounts = z.object({
  new: z.number().int(),
  learning: z.number().int(),
  review: z.number().int(),
});
export type TQueueCounts = z.infer<typeof ZQueueCounts>;

/** The learner's day (timezone + rollover hour) and what has been done against its limits. */
export const ZStudyDay = z.object({
  date: ZLearnerDate,
  startsAt: ZInstant,
  endsAt: ZInstant,
  newStudied: z.number().int(),
  reviewsDone: z.number().int(),
  newLimit: z.number().int().describe('Sum of the per-kind new limits'),
  reviewLimit: z.number().int(),
});
export type TStudyDay = z.infer<typeof ZStudyDay>;

/**
 * The next items, in order: due reviews (lowest retrievability first), then learning steps due now, then new
 * items within today's limits (kinds interleaved). When nothing is left, `items` is empty and `nextDueAt` says when
 * the next item comes due (null when nothing is scheduled).
 */
export const ZReviewNextResponse = z.object({
  items: z.array(ZQueueItem),
  counts: ZQueueCounts,
  day: ZStudyDay,
  nextDueAt: ZInstant.nullable(),
});
export type TReviewNextResponse = z.infer<typeof ZReviewNextResponse>;

/** POST /api/review/:itemId */
export const ZReviewRequest = z.strictObject({
  rating: ZRating,
  /** Time spent on the item; more than an hour is stored as an hour (stats count time spent). */
  durationMs: z.number().int().min(0).max(86_400_000),
  clientReviewId: ZClientReviewId,
});
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

/** One row of an item's history. */
export const ZReviewLogEntry = z.object({
  id: z.uuid(),
  itemId: ZItemId,
  kind: ZStudyKind,
  /** Null for actions without a rating (reset, set-due, known, undo). */
  rating: ZRating.nullable(),
  source: ZReviewSource,
  reviewedAt: ZInstant,
  durationMs: z.number().int().nullable(),
  /** Learner days since the previous review of this item. */
  elapsedDays: z.number().int(),
  /** Learner days until the due time this review set. */
  scheduledDays: z.number().int(),
  /** Reviewed before it was due. */
  early: z.boolean(),
  stateBefore: ZMemoryState,
  stateAfter: ZMemoryState,
  dueBefore: ZInstant.nullable(),
  dueAfter: ZInstant.nullable(),
  stabilityAfter: z.number().nullable(),
  difficultyAfter: z.number().nullable(),
  /** Set when this review was reverted by undo or replaced by an override; it then no longer counts. */
  undoneAt: ZInstant.nullable(),
});
export type TReviewLogEntry = z.infer<typeof ZReviewLogEntry>;

/** The answer to a rating (also replayed verbatim for a repeated clientReviewId). */
export const ZReviewResponse = z.object({
  review: ZReviewLogEntry,
  state: ZItemState,
  /** This rating made the item a leech (8 lapses, then every 4 more): it is tagged and suspended. */
  leech: z.boolean(),
  /** With `leech` on a concept card: the problems that practise it, for the leech notice. Empty otherwise. */
  leechPractice: z.array(ZPracticeLink),
});
export type TReviewResponse = z.infer<typeof ZReviewResponse>;

/** POST /api/review/undo: without `reviewId`, reverts my latest review; with it, that review (if still the latest of its item). */
export const ZUndoRequest = z.strictObject({ reviewId: z.uuid().optional() });
export type TUndoRequest = z.infer<typeof ZUndoRequest>;

export const ZUndoResponse = z.object({
  /** The review that was reverted, now with `undoneAt`. */
  undone: ZReviewLogEntry,
  /** The item's state, back to what it was before that review. */
  state: ZItemState,
  /** The item with fresh previews, so a review session can show it again at once (null when it is retired). */
  item: ZQueueItem.nullable(),
});
export type TUndoResponse = z.infer<typeof ZUndoResponse>;

/** POST /api/review/:itemId/override: replace the rating of the problem's latest graded outcome, once. */
export const ZOverrideRequest = z.strictObject({ rating: ZRating, clientReviewId: ZClientReviewId });
export type TOverrideRequest = z.infer<typeof ZOverrideRequest>;

/** GET /api/items/:itemId: the item, my state and its full history (newest first). */
export const ZItemDetailResponse = z.object({ item: ZStudyItem, history: z.array(ZReviewLogEntry) });
export type TItemDetailResponse = z.infer<typeof ZItemDetailResponse>;

/** POST /api/items/:itemId/set-due: due at the start of the learner's day `days` from today (0 = today). */
export const ZSetDueRequest = z.strictObject({ days: z.number().int().min(0).max(36_500) });
export type TSetDueRequest = z.infer<typeof ZSetDueRequest>;

/** POST /api/items/:itemId/known: "I already know this": a new item starts in review, first due `intervalDays` from today. */
export const ZKnownRequest = z.strictObject({ intervalDays: z.number().int().min(1).max(36_500) });
export type TKnownRequest = z.infer<typeof ZKnownRequest>;

/** POST /api/items/:itemId/reset: forget the item; it becomes new again (history kept). */
export const ZResetRequest = z.strictObject({
  /** Also zero reps and lapses (Anki's "reset repetition and lapse counts"). */
  resetCounts: z.boolean().default(false),
});
export type TResetRequest = z.infer<typeof ZResetRequest>;

/** Every item action answers the item's new state. */
export const ZItemActionResponse = z.object({ state: ZItemState });
export type TItemActionResponse = z.infer<typeof ZItemActionResponse>;
