import type { TRating } from '@prep/contracts';

/** What is known about an attempt when its first accepted submit is graded (see OUTCOME_RATING_RULE). */
export interface AcceptedAttemptFacts {
  /** The editorial, the reference or my earlier accepted code was revealed before the accepted submit. */
  revealedBefore: boolean;
  /** Submits of the attempt made before the accepted one that failed (any verdict but accepted or internal_error). */
  failedSubmitsBefore: number;
  /** A hint was revealed before the accepted submit. */
  hintsBefore: boolean;
  /** From first opening the problem in the attempt to the accepted submit; null when it was never opened (API only). */
  solveMs: number | null;
  expectedMinutes: number;
}

/** The rating of an attempt decided by its first accepted submit. Pure: the rule lives here and nowhere else. */
export function ratingForAccepted(facts: AcceptedAttemptFacts): TRating {
  if (facts.revealedBefore) return 'again';
  if (facts.failedSubmitsBefore > 0 || facts.hintsBefore) return 'hard';
  const fast = facts.solveMs !== null && facts.solveMs <= facts.expectedMinutes * 60_000;
  return fast ? 'easy' : 'good';
}

/** Revealing the answer before acceptance, or giving up after failing (abandoned), both rate `again`. */
export const RATING_WITHOUT_ACCEPTANCE: TRating = 'again';

/**
 * The rating of a lab by its first accepted submission since it last became due (LAB_OUTCOME_RATING_RULE): `hard`
 * after a failed submission in that time, else `good`. Labs have no reveal and no clock, so no `easy` and no `again`.
 */
export function ratingForAcceptedLab(failedSubmitsBefore: number): TRating {
  return failedSubmitsBefore > 0 ? 'hard' : 'good';
}
