import { Injectable } from '@nestjs/common';
import {
  ATTEMPT_ABANDONED_AFTER_HOURS,
  type TAttempt,
  type TAttemptOutcome,
  type TRating,
  type TOutcomeReason,
  type TItemState,
} from '@prep/contracts';
import { Clock } from '../../common/clock';
import { Transactions, type Tx } from '../prisma/transactions';
import { AttemptsRepository, type AttemptRow } from './attempts.repository';
import { answersReview, dueAgainAfter, ProblemReviews } from './problem-reviews';
import { RATING_WITHOUT_ACCEPTANCE, ratingForAccepted } from './rating';

export interface CurrentAttempt {
  attempt: AttemptRow;
  review: TItemState | undefined;
}

/** The submit whose accepted verdict is being stored. */
export interface AcceptedSubmit {
  id: string;
  userId: string;
  problemSlug: string;
  attemptId: string | null;
  createdAt: Date;
}

export function outcomeOf(attempt: AttemptRow | null): TAttemptOutcome | null {
  if (!attempt?.decidedAt || !attempt.rating || !attempt.outcomeReason) return null;
  return {
    rating: attempt.rating,
    reason: attempt.outcomeReason,
    decidedAt: attempt.decidedAt.toISOString(),
    submissionId: attempt.decidedBySubmissionId,
    due: attempt.outcomeDue?.toISOString() ?? null,
  };
}

