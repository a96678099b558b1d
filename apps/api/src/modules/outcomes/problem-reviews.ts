import { Injectable } from '@nestjs/common';
import type { TRating, TItemState } from '@prep/contracts';
import type { Db, Tx } from '../prisma/transactions';

export interface RecordOutcomeInput {
  userId: string;
  slug: string;
  rating: TRating;
  at: Date;
  /** The attempt it rates (for the log). */
  attemptId: string;
  /** Unique per outcome, so recording it again applies once: the deciding submission's id, else the attempt's. */
  outcomeId: string;
  /** Time spent on the attempt, when known (first opened → the deciding action). */
  durationMs?: number;
}

/**
 * The learner core's scheduling of problems, as the submissions pipeline needs it: the one seam between them.
 * `recordOutcome` runs inside the caller's transaction, the one that writes the final verdict, so a retried
 * grade can never record a second review.
 */
export abstract class ProblemReviews {
  /** My scheduling state of each problem studied (problems never studied are absent). */
  abstract statesOf(userId: string, slugs: readonly string[], db?: Db): Promise<Map<string, TItemState>>;
  abstract recordOutcome(tx: Tx, input: RecordOutcomeInput): Promise<{ due: Date | null }>;
}

/** Due for review now, or never rated: an attempt at it rates the problem. */
export function answersReview(review: TItemState | undefined, at: Date): boolean {
  if (!review || review.state === 'new' || review.due === null) return true;
  return Date.parse(review.due) <= at.getTime();
}

/**
 * Whether a decided attempt is followed by a new one: the problem came due again after the decision (its due time
 * was set after the decision, and has passed), or it was reset to new after the scheduler had scheduled it. A
 * problem the scheduler never scheduled after the decision stays in practice.
 */
export function dueAgainAfter(review: TItemState | undefined, decided: { decidedAt: Date; outcomeDue: Date | null }, at: Date): boolean {
  if (!review || review.state === 'new' || review.due === null) return decided.outcomeDue !== null;
  const due = Date.parse(review.due);
  return due > decided.decidedAt.getTime() && due <= at.getTime();
}

/**
 * Until the learner core lands in main: every problem reads as never studied and nothing is scheduled.
 * @todo replace with the learner core's service (one provider in OutcomesModule).
 */
@Injectable()
export class UnwiredProblemReviews extends ProblemReviews {
  async statesOf(): Promise<Map<string, TItemState>> {
    return new Map();
  }

  async recordOutcome(): Promise<{ due: Date | null }> {
    return { due: null };
  }
}
