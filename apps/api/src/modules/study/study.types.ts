import type { TMemoryState, TRating, TReviewSource, TStudyContent, TStudyKind } from '@prep/contracts';
import type { Schedule } from './scheduler/scheduler';

/** One learner's stored state for one item. */
export interface StateRow extends Schedule {
  kind: TStudyKind;
  refId: string;
  suspended: boolean;
  buriedUntil: Date | null;
  leech: boolean;
  paused: boolean;
  retired: boolean;
  version: number;
}

/** What a review-log row snapshots before and after: the schedule and the flags a review can change. */
export interface StateSnapshot {
  state: TMemoryState;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  suspended: boolean;
  buriedUntil: string | null;
  leech: boolean;
}

export interface NewLog {
  id: string;
  userId: string;
  kind: TStudyKind;
  refId: string;
  rating: TRating | null;
  source: TReviewSource;
  reviewedAt: Date;
  durationMs: number | null;
  elapsedDays: number;
  scheduledDays: number;
  early: boolean;
  before: StateRow;
  after: StateRow;
  clientReviewId: string | null;
  response: unknown;
  revertsId: string | null;
}

export interface LogRow {
  id: string;
  kind: TStudyKind;
  refId: string;
  rating: TRating | null;
  source: TReviewSource;
  reviewedAt: Date;
  durationMs: number | null;
  elapsedDays: number;
  scheduledDays: number;
  early: boolean;
  stateBefore: TMemoryState;
  stateAfter: TMemoryState;
  before: StateSnapshot;
  after: StateSnapshot;
  undoneAt: Date | null;
  revertsId: string | null;
}

/** The latest graded outcome of a problem, for its state. */
export interface OutcomeRow {
  refId: string;
  id: string;
  rating: TRating;
  reviewedAt: Date;
  undoneAt: Date | null;
  overrideRating: TRating | null;
  laterReviews: number;
}

export interface ItemContent {
  content: TStudyContent;
  retired: boolean;
}

export interface ItemKey {
  kind: TStudyKind;
  refId: string;
}
