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
import { answersReview, ProblemReviews, reviewedDuring, startsNewAttempt } from './problem-reviews';
import { RATING_WITHOUT_ACCEPTANCE, ratingForAccepted } from './rating';

export interface CurrentAttempt {
  attempt: AttemptRow;
  /** My scheduling state of the problem, read after the attempt; undefined when I never studied it. */
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

/** What an action would rate the attempt, if it answers a due review. */
interface Proposed {
  reason: TOutcomeReason;
  /** When it is decided (the review counts at this time). */
  at: Date;
  submissionId: string | null;
  rating: TRating;
}

export function outcomeOf(attempt: AttemptRow | null): TAttemptOutcome | null {
  if (!attempt?.decidedAt || !attempt.rating || !attempt.outcomeReason || attempt.outcomeReason === 'reviewed') return null;
  return {
    rating: attempt.rating,
    reason: attempt.outcomeReason,
    decidedAt: attempt.decidedAt.toISOString(),
    submissionId: attempt.decidedBySubmissionId,
    due: attempt.outcomeDue?.toISOString() ?? null,
  };
}

const sameAttempt = (a: AttemptRow | null, b: AttemptRow | null) => a?.id === b?.id && a?.decidedAt?.getTime() === b?.decidedAt?.getTime();

/**
 * Attempts and the ratings they turn into (OUTCOME_RATING_RULE in the contracts): the API starts attempts and
 * counts hints and reveals; the worker decides an attempt in the transaction that stores the accepted verdict, and
 * records its rating with the learner core (ProblemReviews) there. A rating by hand of the problem in a review session
 * answers its due review too: the attempt open then ends without a rating, and later accepted submits are practice.
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
   * is due again (or new). An open attempt that a review by hand answered meanwhile ends here. `opened`: the learner
   * is looking at the problem (starts the clock for `easy`).
   */
  async current(userId: string, slug: string, options: { opened: boolean }): Promise<CurrentAttempt> {
    const now = this.clock.now();
    const latest = await this.attempts.latest(userId, slug);
    // Read after the attempt: a decision and its review commit together, so the state reflects the decision read.
    const review = await this.stateOf(userId, slug);
    const current =
      latest && !reviewedDuring(latest, review) && !startsNewAttempt(latest, review, now)
        ? { attempt: latest, review }
        : await this.transactions.run(async (tx): Promise<CurrentAttempt> => {
            await this.attempts.lockProblem(tx, userId, slug);
            let last = await this.attempts.latest(userId, slug, tx);
            const state = sameAttempt(last, latest) ? review : await this.stateOf(userId, slug);
            if (last && reviewedDuring(last, state)) last = await this.endAsReviewed(tx, last, state);
            if (last && !startsNewAttempt(last, state, now)) return { attempt: last, review: state };
            return { attempt: await this.attempts.create(tx, { userId, problemSlug: slug, now, opened: options.opened }), review: state };
          });
    if (options.opened && !current.attempt.openedAt) {
      await this.attempts.markOpened(current.attempt.id, now);
      current.attempt.openedAt = now;
    }
    return current;
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
    const { attempt } = await this.current(userId, slug, { opened: true });
    const revealed = await this.attempts.revealHint(attempt.id, total, this.clock.now());
    return revealed === null ? null : revealed - 1;
  }

