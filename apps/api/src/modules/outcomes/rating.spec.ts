import { ratingForAccepted, ratingForAcceptedLab, type AcceptedAttemptFacts } from './rating';

const clean: AcceptedAttemptFacts = {
  revealedBefore: false,
  failedSubmitsBefore: 0,
  hintsBefore: false,
  solveMs: 30 * 60_000,
  expectedMinutes: 25,
};

describe('the rating of an attempt decided by its first accepted submit', () => {
  it('first submit, no hints, slower than expected: good', () => {
    expect(ratingForAccepted(clean)).toBe('good');
  });

  it('first submit, no hints, within the expected time (inclusive): easy', () => {
    expect(ratingForAccepted({ ...clean, solveMs: 10 * 60_000 })).toBe('easy');
    expect(ratingForAccepted({ ...clean, solveMs: 25 * 60_000 })).toBe('easy');
    expect(ratingForAccepted({ ...clean, solveMs: 25 * 60_000 + 1 })).toBe('good');
  });

  it('never opened in this attempt (submitted straight through the API): no clock, so at most good', () => {
    expect(ratingForAccepted({ ...clean, solveMs: null })).toBe('good');
  });

  it('after a failed submit, or with a hint: hard, however fast', () => {
    expect(ratingForAccepted({ ...clean, failedSubmitsBefore: 1, solveMs: 1000 })).toBe('hard');
    expect(ratingForAccepted({ ...clean, hintsBefore: true, solveMs: 1000 })).toBe('hard');
    expect(ratingForAccepted({ ...clean, failedSubmitsBefore: 3, hintsBefore: true })).toBe('hard');
  });

  it('with the answer revealed first: again, whatever else happened', () => {
    expect(ratingForAccepted({ ...clean, revealedBefore: true })).toBe('again');
    expect(ratingForAccepted({ ...clean, revealedBefore: true, solveMs: 1000 })).toBe('again');
    expect(ratingForAccepted({ ...clean, revealedBefore: true, failedSubmitsBefore: 2, hintsBefore: true })).toBe('again');
  });
});

describe('the rating of a lab by its first accepted submission since it became due', () => {
  it('no failed submission before it: good; one or more: hard', () => {
    expect(ratingForAcceptedLab(0)).toBe('good');
    expect(ratingForAcceptedLab(1)).toBe('hard');
    expect(ratingForAcceptedLab(3)).toBe('hard');
  });
});
