import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatIssue, readContent } from './index';

const VALID = path.join(__dirname, '..', 'test', 'fixtures', 'valid');

/** A copy of the valid fixture with `edits` applied: file → new text (or a function of the old). */
function fixtureWith(edits: Record<string, string | ((old: string) => string)>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(VALID, root, { recursive: true });
  // tests.ts imports the testkit relative to the fixture; point it at the real one.
  const tests = path.join(root, 'problems/add-two/tests.ts');
  fs.writeFileSync(tests, fs.readFileSync(tests, 'utf8').replace(/'[./]+\/src\/testkit'/, JSON.stringify(path.join(__dirname, 'testkit'))));
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(root, file);
    const old = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
    fs.writeFileSync(full, typeof edit === 'function' ? edit(old) : edit);
  }
  return root;
}

function lint(root: string): string[] {
  return readContent(root).issues.map(formatIssue);
}

function warnings(root: string): string[] {
  return readContent(root).warnings.map(formatIssue);
}

describe('content lint', () => {
  it('accepts the valid fixture and loads everything', () => {
    const { content, issues, warnings } = readContent(fixtureWith({}));
    expect(issues).toEqual([]);
    expect(warnings).toEqual([]);
    expect(content.problems.map((p) => p.slug)).toEqual(['add-two']);
    expect(content.cards.map((c) => c.id)).toEqual(['basics-two-plus-two', 'basics-float-sum']);
    expect(content.problems[0]!.params).toEqual([
      { name: 'a', type: 'number' },
      { name: 'b', type: 'number' },
    ]);
  });

  it('reports bad frontmatter with the line of the bad key', () => {
    const issues = lint(fixtureWith({ 'problems/add-two/problem.md': (t) => t.replace('difficulty: easy', 'difficulty: trivial') }));
    expect(issues).toEqual([expect.stringMatching(/^problems\/add-two\/problem\.md:4: frontmatter difficulty: /)]);
  });

  it('reports a signature that does not parse', () => {
    const issues = lint(
      fixtureWith({
        'problems/add-two/problem.md': (t) => t.replace('function add(a: number, b: number): number', 'function add(a: number, b: number'),
      }),
    );
    expect(issues.some((i) => /problem\.md:8: signature does not parse/.test(i))).toBe(true);
  });

  it('reports a missing sample test', () => {
    const issues = lint(fixtureWith({ 'problems/add-two/tests.ts': (t) => t.replace('sample: true, ', '') }));
    expect(issues).toContainEqual(expect.stringMatching(/tests\.ts:\d+: no sample test/));
  });

  it('reports duplicate card ids, a card without a back and broken math, each with its line', () => {
    const issues = lint(
      fixtureWith({
        'cards/basics/more.md': [
          '---',
          'title: More',
          '---',
          '',
          '## Duplicate?',
          '<!-- id: basics-two-plus-two -->',
          '',
          'Yes.',
          '',
          '## No back here',
          '<!-- id: basics-empty -->',
          '',
          '## Broken math',
          '<!-- id: basics-broken-math -->',
          '',
          'The value is $\\frac{1}{$ and more.',
          '',
        ].join('\n'),
      }),
    );
    expect(issues).toContainEqual(expect.stringMatching(/^cards\/basics\/\w+\.md:\d+: duplicate card id "basics-two-plus-two"/));
    expect(issues).toContainEqual('cards/basics/more.md:10: card has no back: write the answer under the metadata line');
    expect(issues).toContainEqual(expect.stringMatching(/^cards\/basics\/more\.md:16: broken math \$\\frac\{1\}\{\$/));
  });

  it('reports decks that list missing problems and problems that name unknown decks', () => {
    const issues = lint(
      fixtureWith({
        'decks/basics/deck.yaml': (t) => t.replace('problems: [add-two]', 'problems: [add-two, no-such-problem]'),
        'problems/add-two/problem.md': (t) => t.replace('decks: [basics]', 'decks: [basics, nowhere]'),
      }),
    );
    expect(issues).toContainEqual('decks/basics/deck.yaml:1: problem "no-such-problem" does not exist');
    expect(issues).toContainEqual('problems/add-two/problem.md:1: unknown deck "nowhere"');
  });

  it('the CLI prints path:line: message and exits 1 on a broken file, 0 when clean', () => {
    const cli = path.join(__dirname, '..', 'dist', 'cli', 'lint.js');
    expect(fs.existsSync(cli)).toBe(true);
    const broken = spawnSync(process.execPath, [cli, fixtureWith({ 'problems/add-two/hints.md': 'no headings here' })], {
      encoding: 'utf8',
    });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/problems\/add-two\/hints\.md:1: no hints/);
    const clean = spawnSync(process.execPath, [cli, fixtureWith({})], { encoding: 'utf8' });
    expect(clean.stdout).toMatch(/content:lint: clean \(1 decks, 1 problems, 2 cards, 2 concept links\)/);
    expect(clean.status).toBe(0);
    const warned = spawnSync(
      process.execPath,
      [cli, fixtureWith({ 'problems/add-two/problem.md': (t) => t.replace('concepts: [basics-two-plus-two]\n', '') })],
      { encoding: 'utf8' },
    );
    expect(warned.stdout).toMatch(/problems\/add-two\/problem\.md:1: warning: problem "add-two" names no concept cards/);
    expect(warned.stdout).toMatch(/content:lint: 1 warning\(s\)/);
    expect(warned.status).toBe(0);
  });
});

