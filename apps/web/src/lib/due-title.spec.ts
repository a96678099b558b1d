import { titleWithDueCount } from './due-title';

describe('titleWithDueCount', () => {
  it('puts the due count in front of the title', () => {
    expect(titleWithDueCount('Today · Recall Prep', 12)).toBe('(12) Today · Recall Prep');
  });

  it('replaces a count already there instead of stacking a second one', () => {
    expect(titleWithDueCount('(12) Review · Recall Prep', 11)).toBe('(11) Review · Recall Prep');
    expect(titleWithDueCount('(999+) Review · Recall Prep', 3)).toBe('(3) Review · Recall Prep');
  });

  it('shows no count when nothing is due or the count is unknown', () => {
    expect(titleWithDueCount('(4) Today · Recall Prep', 0)).toBe('Today · Recall Prep');
    expect(titleWithDueCount('Today · Recall Prep', null)).toBe('Today · Recall Prep');
  });

  it('leaves a title that starts with a parenthesis of its own alone', () => {
    expect(titleWithDueCount('(Draft) notes', 2)).toBe('(2) (Draft) notes');
  });

  it('caps a huge backlog so the tab stays readable', () => {
    expect(titleWithDueCount('Today', 12_345)).toBe('(999+) Today');
  });
});
