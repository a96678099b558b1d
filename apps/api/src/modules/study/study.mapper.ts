import { itemIdOf, type TItemState, type TOutcomeSummary, type TReviewLogEntry, type TStudyKind } from '@prep/contracts';
import type { LearnerSchedule } from '../settings/settings.service';
import { newSchedule } from './scheduler/scheduler';
import type { LogRow, NewLog, OutcomeRow, SnapshotFields, StateRow, StateSnapshot } from './study.types';

/** The state of an item never touched: new, nothing scheduled. */
export function blankState(kind: TStudyKind, refId: string, now: Date): StateRow {
  return { ...newSchedule(now), kind, refId, suspended: false, buriedUntil: null, leech: false, paused: false, retired: false, version: 0 };
}

export function isBuried(row: StateRow, now: Date): boolean {
  return row.buriedUntil !== null && row.buriedUntil > now;
}

/** Would the queue show it now? */
export function isDueNow(row: StateRow, now: Date): boolean {
  return row.state !== 'new' && !row.suspended && !row.paused && !row.retired && !isBuried(row, now) && row.due <= now;
}

/** The schedule and the flags a review can change: what a state row persists and a log row snapshots. */
export function snapshotFields(row: StateRow): SnapshotFields {
  return {
    state: row.state,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
    suspended: row.suspended,
    buriedUntil: row.buriedUntil,
    leech: row.leech,
  };
}

export function toSnapshot(row: StateRow): StateSnapshot {
  const fields = snapshotFields(row);
  return {
    ...fields,
    due: fields.due.toISOString(),
    lastReview: fields.lastReview?.toISOString() ?? null,
    buriedUntil: fields.buriedUntil?.toISOString() ?? null,
  };
}

/** A log row as it will read back once written. */
export function logRowOf(log: NewLog): LogRow {
  const { userId: _user, before, after, clientReviewId: _client, response: _response, ...fields } = log;
  return {
    ...fields,
    stateBefore: before.state,
    stateAfter: after.state,
    before: toSnapshot(before),
    after: toSnapshot(after),
    undoneAt: null,
  };
}

/** A row as it was in a snapshot (flags the snapshot does not hold come from `current`). */
export function fromSnapshot(snapshot: StateSnapshot, current: StateRow): StateRow {
  return {
    ...current,
    state: snapshot.state,
    due: new Date(snapshot.due),
    stability: snapshot.stability,
    difficulty: snapshot.difficulty,
    elapsedDays: snapshot.elapsedDays,
    scheduledDays: snapshot.scheduledDays,
    learningSteps: snapshot.learningSteps,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    lastReview: snapshot.lastReview ? new Date(snapshot.lastReview) : null,
    suspended: snapshot.suspended,
    buriedUntil: snapshot.buriedUntil ? new Date(snapshot.buriedUntil) : null,
    leech: snapshot.leech,
  };
}

export function toOutcomeSummary(row: OutcomeRow): TOutcomeSummary {
  return {
    reviewId: row.id,
    rating: row.rating,
    reviewedAt: row.reviewedAt.toISOString(),
    overridable: row.undoneAt === null && row.laterReviews === 0,
    overriddenBy: row.overrideRating,
  };
}

export function toItemState(row: StateRow, learner: LearnerSchedule, now: Date, outcome: OutcomeRow | null): TItemState {
  const fresh = row.state === 'new';
  return {
    itemId: itemIdOf(row.kind, row.refId),
    kind: row.kind,
    state: row.state,
    due: fresh ? null : row.due.toISOString(),
    dueNow: isDueNow(row, now),
    suspended: row.suspended,
    buriedUntil: isBuried(row, now) ? row.buriedUntil!.toISOString() : null,
    leech: row.leech,
    retired: row.retired,
    reps: row.reps,
    lapses: row.lapses,
    stability: fresh ? null : row.stability,
    difficulty: fresh ? null : row.difficulty,
    retrievability: learner.scheduler.retrievability(row.kind, row, now),
    scheduledDays: row.scheduledDays,
    lastReviewedAt: row.lastReview?.toISOString() ?? null,
    lastOutcome: row.kind === 'problem' && outcome ? toOutcomeSummary(outcome) : null,
  };
}

export function toLogEntry(row: LogRow): TReviewLogEntry {
  return {
    id: row.id,
    itemId: itemIdOf(row.kind, row.refId),
    kind: row.kind,
    rating: row.rating,
    source: row.source,
    reviewedAt: row.reviewedAt.toISOString(),
    durationMs: row.durationMs,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    early: row.early,
    stateBefore: row.stateBefore,
    stateAfter: row.stateAfter,
    dueBefore: row.stateBefore === 'new' ? null : row.before.due,
    dueAfter: row.stateAfter === 'new' ? null : row.after.due,
    stabilityAfter: row.stateAfter === 'new' ? null : row.after.stability,
    difficultyAfter: row.stateAfter === 'new' ? null : row.after.difficulty,
    undoneAt: row.undoneAt?.toISOString() ?? null,
  };
}
