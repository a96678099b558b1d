import { Injectable } from '@nestjs/common';
import type { TLabOutcome } from '@prep/contracts';
import { Clock } from '../../common/clock';
import type { Tx } from '../prisma/transactions';
import { ReviewsService } from '../study/reviews.service';
import { answersReview } from './problem-reviews';
import { ratingForAcceptedLab } from './rating';

/** The accepted lab submission whose verdict is being stored. */
export interface AcceptedLabSubmission {
  id: string;
  userId: string;
  labSlug: string;
  createdAt: Date;
}

/**
 * Lab submissions → the learner core's schedule of `lab:<slug>` (LAB_OUTCOME_RATING_RULE), through the same
 * `recordOutcome` as problems, in the transaction that stores the verdict: a redelivered result finds the submission
 * done and never gets here, and the review's clientReviewId (`outcome:<submission id>`) applies once regardless.
 */
@Injectable()
export class LabOutcomesService {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly clock: Clock,
  ) {}

  /** Rates the lab if this accepted submission answers its review; returns what it recorded (null: practice). */
  async decideAccepted(
    tx: Tx,
    submission: AcceptedLabSubmission,
    failedSince: (since: Date | null) => Promise<number>,
  ): Promise<TLabOutcome | null> {
    // Locks the lab's state row (created as new for a lab never studied): a rating by hand waits for this.
    const state = await this.reviews.lockProblemState(submission.userId, submission.labSlug, tx, 'lab');
    if (!state || !answersReview(state, submission.createdAt)) return null;
    const since = state.lastReviewedAt ? new Date(state.lastReviewedAt) : null;
    const rating = ratingForAcceptedLab(await failedSince(since));
    const at = this.clock.now();
    const response = await this.reviews.recordOutcome(
      { userId: submission.userId, kind: 'lab', problemSlug: submission.labSlug, rating, outcomeId: submission.id, at },
      tx,
    );
    return { rating, decidedAt: at.toISOString(), due: response.state.due };
  }
}
