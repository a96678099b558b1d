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

/** The fields a review-log row snapshots before and after: the schedule and the flags a review can change. */
export type SnapshotFields = Schedule & Pick<StateRow, 'suspended' | 'buriedUntil' | 'leech'>;

/** SnapshotFields as stored (JSON): instants as ISO strings. */
export type StateSnapshot = {
  [K in keyof SnapshotFields]: SnapshotFields[K] extends Date
    ? string
    : SnapshotFields[K] extends Date | null
      ? string | null
      : SnapshotFields[K];
};

/** What every review-log row says about one review or schedule change. */
interface LogFields {
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
  revertsId: string | null;
}

/** A row about to be written, with the full state rows before and after and the response to replay. */
export interface NewLog extends LogFields {
  userId: string;
  before: StateRow;
  after: StateRow;
  clientReviewId: string | null;
  response: unknown;
}

/** A row as read back. */
export interface LogRow extends LogFields {
  stateBefore: TMemoryState;
  stateAfter: TMemoryState;
  before: StateSnapshot;
  after: StateSnapshot;
  undoneAt: Date | null;
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

/**
 * A concept card a problem's `again` brought due (studied) or introduced next (new), with what undoing that rating
 * restores while the card is unchanged since (its version is still `versionAfter`). Stored on the problem's log row.
 */
export interface ConceptPull {
  cardId: string;
  /** The learner had no state row for the card: undo makes it as if never touched. */
  created: boolean;
  /** A studied card's due time before (ISO), else null. */
  dueBefore: string | null;
  /** A new card's rank among new items before (a bigint as text), else null. */
  newRankBefore: string | null;
  pausedBefore: boolean;
  versionAfter: number;
}

export interface ItemKey {
  kind: TStudyKind;
  refId: string;
}
