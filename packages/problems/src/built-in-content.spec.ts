import { BUILT_IN_CONTENT_ROOT, MIN_FIXED_CASES, readContent } from './read';
import { formatIssue } from './issues';

/** The shipped content lints clean, warnings included: every problem names the concept cards it builds on. */
describe('built-in content', () => {
  const { content, issues, warnings } = readContent(BUILT_IN_CONTENT_ROOT, { minFixedCases: MIN_FIXED_CASES });

  it('has no problems and no warnings', () => {
    expect([...issues, ...warnings].map(formatIssue)).toEqual([]);
  });

  it('links every problem to concept cards, and only to cards of its own decks', () => {
    const deckOf = new Map(content.cards.map((c) => [c.id, c.deck]));
    const outsideDecks = content.links
      .filter((l) => !content.problems.find((p) => p.slug === l.problem)!.meta.decks.includes(deckOf.get(l.card)!))
      .map((l) => `${l.problem} → ${l.card}`);
    expect(outsideDecks).toEqual([]);
    const withoutConcepts = content.problems
      .filter((p) => !content.links.some((l) => l.problem === p.slug && l.conceptOrder !== null))
      .map((p) => p.slug);
    expect(withoutConcepts).toEqual([]);
  });
});
