import { z } from 'zod';
import { ZDifficulty, ZSlug } from './content';
import { ZLabDevice } from './labs';
import { ZPracticeLink } from './links';

/**
 * Study items: everything a learner schedules. One model and one review log cover every kind.
 * An item id is `<kind>:<stable content id>` (`card:<card id>`, `problem:<slug>`, `lab:<slug>`); it never changes when
 * content is edited or its version bumps, and it exists for every item whether or not the learner has studied it.
 */
export const ZStudyKind = z.enum(['card', 'problem', 'lab']);
export type TStudyKind = z.infer<typeof ZStudyKind>;
export const STUDY_KINDS = ZStudyKind.options;

export const ZItemId = z
  .string()
  .max(100)
  .regex(/^(card|problem|lab):[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be an item id like card:<id>, problem:<slug> or lab:<slug>',
  });
export type TItemId = z.infer<typeof ZItemId>;

export function itemIdOf(kind: TStudyKind, ref: string): TItemId {
  return `${kind}:${ref}`;
}

/** Splits a validated item id into its kind and the content's stable id (card id or slug). */
export function parseItemId(id: TItemId): { kind: TStudyKind; ref: string } {
  const at = id.indexOf(':');
  return { kind: ZStudyKind.parse(id.slice(0, at)), ref: id.slice(at + 1) };
}

export const ZItemIdParams = z.strictObject({ itemId: ZItemId });
export type TItemIdParams = z.infer<typeof ZItemIdParams>;

export const ZRating = z.enum(['again', 'hard', 'good', 'easy']);
export type TRating = z.infer<typeof ZRating>;
export const RATINGS = ZRating.options;

/** FSRS memory state (ts-fsrs `State`). */
export const ZMemoryState = z.enum(['new', 'learning', 'review', 'relearning']);
export type TMemoryState = z.infer<typeof ZMemoryState>;

/**
 * Where a review-log row came from:
 * - `review`: the learner rated the item in a review session (`POST /review/:itemId`);
 * - `outcome`: a graded `submit` of a problem (recordOutcome, from the submissions pipeline);
 * - `override`: the learner replaced an outcome's rating (once per outcome);
 * - `undo`: a review was reverted (the reverted row keeps `undoneAt`);
 * - `reset`, `set-due`, `known`: item actions that change the schedule without a rating.
 */
export const ZReviewSource = z.enum(['review', 'outcome', 'override', 'undo', 'reset', 'set-due', 'known']);
export type TReviewSource = z.infer<typeof ZReviewSource>;

const ZInstant = z.iso.datetime();
/** A calendar day in the learner's timezone, counted from the rollover hour: `YYYY-MM-DD`. */
export const ZLearnerDate = z.iso.date();

/** What a learner needs to see to study an item. */
export const ZStudyContent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('card'),
    cardId: ZSlug,
    deck: ZSlug,
    topic: ZSlug,
    front: z.string().describe('Markdown with KaTeX math'),
    back: z.string().describe('Markdown with KaTeX math'),
    tags: z.array(z.string()),
    /** "Practise it": the live problems that practise this card, in the card's order (empty when none). */
    practice: z.array(ZPracticeLink),
  }),
  z.object({
    kind: z.literal('problem'),
    slug: ZSlug,
    title: z.string(),
    difficulty: ZDifficulty,
    tags: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('lab'),
    slug: ZSlug,
    title: z.string(),
    difficulty: ZDifficulty,
    tags: z.array(z.string()),
    /** Where it can run: `gpu` labs wait for a GPU worker; `cpu`/`any` run on CPU slots too. */
    device: ZLabDevice,
  }),
]);
export type TStudyContent = z.infer<typeof ZStudyContent>;

/** The latest graded outcome of a problem, and whether the learner may still replace its rating (once). */
export const ZOutcomeSummary = z.object({
  reviewId: z.uuid(),
  rating: ZRating,
  reviewedAt: ZInstant,
  overridable: z.boolean().describe('True until it has been overridden once or a later review of the item happened'),
  overriddenBy: ZRating.nullable().describe('The rating that replaced it, when overridden'),
});
export type TOutcomeSummary = z.infer<typeof ZOutcomeSummary>;

/** A learner's scheduling state for one item. New items (never studied) have `state: new` and no due time. */
export const ZItemState = z.object({
  itemId: ZItemId,
  kind: ZStudyKind,
  state: ZMemoryState,
  /** When it is next due; null for a new item. Day intervals are due at the start of the learner's day (rollover hour). */
  due: ZInstant.nullable(),
  /** Due now and would be shown by the queue: not suspended, not buried, not retired. */
  dueNow: z.boolean(),
  suspended: z.boolean(),
  /** Buried until this time (the next rollover), or null. */
  buriedUntil: ZInstant.nullable(),
  leech: z.boolean(),
  /** Content that left the files; kept for history, never shown in the queue. */
  retired: z.boolean(),
  reps: z.number().int(),
  lapses: z.number().int(),
  /** FSRS stability in days (interval at 90% recall); null for a new item. */
  stability: z.number().nullable(),
  /** FSRS difficulty, 1–10; null for a new item. */
  difficulty: z.number().nullable(),
  /** Probability of recall now, 0–1; null for a new item. */
  retrievability: z.number().nullable(),
  scheduledDays: z.number().int(),
  lastReviewedAt: ZInstant.nullable(),
  /** Problems only: the latest graded outcome; null for other kinds or when none was recorded. */
  lastOutcome: ZOutcomeSummary.nullable(),
});
export type TItemState = z.infer<typeof ZItemState>;

/** An item with what to show and my state: deck browsing and item detail. */
export const ZStudyItem = z.object({
  id: ZItemId,
  kind: ZStudyKind,
  content: ZStudyContent,
  state: ZItemState,
});
export type TStudyItem = z.infer<typeof ZStudyItem>;

/** What one rating would do, computed now: for the Again/Hard/Good/Easy buttons. */
export const ZRatingPreview = z.object({
  due: ZInstant,
  state: ZMemoryState,
  /** Learner days until due (0 for a learning step today). */
  days: z.number().int(),
  /** Minutes until due for a same-day learning step, else null. */
  minutes: z.number().int().nullable(),
  /** Anki-style short label: `1m`, `10m`, `1d`, `12d`, `3.2mo`, `1.5y`. */
  label: z.string(),
});
export type TRatingPreview = z.infer<typeof ZRatingPreview>;

export const ZRatingPreviews = z.object({ again: ZRatingPreview, hard: ZRatingPreview, good: ZRatingPreview, easy: ZRatingPreview });
export type TRatingPreviews = z.infer<typeof ZRatingPreviews>;

/** Which queue the item was drawn from. */
export const ZQueueName = z.enum(['review', 'learning', 'new']);
export type TQueueName = z.infer<typeof ZQueueName>;

export const ZQueueItem = ZStudyItem.extend({ queue: ZQueueName, previews: ZRatingPreviews });
export type TQueueItem = z.infer<typeof ZQueueItem>;

/** Per-kind counts; `total` is their sum. */
export const ZKindCounts = z.object({
  card: z.number().int(),
  problem: z.number().int(),
  lab: z.number().int(),
  total: z.number().int(),
});
export type TKindCounts = z.infer<typeof ZKindCounts>;
