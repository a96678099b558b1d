import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  itemIdOf,
  type TItemState,
  type TOverrideRequest,
  type TRating,
  type TReviewRequest,
  type TReviewResponse,
  type TReviewSource,
  type TUndoRequest,
  type TUndoResponse,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import { type LearnerSchedule, SettingsService } from '../settings/settings.service';
import { LinkedConceptsService } from './linked-concepts.service';
import { StudyItemsReader } from './study-items.reader';
import { seedOf, toKey } from './study-keys';
import type { Schedule } from './scheduler/scheduler';
import { fromSnapshot, logRowOf, toItemState, toLogEntry } from './study.mapper';
import { type SeenReview, StudyRepository } from './study.repository';
import type { ItemKey, LogRow, NewLog, OutcomeRow, StateRow } from './study.types';

/** A graded attempt at a problem (or a lab), as the submissions pipelines report it. */
export interface ProblemOutcome {
  userId: string;
  /** The problem's slug, or the lab's with `kind: 'lab'`. */
  problemSlug: string;
  /** `problem` by default; `lab` for a lab submission's outcome. */
  kind?: 'problem' | 'lab';
  /** Derived from the attempt by the submissions pipeline (issue 8's rule). */
  rating: TRating;
  /** Unique per outcome (the deciding submission's id, or the attempt's): recording the same outcome twice applies once. */
  outcomeId: string;
  /** When the attempt was decided (defaults to the clock's now); the review counts at this time. */
  at?: Date;
  /** Time spent on the attempt, if known. */
  durationMs?: number;
}

/** Interactive transactions wait for a pooled connection under load rather than failing after Prisma's 2 s default. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

const MAX_DURATION_MS = 3_600_000;

/** Optimistic writes retried at most this often when concurrent ratings of the item keep winning. */
const MAX_ATTEMPTS = 8;

export const notFound = () => new AppError(ErrorCode.NotFound, 'No such item');