describe('concept links', () => {
  const withConcepts = (list: string) => ({
    'problems/add-two/problem.md': (t: string) => t.replace('concepts: [basics-two-plus-two]', `concepts: ${list}`),
  });

  it('resolves links from both sides: concepts in the problem order, practice-only links without a concept order', () => {
    const { content } = readContent(
      fixtureWith({
        ...withConcepts('[basics-float-sum, basics-two-plus-two]'),
        'cards/basics/arithmetic.md': (t) => t.replace('; practice: add-two', ''),
      }),
    );
    expect(content.problems[0]!.meta.concepts).toEqual(['basics-float-sum', 'basics-two-plus-two']);
    expect(content.links).toEqual([
      { problem: 'add-two', card: 'basics-float-sum', conceptOrder: 0, practiceOrder: 0 },
      { problem: 'add-two', card: 'basics-two-plus-two', conceptOrder: 1, practiceOrder: 0 },
    ]);
    // The fixture as it is: add-two builds on two-plus-two; float-sum names add-two as practice only.
    const fixture = readContent(fixtureWith({})).content;
    expect(fixture.links).toEqual([
      { problem: 'add-two', card: 'basics-two-plus-two', conceptOrder: 0, practiceOrder: 0 },
      { problem: 'add-two', card: 'basics-float-sum', conceptOrder: null, practiceOrder: 0 },
    ]);
    expect(fixture.cards.map((c) => c.practice)).toEqual([[], ['add-two']]);
  });

  it('rejects a concept that is not a card, with a hint for a near miss, at the line of the concepts key', () => {
    const issues = lint(fixtureWith(withConcepts('[basics-two-plus-too, no-such-card]')));
    expect(issues).toEqual([
      'problems/add-two/problem.md:9: concept card "basics-two-plus-too" does not exist (did you mean "basics-two-plus-two"?)',
      'problems/add-two/problem.md:9: concept card "no-such-card" does not exist',
    ]);
  });

  it('rejects a practice link to a problem that does not exist, at the line of the card metadata', () => {
    const issues = lint(fixtureWith({ 'cards/basics/arithmetic.md': (t) => t.replace('practice: add-two', 'practice: add-tow') }));
    expect(issues).toEqual(['cards/basics/arithmetic.md:12: practice "add-tow" is not a problem (did you mean "add-two"?)']);
  });

  it('rejects ids listed twice, unknown metadata keys and ids that are not slugs', () => {
    const issues = lint(
      fixtureWith({
        ...withConcepts('[basics-two-plus-two, basics-two-plus-two]'),
        'cards/basics/arithmetic.md': (t) =>
          t.replace('practice: add-two', 'practice: add-two, add-two').replace('tags: addition', 'tags: addition; practise: add-two'),
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'problems/add-two/problem.md:9: concept card "basics-two-plus-two" is listed twice',
        'cards/basics/arithmetic.md:12: practice "add-two" is listed twice',
        'cards/basics/arithmetic.md:7: unknown card metadata "practise": use id, version, tags, practice',
      ]),
    );
    const notSlugs = lint(fixtureWith(withConcepts('[Basics Two]')));
    expect(notSlugs).toEqual([expect.stringMatching(/^problems\/add-two\/problem\.md:9: frontmatter concepts\.0: must be kebab-case/)]);
  });

  it('warns when a card names as practice a problem that already builds on it, and keeps the link once', () => {
    const root = fixtureWith(withConcepts('[basics-two-plus-two, basics-float-sum]'));
    expect(lint(root)).toEqual([]);
    expect(warnings(root)).toEqual([
      'cards/basics/arithmetic.md:12: practice "add-two" is redundant: problems/add-two/problem.md names this card in its concepts, which makes it practice already',
    ]);
    expect(readContent(root).content.links).toHaveLength(2);
  });
});
