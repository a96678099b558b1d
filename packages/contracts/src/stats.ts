import { z } from 'zod';
import { ZSlug } from './content';
import { ZKindCounts, ZLearnerDate } from './study';

/** Items by memory state (plus suspended and leech, which overlap the states). */
export const ZStateCounts = z.object({
  new: z.number().int(),
  learning: z.number().int(),
  review: z.number().int(),
  relearning: z.number().int(),
  suspended: z.number().int(),
  leech: z.number().int(),
});
export type TStateCounts = z.infer<typeof ZStateCounts>;

/** True retention: share of reviews of items in review state that were rated above `again`. Null with no reviews. */
export const ZRetention = z.object({ rate: z.number().nullable(), reviews: z.number().int(), passed: z.number().int() });
export type TRetention = z.infer<typeof ZRetention>;

/** GET /api/stats. Every day is a learner day (timezone + rollover hour); undone reviews do not count. */
export const ZStatsResponse = z.object({
  today: z.object({
    date: ZLearnerDate,
    /** Due by the end of today (overdue included), by kind. */
    due: ZKindCounts,
    /**
     * Due now, by kind: what the review queue shows at this moment (due reviews within what is left of today's review
     * limit, and learning steps due); new items not counted. The count of the page title and of review reminders.
     */
    dueNow: ZKindCounts,
    /** New items the queue offers today: those available within what is left of today's new-item limits. */
    newToday: ZKindCounts,
    /** New items available in enrolled decks (before the daily limit). */
    newAvailable: ZKindCounts,
    reviews: z.number().int(),
    newStudied: z.number().int(),
    timeMs: z.number().int(),
  }),
  nextDueAt: z.iso.datetime().nullable(),
  /** 30 entries from today: items due on each day (today includes overdue). */
  forecast: z.array(z.object({ date: ZLearnerDate, due: ZKindCounts })),
  /** 365 entries ending today: reviews per day (heatmap). */
  heatmap: z.array(z.object({ date: ZLearnerDate, reviews: z.number().int() })),
  streak: z.object({
    /** Consecutive days with a review, ending today (or yesterday when today has none yet). */
    current: z.number().int(),
    longest: z.number().int(),
  }),
  retention: z.object({ last7: ZRetention, last30: ZRetention, last365: ZRetention }),
  counts: z.object({ card: ZStateCounts, problem: ZStateCounts, lab: ZStateCounts, total: ZStateCounts }),
  decks: z.array(
    z.object({
      slug: ZSlug,
      title: z.string(),
      enrolled: z.boolean(),
      total: z.number().int(),
      studied: z.number().int(),
      /** Items whose interval is at least 21 days. */
      mature: z.number().int(),
      dueToday: z.number().int(),
    }),
  ),
  time: z.object({ todayMs: z.number().int(), last7Ms: z.number().int(), last30Ms: z.number().int(), totalMs: z.number().int() }),
  totals: z.object({ reviews: z.number().int(), studiedItems: z.number().int() }),
});
export type TStatsResponse = z.infer<typeof ZStatsResponse>;