/** A unique-index violation, from a Prisma model query (P2002) or a raw query through the pg adapter (P2010). */
function isUniqueViolation(e: unknown): boolean {
  const error = e as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return (
    error?.code === 'P2002' || (error?.code === 'P2010' && error.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
  );
}

/** Leech: the lapse that reaches the threshold, then every half of it again (Anki: 8, 12, 16, …). */
export function becomesLeech(before: StateRow, after: { lapses: number }, threshold: number): boolean {
  if (after.lapses <= before.lapses || after.lapses < threshold) return false;
  return (after.lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

interface RatingInput {
  key: ItemKey;
  rating: TRating;
  source: Extract<TReviewSource, 'review' | 'outcome' | 'override'>;
  durationMs: number | null;
  clientReviewId: string;
  /** When the rating counts (an outcome's decision time); default now. */
  at?: Date;
}

/**
 * Ratings, graded outcomes, overrides and undo. Every change locks the item's state row, writes the new state and a
 * review-log row in one transaction, and stores the response under the clientReviewId so a retry replays it.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: StudyRepository,
    private readonly settings: SettingsService,
    private readonly items: StudyItemsReader,
    private readonly concepts: LinkedConceptsService,
    private readonly clock: Clock,
  ) {}

  /** POST /review/:itemId */
  rate(userId: string, itemId: string, request: TReviewRequest): Promise<TReviewResponse> {
    const { rating, durationMs, clientReviewId } = request;
    return this.rateOnce(userId, { key: toKey(itemId), rating, source: 'review', durationMs, clientReviewId });
  }

  /**
   * Records the rating a graded `submit` earned for a problem, as a review of the problem's study item (source
   * `outcome`), exactly as a rating would: FSRS state and a review-log row, written together.
   *
   * Pass `tx`, the Prisma interactive-transaction client in which the submission's final verdict is written, and the
   * review commits or rolls back with that verdict: a grading job retried after a crash cannot record a second review.
   * Without `tx` its single write statement is atomic on its own. Either way it is idempotent per submission (the
   * review's clientReviewId is `outcome:<outcomeId>`): recording the same outcome again returns the first response.
   *
   * A problem never studied is introduced by its first outcome (it counts against nothing: limits apply only to what
   * the queue offers). An `again` brings the problem's concept cards into the queue with it (LAPSE_CONCEPTS_RULE). The
   * learner may replace the rating once (`POST /review/:itemId/override`) while no later review of the problem exists.
   *
   * @throws AppError not_found when the problem does not exist or is retired.
   *
   * @example
   * await prisma.$transaction(async (tx) => {
   *   const won = await tx.submission.updateMany({ where: { id, status: { in: ['queued', 'running'] } }, data: { status: 'done', verdict } });
   *   if (won.count === 1 && mode === 'submit') await reviews.recordOutcome({ userId, problemSlug, rating, outcomeId: id }, tx);
   * });
   */
  recordOutcome(outcome: ProblemOutcome, tx?: Db): Promise<TReviewResponse> {
    const key: ItemKey = { kind: outcome.kind ?? 'problem', refId: outcome.problemSlug };
    const clientReviewId = `outcome:${outcome.outcomeId}`;
    return this.rateOnce(
      outcome.userId,
      { key, rating: outcome.rating, source: 'outcome', durationMs: outcome.durationMs ?? null, clientReviewId, at: outcome.at },
      tx,
    );
  }

  /** POST /review/:itemId/override: re-rates the latest outcome from the state before it, at its time. Once. */
  override(userId: string, itemId: string, request: TOverrideRequest): Promise<TReviewResponse> {
    const { rating, clientReviewId } = request;
    return this.rateOnce(userId, { key: toKey(itemId), rating, source: 'override', durationMs: null, clientReviewId });
  }

  /** POST /review/undo: restores the state before my latest (or the given) review; that review no longer counts. */
  async undo(userId: string, request: TUndoRequest): Promise<TUndoResponse> {
    const now = this.clock.now();
    const learner = await this.settings.forScheduling(userId);
    return this.prisma.$transaction(async (db) => {
      const target = request.reviewId
        ? await this.repository.findLog(db, userId, request.reviewId)
        : await this.repository.latestUndoable(db, userId);
      if (!target) throw new AppError(ErrorCode.NotFound, request.reviewId ? 'No such review' : 'Nothing to undo');
      if (!['review', 'reset', 'set-due', 'known'].includes(target.source)) {
        throw new AppError(
          ErrorCode.Conflict,
          `A ${target.source} cannot be undone${target.source === 'outcome' ? '; override its rating instead' : ''}`,
        );
      }
      if (target.undoneAt) throw new AppError(ErrorCode.Conflict, 'This review was already undone');
      const key: ItemKey = { kind: target.kind, refId: target.refId };
      const row = await this.repository.lockState(db, userId, key);
      const latest = await this.repository.latestOfItem(db, userId, key);
      if (!row || latest?.id !== target.id) {
        throw new AppError(ErrorCode.Conflict, 'The item changed after this review; undo its later reviews first');
      }
      const restored = await this.repository.saveState(db, userId, fromSnapshot(target.before, row), now);
      await this.repository.markUndone(db, target.id, now);
      if (key.kind === 'problem' && target.rating === 'again') await this.concepts.revert(db, userId, target.id, now);
      await this.repository.insertLog(
        db,
        this.newLog(userId, key, {
          rating: null,
          source: 'undo',
          reviewedAt: now,
          durationMs: null,
          elapsedDays: 0,
          early: false,
          before: row,
          after: restored,
          clientReviewId: null,
          revertsId: target.id,
        }),
      );
      const outcomes = key.kind === 'problem' ? await this.repository.outcomes(userId, [key.refId], db) : new Map<string, OutcomeRow>();
      const outcome = outcomes.get(key.refId) ?? null;
      return {
        undone: toLogEntry({ ...target, undoneAt: now }),
        state: toItemState(restored, learner, now, outcome),
        item: await this.items.queueItem(userId, restored, learner, now, outcome),
      };
    }, TX_OPTIONS);
  }

  /** My state of one item (for the problem page and the submissions pipeline); 404 for an unknown item. */
  async itemState(userId: string, itemId: string): Promise<TItemState> {
    const key = toKey(itemId);
    const [state] = await this.items.states(userId, [key], await this.settings.forScheduling(userId), this.clock.now());
    if (!state) throw notFound();
    return state;
  }

  /**
   * My states of these problems, for the submissions pipeline: studied problems only (never-studied ones are absent).
   * Pass `db` to read inside the caller's transaction.
   */
  async problemStates(userId: string, slugs: readonly string[], db?: Db): Promise<Map<string, TItemState>> {
    const keys = slugs.map((refId): ItemKey => ({ kind: 'problem', refId }));
    const [learner, states, outcomes] = await Promise.all([
      this.settings.forScheduling(userId),
      this.repository.findStates(userId, keys, db),
      this.repository.outcomes(userId, [...slugs], db),
    ]);
    const now = this.clock.now();
    const out = new Map<string, TItemState>();
    for (const row of states.values()) {
      if (row.state !== 'new') out.set(row.refId, toItemState(row, learner, now, outcomes.get(row.refId) ?? null));
    }
    return out;
  }

  /** My state of a problem: state, due, whether it is due now, the latest outcome (for the problem page). */
  problemState(userId: string, problemSlug: string): Promise<TItemState> {
    return this.itemState(userId, itemIdOf('problem', problemSlug));
  }

  /**
   * My state of a problem with its row locked until `tx` ends (a never-studied problem gets its row, as new), for the
   * submissions pipeline: it reads the state, decides an attempt and records the outcome in one transaction, and a
   * rating by hand meanwhile waits for it (and then sees the outcome). Null for an unknown or retired problem.
   */
  async lockProblemState(userId: string, problemSlug: string, tx: Db, kind: 'problem' | 'lab' = 'problem'): Promise<TItemState | null> {
    const now = this.clock.now();
    const row = await this.repository.lockLiveState(tx, userId, { kind, refId: problemSlug }, now);
    if (!row) return null;
    const [learner, outcomes] = await Promise.all([
      this.settings.forScheduling(userId),
      kind === 'problem' ? this.repository.outcomes(userId, [problemSlug], tx) : new Map<string, OutcomeRow>(),
    ]);
    return toItemState(row, learner, now, outcomes.get(problemSlug) ?? null);
  }

  /**
   * Applies a rating once per clientReviewId: a repeat gets the stored response. A concurrent repeat that loses the
   * race for the unique clientReviewId is answered from the winner's row (outside a caller's transaction; inside one,
   * the error aborts that transaction and its retry replays).
   */
  private async rateOnce(userId: string, input: RatingInput, tx?: Db): Promise<TReviewResponse> {
    const now = this.clock.now();
    const learner = await this.settings.forScheduling(userId);
    try {
      return await this.applyRating(tx ?? this.prisma, userId, learner, now, input);
    } catch (e) {
      if (tx || !isUniqueViolation(e)) throw e;
      const raced = await this.replayIfSeen(this.prisma, userId, input.clientReviewId, input.key);
      if (raced) return raced;
      throw e;
    }
  }

  private async replayIfSeen(db: Db, userId: string, clientReviewId: string, key: ItemKey): Promise<TReviewResponse | null> {
    const seen = await this.repository.findByClientReviewId(db, userId, clientReviewId);
    return seen ? this.replayed(seen, key) : null;
  }

  private replayed(seen: SeenReview, key: ItemKey): TReviewResponse {
    if (seen.kind !== key.kind || seen.refId !== key.refId) {
      throw new AppError(ErrorCode.Conflict, 'This clientReviewId was already used for another item', [
        { path: 'body.clientReviewId', message: 'already used for another item' },
      ]);
    }
    // Responses stored before the leech notice listed practice problems lack the field (keys keep their order).
    const response = seen.response as Omit<TReviewResponse, 'leechPractice'> & { leechPractice?: TReviewResponse['leechPractice'] };
    return { ...response, leechPractice: response.leechPractice ?? [] };
  }

  /**
   * The one place a rating changes an item (a review, a graded outcome, an override): FSRS, leech, state and log.
   * Optimistic: it reads the state (and any review already stored under the clientReviewId) in one query, computes,
   * and writes state and log in one statement that applies only if the state's version is unchanged; a concurrent
   * change makes it read again and re-apply on top. Rules that react to a rating belong here (and in `write`): a leech
   * card's notice lists the problems that practise it; a problem rated `again` brings its concept cards into the queue.
   */
  private async applyRating(db: Db, userId: string, learner: LearnerSchedule, now: Date, input: RatingInput): Promise<TReviewResponse> {
    const { key } = input;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { row, seen } = await this.repository.readForRating(db, userId, key, input.clientReviewId);
      if (seen) return this.replayed(seen, key);
      if (!row) {
        if (input.source === 'override' || (await this.repository.contentStatus(db, key)) !== 'live') throw notFound();
        await this.repository.insertState(db, userId, key, now);
        continue;
      }
      if (row.retired) throw notFound();
      if (input.source === 'review' && key.kind === 'problem') await this.refuseIfAnsweredBySubmit(db, userId, row, input.at ?? now);

      // An override re-rates the outcome it replaces: from the state before it, at its time.
      const replaced = input.source === 'override' ? await this.overridableOutcome(db, userId, key) : null;
      const before = replaced ? fromSnapshot(replaced.before, row) : row;
      const at = replaced?.reviewedAt ?? input.at ?? now;
      const rated = learner.scheduler.rate(key.kind, before, input.rating, at, seedOf(userId, key));
      const leech = becomesLeech(before, rated.next, learner.settings.leechThreshold);
      const after = { ...afterRating(before, rated.next, leech), version: row.version + 1 };
      const durationMs = replaced ? replaced.durationMs : input.durationMs;
      const log = this.newLog(userId, key, {
        rating: input.rating,
        source: input.source,
        reviewedAt: at,
        durationMs: durationMs === null ? null : Math.min(durationMs, MAX_DURATION_MS),
        elapsedDays: rated.elapsedDays,
        early: rated.early,
        before,
        after,
        clientReviewId: input.clientReviewId,
        revertsId: replaced?.id ?? null,
      });
      const outcome = replaced
        ? { ...outcomeOf(replaced), undoneAt: now, overrideRating: input.rating }
        : await this.outcomeAfter(db, userId, key, log);
      const response: TReviewResponse = {
        review: toLogEntry(logRowOf(log)),
        state: toItemState(after, learner, now, outcome),
        leech,
        leechPractice: await this.concepts.leechPractice(key, leech),
      };
      if (await this.write(db, userId, row.version, { ...log, response }, now, replaced)) return response;
    }
    throw new AppError(ErrorCode.Conflict, 'The item kept changing while this rating was applied; try again');
  }

  /**
   * A problem whose due review a graded submit already answered (its latest rating is an outcome, or that outcome's
   * override, and it is not due again) is not rated again by hand: one attempt, one rating. The outcome can be
   * overridden instead. The reverse holds in the submissions pipeline: once rated here, a later accepted submit is practice.
   */
  private async refuseIfAnsweredBySubmit(db: Db, userId: string, row: StateRow, at: Date): Promise<void> {
    if (row.state === 'new' || row.due <= at) return;
    const latest = await this.repository.latestOfItem(db, userId, { kind: row.kind, refId: row.refId });
    if (latest?.source !== 'outcome' && latest?.source !== 'override') return;
    throw new AppError(
      ErrorCode.Conflict,
      'Your graded submit already rated this problem until it is due again; override that rating instead (POST /api/review/:itemId/override)',
    );
  }

  /**
   * Writes a rating (see writeRating). A problem's `again`, or an override of one, also moves its concept cards (the
   * lapse rule, LAPSE_CONCEPTS_RULE) in the same transaction: the caller's, or one of its own. So the rule applies
   * exactly when the rating is written: never for a replay, never twice, and an override takes back what the
   * outcome it replaces moved.
   */
  private async write(db: Db, userId: string, version: number, log: NewLog, now: Date, replaced: LogRow | null): Promise<boolean> {
    const lapse = log.kind === 'problem' && log.rating === 'again';
    const takesBack = replaced?.rating === 'again';
    if (!lapse && !takesBack) return this.repository.writeRating(db, userId, version, log, now);
    return inTransaction(db, async (tx) => {
      if (!(await this.repository.writeRating(tx, userId, version, log, now))) return false;
      if (takesBack) await this.concepts.revert(tx, userId, replaced.id, now);
      if (lapse) await this.concepts.bringIn(tx, userId, log.refId, log.id, now);
      return true;
    });
  }

  /** The outcome an override may replace: the item's latest review, a graded outcome not overridden yet. */
  private async overridableOutcome(db: Db, userId: string, key: ItemKey): Promise<LogRow> {
    const outcome = await this.repository.latestOutcome(db, userId, key);
    if (!outcome) throw new AppError(ErrorCode.NotFound, 'This item has no graded outcome to override');
    if (outcome.undoneAt) throw new AppError(ErrorCode.Conflict, 'This outcome was already overridden');
    const latest = await this.repository.latestOfItem(db, userId, key);
    if (latest?.id !== outcome.id) throw new AppError(ErrorCode.Conflict, 'The problem was reviewed again since this outcome');
    return outcome;
  }

  /** The problem's latest outcome once `log` is written (this one, or an earlier one that `log` now follows). */
  private async outcomeAfter(db: Db, userId: string, key: ItemKey, log: NewLog): Promise<OutcomeRow | null> {
    if (key.kind !== 'problem') return null;
    if (log.source === 'outcome') return outcomeOf(logRowOf(log));
    const earlier = (await this.repository.outcomes(userId, [key.refId], db)).get(key.refId);
    return earlier ? { ...earlier, laterReviews: earlier.laterReviews + 1 } : null;
  }

  private newLog(
    userId: string,
    key: ItemKey,
    fields: Omit<NewLog, 'id' | 'userId' | 'kind' | 'refId' | 'scheduledDays' | 'response'>,
  ): NewLog {
    return { id: randomUUID(), userId, ...key, ...fields, scheduledDays: fields.after.scheduledDays, response: null };
  }
}

/** Runs `work` in the caller's transaction, or in a new one when given the client itself. */
function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction(work, TX_OPTIONS) : work(db);
}

/** A rated item: new schedule, unburied, back in the queue even if its deck was unenrolled; a new leech is suspended. */
function afterRating(before: StateRow, next: Schedule, leech: boolean): StateRow {
  return { ...before, ...next, buriedUntil: null, paused: false, leech: before.leech || leech, suspended: before.suspended || leech };
}

function outcomeOf(log: LogRow): OutcomeRow {
  return {
    refId: log.refId,
    id: log.id,
    rating: log.rating!,
    reviewedAt: log.reviewedAt,
    undoneAt: log.undoneAt,
    overrideRating: null,
    laterReviews: 0,
  };
}