/**
 * Attempts and the ratings they turn into (OUTCOME_RATING_RULE in the contracts): the API starts attempts and
 * counts hints and reveals; the worker decides an attempt in the transaction that stores the accepted verdict.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly reviews: ProblemReviews,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * The attempt the learner is in. A new one starts when there is none, or when the last one is over and the problem
   * is due again (or was never rated). `opened`: the learner is looking at the problem (starts the clock for `easy`).
   * The scheduler is asked only when it decides something, or when `withReview` (the problem page shows it).
   */
  async current(userId: string, slug: string, options: { opened: boolean; withReview: boolean }): Promise<CurrentAttempt> {
    const now = this.clock.now();
    const latest = await this.attempts.latest(userId, slug);
    const undecided = latest !== null && latest.decidedAt === null;
    const review = undecided && !options.withReview ? undefined : (await this.reviews.statesOf(userId, [slug])).get(slug);
    const startsNew = (last: AttemptRow | null) =>
      !last || (last.decidedAt !== null && dueAgainAfter(review, { decidedAt: last.decidedAt, outcomeDue: last.outcomeDue }, now));
    if (!startsNew(latest)) {
      if (options.opened && !latest!.openedAt) {
        await this.attempts.markOpened(latest!.id, now);
        latest!.openedAt = now;
      }
      return { attempt: latest!, review };
    }
    const attempt = await this.transactions.run(async (tx) => {
      await this.attempts.lockProblem(tx, userId, slug);
      const again = await this.attempts.latest(userId, slug, tx);
      return startsNew(again) ? this.attempts.create(tx, { userId, problemSlug: slug, now, opened: options.opened }) : again!;
    });
    return { attempt, review };
  }

  async view(current: CurrentAttempt): Promise<TAttempt> {
    const { attempt, review } = current;
    return {
      counts: attempt.decidedAt ? attempt.rating !== null : answersReview(review, this.clock.now()),
      openedAt: attempt.openedAt?.toISOString() ?? null,
      hintsRevealed: attempt.hintsRevealed,
      revealed: attempt.revealedAt !== null,
      failedSubmits: await this.attempts.failedSubmits(attempt.id),
      outcome: outcomeOf(attempt),
    };
  }

  /** Reveals the next of `total` hints in the current attempt; null when all are shown. */
  async revealHint(userId: string, slug: string, total: number): Promise<number | null> {
    const { attempt } = await this.current(userId, slug, { opened: true, withReview: false });
    const revealed = await this.attempts.revealHint(attempt.id, total, this.clock.now());
    return revealed === null ? null : revealed - 1;
  }

  /** Marks the answer revealed; before any accepted submit of a counting attempt, that rates it `again` at once. */
  async reveal(userId: string, slug: string): Promise<{ outcome: TAttemptOutcome | null; current: CurrentAttempt }> {
    const { attempt, review } = await this.current(userId, slug, { opened: true, withReview: true });
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (tx) => {
      await this.attempts.markRevealed(tx, attempt.id, now);
      return this.decide(tx, attempt, { reason: 'revealed', at: now, submissionId: null, rating: RATING_WITHOUT_ACCEPTANCE });
    });
    return { outcome, current: { attempt: (await this.attempts.byId(attempt.id)) ?? attempt, review } };
  }

  /**
   * Called in the transaction that stores an accepted submit's verdict: the first accepted submit of an attempt
   * decides it (a later one, or one of a practice attempt, changes nothing). Returns the outcome it recorded.
   */
  async decideAccepted(tx: Tx, submit: AcceptedSubmit, expectedMinutes: number): Promise<TAttemptOutcome | null> {
    if (!submit.attemptId) return null;
    const attempt = await this.attempts.byId(submit.attemptId, tx);
    if (!attempt || attempt.decidedAt) return null;
    const at = submit.createdAt;
    const before = (time: Date | null) => time !== null && time.getTime() <= at.getTime();
    const rating = ratingForAccepted({
      revealedBefore: before(attempt.revealedAt),
      failedSubmitsBefore: await this.attempts.failedSubmits(attempt.id, at, tx),
      hintsBefore: before(attempt.firstHintAt),
      solveMs: attempt.openedAt ? Math.max(0, at.getTime() - attempt.openedAt.getTime()) : null,
      expectedMinutes,
    });
    return this.decide(tx, attempt, { reason: 'accepted', at: this.clock.now(), submissionId: submit.id, rating }, at);
  }

  /** Attempts given up after a failed submit (no submit for ATTEMPT_ABANDONED_AFTER_HOURS) are rated `again`. */
  async rateAbandoned(limit = 100): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - ATTEMPT_ABANDONED_AFTER_HOURS * 3_600_000);
    let rated = 0;
    for (const { id } of await this.attempts.abandoned(cutoff, limit)) {
      const outcome = await this.transactions.run(async (tx) => {
        const attempt = await this.attempts.byId(id, tx);
        if (!attempt || attempt.decidedAt) return null;
        return this.decide(tx, attempt, { reason: 'abandoned', at: now, submissionId: null, rating: RATING_WITHOUT_ACCEPTANCE });
      });
      if (outcome) rated++;
    }
    return rated;
  }

  /**
   * Decides an undecided attempt (a conditional update, so only one caller ever does) and, when it answers a due
   * review, records the rating with the scheduler in the same transaction. `answeredAt`: when the learner acted.
   */
  private async decide(
    tx: Tx,
    attempt: AttemptRow,
    decision: { reason: TOutcomeReason; at: Date; submissionId: string | null; rating: TRating },
    answeredAt: Date = decision.at,
  ): Promise<TAttemptOutcome | null> {
    if (attempt.decidedAt) return null;
    const review = (await this.reviews.statesOf(attempt.userId, [attempt.problemSlug], tx)).get(attempt.problemSlug);
    const counts = answersReview(review, answeredAt);
    const rating = counts ? decision.rating : null;
    if (!(await this.attempts.decide(tx, attempt.id, { ...decision, rating }))) return null;
    if (!rating) return null;
    const { due } = await this.reviews.recordOutcome(tx, {
      userId: attempt.userId,
      slug: attempt.problemSlug,
      rating,
      at: decision.at,
      attemptId: attempt.id,
      outcomeId: decision.submissionId ?? attempt.id,
      ...(attempt.openedAt ? { durationMs: Math.max(0, answeredAt.getTime() - attempt.openedAt.getTime()) } : {}),
    });
    await this.attempts.setOutcomeDue(tx, attempt.id, due);
    return {
      rating,
      reason: decision.reason,
      decidedAt: decision.at.toISOString(),
      submissionId: decision.submissionId,
      due: due?.toISOString() ?? null,
    };
  }
}
