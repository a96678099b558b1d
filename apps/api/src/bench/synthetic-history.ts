import { FSRSAlgorithm, type Grade, Rating } from 'ts-fsrs';
import type { TRating } from '@prep/contracts';

/** A small seeded PRNG (mulberry32), so a synthetic history is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticReview {
  item: number;
  /** Learner day of the review, counted from day 0. */
  day: number;
  rating: TRating;
  elapsedDays: number;
  first: boolean;
}

export interface SyntheticItemState {
  item: number;
  stability: number;
  difficulty: number;
  lastDay: number;
  nextDay: number;
  reps: number;
  lapses: number;
}

const RATINGS: Record<Grade, TRating> = { [Rating.Again]: 'again', [Rating.Hard]: 'hard', [Rating.Good]: 'good', [Rating.Easy]: 'easy' };

/**
 * Reviews of a learner whose memory follows FSRS with `weights`: each item's first rating is drawn at random, then it
 * is reviewed at a jittered interval around its stability, recalled with the probability FSRS gives at that delay, and
 * rated `again` when forgotten (else hard, good or easy). Used to test the optimizer against known parameters and to
 * seed the review benchmark.
 */
export function syntheticHistory(options: {
  items: number;
  reviewsPerItem: number;
  weights: readonly number[];
  seed: number;
  /** First reviews are spread over this many days. */
  spreadDays?: number;
}): { reviews: SyntheticReview[]; states: SyntheticItemState[] } {
  const random = seededRandom(options.seed);
  const memory = new FSRSAlgorithm({ w: [...options.weights] });
  const reviews: SyntheticReview[] = [];
  const states: SyntheticItemState[] = [];
  const pick = (): Grade => {
    const x = random();
    return x < 0.2 ? Rating.Again : x < 0.35 ? Rating.Hard : x < 0.85 ? Rating.Good : Rating.Easy;
  };
  for (let item = 0; item < options.items; item++) {
    let day = Math.floor(random() * (options.spreadDays ?? 60));
    let grade = pick();
    let state = memory.next_state(null, 0, grade);
    let lapses = 0;
    reviews.push({ item, day, rating: RATINGS[grade], elapsedDays: 0, first: true });
    let nextDay = day;
    for (let n = 1; n < options.reviewsPerItem; n++) {
      const elapsed = Math.max(1, Math.round(state.stability * (0.3 + 1.7 * random())));
      const recalled = random() < memory.forgetting_curve(elapsed, state.stability);
      const x = random();
      grade = !recalled ? Rating.Again : x < 0.15 ? Rating.Hard : x < 0.85 ? Rating.Good : Rating.Easy;
      if (grade === Rating.Again) lapses++;
      day += elapsed;
      state = memory.next_state(state, elapsed, grade);
      reviews.push({ item, day, rating: RATINGS[grade], elapsedDays: elapsed, first: false });
      nextDay = day + Math.max(1, Math.round(state.stability));
    }
    states.push({
      item,
      stability: state.stability,
      difficulty: state.difficulty,
      lastDay: day,
      nextDay,
      reps: options.reviewsPerItem,
      lapses,
    });
  }
  return { reviews, states };
}

/** Review-log rows for a synthetic history, as ratings in review sessions would have written them. */
export function syntheticLogRows(
  reviews: SyntheticReview[],
  userId: string,
  refIdOf: (item: number) => string,
  reviewedAtOf: (review: SyntheticReview) => Date,
) {
  return reviews.map((r) => ({
    userId,
    kind: 'card' as const,
    refId: refIdOf(r.item),
    rating: r.rating,
    source: 'review' as const,
    reviewedAt: reviewedAtOf(r),
    durationMs: 8_000,
    elapsedDays: r.elapsedDays,
    scheduledDays: 0,
    stateBefore: r.first ? ('new' as const) : ('review' as const),
    stateAfter: 'review' as const,
    before: {},
    after: {},
  }));
}
