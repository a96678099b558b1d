import type { TItemState } from '@prep/contracts';
import { answersReview, reviewedDuring, startsNewAttempt } from './problem-reviews';

const T = (iso: string) => new Date(`2026-05-0${iso}Z`);

function state(fields: Partial<TItemState>): TItemState {
  return {
    itemId: 'problem:p',
    kind: 'problem',
    state: 'review',
    due: null,
    dueNow: false,
    suspended: false,
    buriedUntil: null,
    leech: false,
    retired: false,
    reps: 1,
    lapses: 0,
    stability: 3,
    difficulty: 5,
    retrievability: 0.9,
    scheduledDays: 3,
    lastReviewedAt: null,
    lastOutcome: null,
    ...fields,
  };
}

const fresh = state({ state: 'new', due: null, reps: 0, stability: null, difficulty: null, retrievability: null });
/** Rated on the 1st at 10:00 (by hand or by an outcome), due on the 4th at 04:00. */
const scheduled = state({ due: T('4T04:00:00').toISOString(), lastReviewedAt: T('1T10:00:00').toISOString() });

describe('answersReview: does work on the problem at this time rate it?', () => {
  it('a problem never studied, or reset to new: yes', () => {
    expect(answersReview(undefined, T('1T00:00:00'))).toBe(true);
    expect(answersReview(fresh, T('1T00:00:00'))).toBe(true);
  });

  it('a scheduled problem: from its due time on', () => {
    expect(answersReview(scheduled, T('4T03:59:59'))).toBe(false);
    expect(answersReview(scheduled, T('4T04:00:00'))).toBe(true);
  });

  it('a suspended or retired problem: never (practice)', () => {
    expect(answersReview({ ...scheduled, suspended: true }, T('5T00:00:00'))).toBe(false);
    expect(answersReview({ ...fresh, suspended: true }, T('5T00:00:00'))).toBe(false);
    expect(answersReview({ ...scheduled, retired: true }, T('5T00:00:00'))).toBe(false);
  });
});

describe('reviewedDuring: did a review by hand answer the problem while this attempt was open?', () => {
  const open = { createdAt: T('1T09:00:00'), decidedAt: null };

  it('a review at or after the attempt started ends it, at that review', () => {
    expect(reviewedDuring(open, scheduled)).toEqual(T('1T10:00:00'));
    expect(reviewedDuring({ ...open, createdAt: T('1T10:00:00') }, scheduled)).toEqual(T('1T10:00:00'));
  });

  it('a review before the attempt, none at all, or an attempt already decided: no', () => {
    expect(reviewedDuring({ ...open, createdAt: T('1T10:00:01') }, scheduled)).toBeNull();
    expect(reviewedDuring(open, fresh)).toBeNull();
    expect(reviewedDuring(open, null)).toBeNull();
    expect(reviewedDuring({ ...open, decidedAt: T('1T09:30:00') }, scheduled)).toBeNull();
  });
});

describe('startsNewAttempt', () => {
  it('starts the first attempt', () => {
    expect(startsNewAttempt(null, undefined, T('1T00:00:00'))).toBe(true);
  });

  it('never replaces an open attempt', () => {
    expect(startsNewAttempt({ decidedAt: null }, scheduled, T('9T00:00:00'))).toBe(false);
  });

  it('after a decided attempt: once the problem is due again, or reset to new; not while suspended', () => {
    const decided = { decidedAt: T('1T10:00:00') };
    expect(startsNewAttempt(decided, scheduled, T('3T12:00:00'))).toBe(false);
    expect(startsNewAttempt(decided, scheduled, T('4T04:00:00'))).toBe(true);
    expect(startsNewAttempt(decided, fresh, T('1T11:00:00'))).toBe(true);
    expect(startsNewAttempt(decided, { ...scheduled, suspended: true }, T('5T00:00:00'))).toBe(false);
  });
});
