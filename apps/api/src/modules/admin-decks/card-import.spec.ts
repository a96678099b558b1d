import { findNearDuplicates, normalizeCardText, parseCsvCards, parseMarkdownCards, similarity, slugify } from './card-import';

describe('card import', () => {
  it('reads quoted CSV with multi-line backs, and names the line of a bad row', () => {
    const csv = 'front,back,tags\n"What is $O(\\log n)$?","Halving, each step.\n\nSecond ""para""",math search\nNo back,,\n';
    const { cards, issues } = parseCsvCards(csv, 'basics');
    expect(cards).toEqual([
      {
        index: 0,
        id: '',
        topic: 'basics',
        front: 'What is $O(\\log n)$?',
        back: 'Halving, each step.\n\nSecond "para"',
        tags: ['math', 'search'],
      },
    ]);
    expect(issues).toEqual([{ path: 'body.text:5:back', message: 'is empty' }]);
  });

  it('refuses CSV without front and back columns', () => {
    expect(parseCsvCards('q,a\nx,y\n', 't').issues[0]!.message).toMatch(/front and back/);
  });

  it('reads the packages/problems card format with its parser', () => {
    const md =
      '---\ntitle: Heaps basics\n---\n\n## What is a heap?\n<!-- id: heap-what; tags: heaps -->\n\nA tree with the heap property.\n';
    const { cards, issues, topicTitle } = parseMarkdownCards(md, 'd', undefined);
    expect(issues).toEqual([]);
    expect(topicTitle).toBe('Heaps basics');
    expect(cards).toEqual([
      {
        index: 0,
        id: 'heap-what',
        topic: 'heaps-basics',
        front: 'What is a heap?',
        back: 'A tree with the heap property.',
        tags: ['heaps'],
      },
    ]);
  });

  it('flags near-duplicates against the deck and within the import, not different cards', () => {
    const cards = [
      { index: 0, id: '', topic: 't', front: 'What is a **binary heap**?', back: 'x', tags: [] },
      { index: 1, id: '', topic: 't', front: 'What is the time of binary search?', back: 'x', tags: [] },
      { index: 2, id: '', topic: 't', front: 'What is the time of binary search ?', back: 'y', tags: [] },
      { index: 3, id: '', topic: 't', front: 'Explain quicksort partitioning', back: 'z', tags: [] },
    ];
    const dups = findNearDuplicates(cards, [{ id: 'heap', front: 'What is a binary heap' }]);
    expect(dups.map((d) => [d.index, d.similarTo])).toEqual([
      [0, { kind: 'existing', id: 'heap', front: 'What is a binary heap' }],
      [2, { kind: 'import', index: 1, front: 'What is the time of binary search?' }],
    ]);
    expect(similarity(normalizeCardText('Explain quicksort partitioning'), normalizeCardText('What is a binary heap'))).toBeLessThan(0.5);
  });

  it('makes ids from fronts', () => {
    expect(slugify('Binary search: $O(\\log n)$!')).toBe('binary-search-o-log-n');
    expect(slugify('???')).toBe('card');
  });
});
