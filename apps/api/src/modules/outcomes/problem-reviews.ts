import { Injectable } from '@nestjs/common';
import type { TRating, TItemState } from '@prep/contracts';
import type { Db, Tx } from '../prisma/transactions';
import { ReviewsService } from '../study/reviews.service';

export interface RecordOutcomeInput {
  userId: string;
  slug: string;
  rating: TRating;
  /** When the attempt was decided: the review counts at this time. */
  at: Date;
  /** Unique per outcome, so recording it again applies once: the deciding submission's id, else the attempt's. */
  outcomeId: string;
  /** Time spent on the attempt, when known (first opened → the deciding action). */
  durationMs?: number;
}

/**
 * The learner core's scheduling of problems, as the submissions pipeline needs it: the one seam between them.
 * `lockState` and `recordOutcome` run inside the caller's transaction, the one that writes the final verdict, so a
 * retried grade can never record a second review and a rating by hand cannot slip between the read and the write.
 */
export abstract class ProblemReviews {
  /** My scheduling state of each problem studied (problems never studied are absent). */
  abstract statesOf(userId: string, slugs: readonly string[], db?: Db): Promise<Map<string, TItemState>>;
  /** My scheduling state of one live problem (state `new` until first rated). */
  abstract stateOf(userId: string, slug: string): Promise<TItemState>;
  /** The state, locked until `tx` ends; null for a retired or unknown problem (nothing to schedule). */
  abstract lockState(tx: Tx, userId: string, slug: string): Promise<TItemState | null>;
  abstract recordOutcome(tx: Tx, input: RecordOutcomeInput): Promise<{ due: Date | null }>;
}

/** The seam onto the learner core: ReviewsService (study module) reads and writes problem reviews. */
@Injectable()
export class LearnerCoreProblemReviews extends ProblemReviews {
  constructor(private readonly reviews: ReviewsService) {
    super();
  }

  statesOf(userId: string, slugs: readonly string[], db?: Db): Promise<Map<string, TItemState>> {
    return this.reviews.problemStates(userId, slugs, db);
  }

  stateOf(userId: string, slug: string): Promise<TItemState> {
    return this.reviews.problemState(userId, slug);
  }

  lockState(tx: Tx, userId: string, slug: string): Promise<TItemState | null> {
    return this.reviews.lockProblemState(userId, slug, tx);
  }

  async recordOutcome(tx: Tx, input: RecordOutcomeInput): Promise<{ due: Date | null }> {
    const { state } = await this.reviews.recordOutcome(
      {
        userId: input.userId,
        problemSlug: input.slug,
        rating: input.rating,
        outcomeId: input.outcomeId,
        at: input.at,
        ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
      },
      tx,
    );
    return { due: state.due === null ? null : new Date(state.due) };
  }
}

// ── The rules that tie attempts to the scheduler's state (pure) ─────────────────────────────────────────────────

/**
 * Whether work on the problem at `at` answers a review: it was never rated (or was reset), or it is due then. A
 * suspended or retired problem is not studied, so work on it is practice.
 */
export function answersReview(review: TItemState | undefined, at: Date): boolean {
  if (!review) return true;
  if (review.suspended || review.retired) return false;
  if (review.state === 'new' || review.due === null) return true;
  return Date.parse(review.due) <= at.getTime();
}

/**
 * The time of a review that answered the problem while this attempt was open (a rating by hand in a review session,
 * or "I already know this"): that review, not the attempt, rated the due review, so the attempt is over without a
 * rating of its own. Null while nothing reviewed the problem since the attempt started. An undecided attempt is the
 * problem's only one, and outcomes are recorded together with their attempt's decision, so any later review
 * came from elsewhere.
 */
export function reviewedDuring(attempt: { createdAt: Date; decidedAt: Date | null }, review: TItemState | null | undefined): Date | null {
  if (attempt.decidedAt !== null || !review?.lastReviewedAt) return null;
  const at = new Date(review.lastReviewedAt);
  return at.getTime() >= attempt.createdAt.getTime() ? at : null;
}

/**
 * Whether a new attempt starts after `last`: there is none, or `last` is over and the problem's review is open again.
 * Whatever ended `last` (its own rating, a review by hand, or a practice solve while nothing was due) left the
 * problem not due, so a due review now is a later one (or that review by hand was undone, reopening it). `review`
 * must be read after `last`, so that it reflects the decision.
 */
export function startsNewAttempt(last: { decidedAt: Date | null } | null, review: TItemState | undefined, now: Date): boolean {
  if (!last) return true;
  return last.decidedAt !== null && answersReview(review, now);
}