  /** Marks the answer revealed; before any accepted submit of a counting attempt, that rates it `again` at once. */
  async reveal(userId: string, slug: string): Promise<{ outcome: TAttemptOutcome | null; current: CurrentAttempt }> {
    const { attempt } = await this.current(userId, slug, { opened: true });
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (tx) => {
      await this.attempts.markRevealed(tx, attempt.id, now);
      return this.decide(tx, attempt.id, now, () => ({
        reason: 'revealed',
        at: now,
        submissionId: null,
        rating: RATING_WITHOUT_ACCEPTANCE,
      }));
    });
    const [decided, review] = await Promise.all([this.attempts.byId(attempt.id), this.stateOf(userId, slug)]);
    return { outcome, current: { attempt: decided ?? attempt, review } };
  }

  /**
   * Called in the transaction that stores an accepted submit's verdict: the first accepted submit of an attempt
   * decides it (a later one, or one of a practice attempt, changes nothing). Returns the outcome it recorded.
   */
  async decideAccepted(tx: Tx, submit: AcceptedSubmit, expectedMinutes: number): Promise<TAttemptOutcome | null> {
    if (!submit.attemptId) return null;
    const at = submit.createdAt;
    const before = (time: Date | null) => time !== null && time.getTime() <= at.getTime();
    return this.decide(tx, submit.attemptId, at, async (attempt) => ({
      reason: 'accepted',
      at: this.clock.now(),
      submissionId: submit.id,
      rating: ratingForAccepted({
        revealedBefore: before(attempt.revealedAt),
        failedSubmitsBefore: await this.attempts.failedSubmits(attempt.id, at, tx),
        hintsBefore: before(attempt.firstHintAt),
        solveMs: attempt.openedAt ? Math.max(0, at.getTime() - attempt.openedAt.getTime()) : null,
        expectedMinutes,
      }),
    }));
  }

  /** Attempts given up after a failed submit (no submit for ATTEMPT_ABANDONED_AFTER_HOURS) are rated `again`. */
  async rateAbandoned(limit = 100): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - ATTEMPT_ABANDONED_AFTER_HOURS * 3_600_000);
    let rated = 0;
    for (const { id } of await this.attempts.abandoned(cutoff, limit)) {
      const outcome = await this.transactions.run((tx) =>
        this.decide(tx, id, now, () => ({ reason: 'abandoned', at: now, submissionId: null, rating: RATING_WITHOUT_ACCEPTANCE })),
      );
      if (outcome) rated++;
    }
    return rated;
  }

  /**
   * Decides an undecided attempt once, in the caller's transaction. It locks the attempt, then the problem's
   * scheduling state (so a concurrent decider or a rating by hand waits), and then: a review by hand since the attempt
   * started ended it already (no rating); else `propose` says what it rates, recorded with the scheduler in the same
   * transaction when the attempt answers a due review at `answeredAt` (when the learner acted), practice otherwise.
   */
  private async decide(
    tx: Tx,
    attemptId: string,
    answeredAt: Date,
    propose: (attempt: AttemptRow) => Proposed | Promise<Proposed>,
  ): Promise<TAttemptOutcome | null> {
    const attempt = await this.attempts.lockById(tx, attemptId);
    if (!attempt || attempt.decidedAt) return null;
    const review = await this.reviews.lockState(tx, attempt.userId, attempt.problemSlug);
    if (reviewedDuring(attempt, review)) {
      await this.endAsReviewed(tx, attempt, review);
      return null;
    }
    const decision = await propose(attempt);
    const rating = review !== null && answersReview(review, answeredAt) ? decision.rating : null;
    if (!(await this.attempts.decide(tx, attempt.id, { ...decision, rating }))) return null;
    if (!rating) return null;
    const { due } = await this.reviews.recordOutcome(tx, {
      userId: attempt.userId,
      slug: attempt.problemSlug,
      rating,
      at: decision.at,
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

  /** One problem's state for the attempt rules (a problem never studied is absent): one round trip, on every submission. */
  private async stateOf(userId: string, slug: string): Promise<TItemState | undefined> {
    return (await this.reviews.statesOf(userId, [slug])).get(slug);
  }

  /** Ends an open attempt that a review by hand answered (at that review's time, no rating); returns it as it is now. */
  private async endAsReviewed(tx: Tx, attempt: AttemptRow, review: TItemState | null | undefined): Promise<AttemptRow> {
    const at = reviewedDuring(attempt, review);
    if (at && (await this.attempts.decide(tx, attempt.id, { rating: null, reason: 'reviewed', at, submissionId: null }))) {
      return { ...attempt, decidedAt: at, rating: null, outcomeReason: 'reviewed' };
    }
    return (await this.attempts.byId(attempt.id, tx)) ?? attempt;
  }
}
