import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { ZDeckBundle, type TDeckBundleInput } from '@prep/contracts';
import { BUILT_IN_CONTENT_ROOT, readContent } from '../read';
import {
  ankiPackage,
  deckBundleToFiles,
  exportDeckZip,
  filesToDeckBundle,
  importDeckZip,
  markdownToAnkiHtml,
  normalizeAuthoredProblem,
  readContentFiles,
  readTestsFile,
  unzipTextFiles,
  writeTestsFile,
} from './index';

const SIG = 'function merge(nums1: number[], m: number, nums2: number[], n: number): void';

/** A deck with one problem (JSON and computed cases, helpers, generators, wrong solutions) and two card topics. */
function sampleBundle(): TDeckBundleInput {
  return {
    deck: { slug: 'curated', title: 'Curated deck', description: 'A deck an admin wrote in the web app.', tags: ['arrays'] },
    problems: [
      {
        slug: 'merge-in-place',
        title: 'Merge in place',
        difficulty: 'easy',
        tags: ['arrays', 'two-pointers'],
        expectedMinutes: 12,
        statement:
          'Merge `nums2` into `nums1` in place, where $m$ and $n$ count the real elements.\n\n```ts\nmerge([1, 0], 1, [2], 1);\n```',
        hints: ['Fill from the back.', 'Keep three indices: $i$, $j$ and $k$.'],
        editorial:
          'Write from the back: the largest remaining element of either array goes to the last free slot, so nothing unread is overwritten. $O(m + n)$.',
        functionName: 'merge',
        signature: SIG,
        starter: `${SIG} {\n  // Your code here.\n}\n`,
        reference: `/** From the back. */\n${SIG} {\n  let i = m - 1;\n  let j = n - 1;\n  for (let k = m + n - 1; j >= 0; k--) {\n    if (i >= 0 && nums1[i]! > nums2[j]!) nums1[k] = nums1[i--]!;\n    else nums1[k] = nums2[j--]!;\n  }\n}\n`,
        judge: { compare: 'exact', output: { mutatedArg: 0 } },
        limits: { timeMsPerTest: 1000, timeMsTotal: 10000, memoryMb: 128 },
        tests: {
          helpers:
            '/** Two sorted arrays, nums1 padded with room. */\nfunction sortedPair(rng: Rng, m: number, n: number): Args {\n  const a = rng.array(m, () => rng.int(-9, 9)).sort((x, y) => x - y);\n  const b = rng.array(n, () => rng.int(-9, 9)).sort((x, y) => x - y);\n  return [[...a, ...new Array<number>(n).fill(0)], m, b, n];\n}',
          cases: [
            { name: 'example', args: [[1, 2, 3, 0, 0, 0], 3, [2, 5, 6], 3], sample: true, expected: [1, 2, 2, 3, 5, 6] },
            { name: 'nothing to merge', args: [[1], 1, [], 0], sample: true },
            { name: 'negative zeros', argsCode: '[[-0, 0], 1, [-0], 1]', expectedCode: '[-0, -0]' },
            { name: 'objects are data', args: [[5, 0], 1, [3], 1], expected: [3, 5] },
          ],
          generators: [
            { name: 'random', count: 20, seed: 101, make: '(rng) => sortedPair(rng, rng.int(0, 8), rng.int(0, 8))' },
            { name: 'large', count: 1, seed: 7, make: 'function big(rng: Rng): Args {\n  return sortedPair(rng, 500, 500);\n}' },
          ],
        },
        wrongSolutions: [
          {
            name: 'default-sort',
            expect: 'wrong_answer',
            code: `${SIG} {\n  for (let j = 0; j < n; j++) nums1[m + j] = nums2[j]!;\n  nums1.sort();\n}\n`,
          },
        ],
      },
    ],
    topics: [
      {
        slug: 'merging',
        title: 'Merging',
        cards: [
          {
            id: 'curated-merge-back',
            front: 'Why merge from the back?',
            back: 'The free room is at the end: $k = i + j + 1 > i$.',
            tags: ['arrays'],
          },
          {
            id: 'curated-code',
            version: 2,
            front: 'Write the loop.',
            back: '```ts\n## not a heading inside a fence\nfor (;;) {}\n```\n\n$$\\sum_i a_i$$',
          },
        ],
      },
      {
        slug: 'pointers',
        title: 'Pointers',
        cards: [{ id: 'curated-pointers', front: 'What is $i$?', back: 'The last unread element of `nums1`.' }],
      },
    ],
  };
}

/** Files of the built-in content that make up one deck (its deck.yaml, problems and card topics). */
function builtInDeckFiles(slug: string): Map<string, string> {
  const deck = readContent(BUILT_IN_CONTENT_ROOT).content.decks.find((d) => d.slug === slug)!;
  return readContentFiles(
    BUILT_IN_CONTENT_ROOT,
    `decks/${slug}/deck.yaml`,
    ...deck.problems.map((p) => `problems/${p}`),
    ...deck.cardTopics.map((t) => `cards/${slug}/${t}.md`),
  );
}

describe('tests.ts as data', () => {
  it('reads a built-in tests.ts without running it: literal cases as JSON, the rest as code', () => {
    const text = fs.readFileSync(path.join(BUILT_IN_CONTENT_ROOT, 'problems/dynamic-loss-scaling/tests.ts'), 'utf8');
    const { tests, issues } = readTestsFile(text);
    expect(issues).toEqual([]);
    expect(tests!.helpers).toContain('function randomOverflows');
    expect(tests!.helpers).not.toMatch(/import|type Args|export default/);
    const computed = tests!.cases.find((c) => c.argsCode?.includes('new Array<boolean>(2001)'));
    expect(computed).toMatchObject({ expectedCode: '[...new Array<number>(2000).fill(65536), 131072]' });
    expect(tests!.generators.length).toBeGreaterThan(0);
  });

  it('refuses a custom check, which would run in the host', () => {
    const text = fs.readFileSync(path.join(BUILT_IN_CONTENT_ROOT, 'problems/convex-hull/tests.ts'), 'utf8');
    expect(readTestsFile(text).issues).toContainEqual({ line: expect.any(Number), message: expect.stringContaining('custom check') });
  });

  it('writes what it reads back', () => {
    const tests = normalizeAuthoredProblem(ZDeckBundle.parse(sampleBundle()).problems[0]!).tests;
    expect(readTestsFile(writeTestsFile(tests, '[a: number[]]')).tests).toEqual(tests);
  });
});

describe('deck zip export and import', () => {
  it('round-trips a deck exactly', () => {
    const bundle = ZDeckBundle.parse(sampleBundle());
    const imported = importDeckZip(exportDeckZip(bundle));
    expect(imported.issues).toEqual([]);
    expect(imported.bundle).toEqual(bundle);
    // The same deck always zips to the same bytes.
    expect(Buffer.from(exportDeckZip(bundle)).equals(Buffer.from(exportDeckZip(bundle)))).toBe(true);
  });

  it('exports a deck that passes the content linter and loads as built-in content', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exported-deck-'));
    for (const [name, text] of unzipTextFiles(exportDeckZip(sampleBundle()))) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    // tests.ts imports ../../src/testkit, as in packages/problems: give the copy that src.
    fs.symlinkSync(path.join(BUILT_IN_CONTENT_ROOT, 'src'), path.join(root, 'src'));
    const { content, issues } = readContent(root);
    expect(issues).toEqual([]);
    expect(content.problems.map((p) => [p.slug, p.tests.cases.length, p.tests.generators?.length])).toEqual([['merge-in-place', 4, 2]]);
    expect(content.cards.map((c) => c.id)).toEqual(['curated-merge-back', 'curated-code', 'curated-pointers']);
    expect(content.cards[1]!.back).toContain('## not a heading inside a fence');
  });

  it('round-trips a built-in deck read from the repository', () => {
    const first = filesToDeckBundle(builtInDeckFiles('lightweight-cnns'));
    expect(first.issues).toEqual([]);
    expect(first.bundle!.problems.map((p) => p.slug)).toEqual(['conv-cost', 'inception-output-shape']);
    const again = importDeckZip(exportDeckZip(first.bundle!));
    expect(again.issues).toEqual([]);
    expect(again.bundle).toEqual(first.bundle);
  });

  it('names every problem with its file: bad deck.yaml, missing files, files the deck does not list, a wrong solution without its verdict', () => {
    const issuesOf = (edit: (files: Map<string, string>) => void) => {
      const files = deckBundleToFiles(sampleBundle());
      edit(files);
      const { bundle, issues } = filesToDeckBundle(files);
      expect(bundle).toBeNull();
      return issues.map((i) => `${i.file}: ${i.message}`);
    };
    expect(
      issuesOf((f) => f.set('decks/curated/deck.yaml', f.get('decks/curated/deck.yaml')!.replace('title: Curated deck', 'title: C'))),
    ).toEqual([expect.stringMatching(/^decks\/curated\/deck\.yaml: title: /)]);
    expect(issuesOf((f) => f.delete('problems/merge-in-place/hints.md'))).toEqual(['problems/merge-in-place/hints.md: missing file']);
    expect(
      issuesOf((f) => {
        f.set('problems/stray/problem.md', 'hello');
        f.set('problems/merge-in-place/wrong/no-verdict.ts', 'function merge() {}\n');
      }),
    ).toEqual([
      expect.stringMatching(/^problems\/merge-in-place\/wrong\/no-verdict\.ts: a wrong solution is/),
      'problems/stray/problem.md: not part of the deck (deck.yaml does not list it)',
    ]);
  });

  it('accepts a zip whose files sit in one wrapping folder', () => {
    const files = [...deckBundleToFiles(sampleBundle())].map(
      ([name, text]) => [`curated-export/${name}`, new TextEncoder().encode(text)] as const,
    );
    const { issues } = importDeckZip(zipSync(Object.fromEntries(files)));
    expect(issues).toEqual([]);
  });
});

describe('zip safety', () => {
  const zip = (entries: Record<string, string | Uint8Array>) =>
    zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v])));

  it.each([
    ['a path that climbs out', { '../../etc/passwd': 'x' }, /"\.\." path segment/],
    ['an absolute path', { '/etc/passwd': 'x' }, /absolute path/],
    ['a backslash', { 'decks\\..\\x': 'x' }, /backslash/],
    ['text that is not UTF-8', { 'decks/a/deck.yaml': new Uint8Array([0xff, 0xfe, 0x00]) }, /not UTF-8/],
    ['a zip bomb: 16 MB of zeros in a small archive', { 'decks/a/deck.yaml': new Uint8Array(16 * 1024 * 1024) }, /larger than/],
  ])('rejects %s', (_what, entries, message) => {
    const bytes = zip(entries as Record<string, string | Uint8Array>);
    const { bundle, issues } = importDeckZip(bytes);
    expect(bundle).toBeNull();
    expect(issues).toEqual([{ file: '(archive)', line: 1, message: expect.stringMatching(message) }]);
  });

  it('counts what it inflates, whatever the headers claim', () => {
    const bytes = zip({ 'a.txt': 'x'.repeat(5000), 'b.txt': 'y'.repeat(5000) });
    expect(() => unzipTextFiles(bytes, { maxEntries: 10, maxFileBytes: 6000, maxTotalBytes: 8000 })).toThrow(/expands to more than 8000/);
    expect(() => unzipTextFiles(bytes, { maxEntries: 1, maxFileBytes: 6000, maxTotalBytes: 80000 })).toThrow(/more than 1 entries/);
  });

  it('rejects a file that appears twice and an archive that is not a zip', () => {
    expect(importDeckZip(new TextEncoder().encode('not a zip at all')).issues[0]!.message).toMatch(/not a zip|empty/);
    // Two entries with one name: the local entries of one archive, then a whole second archive.
    const one = zip({ 'a.txt': 'first' });
    const centralDirectory = Buffer.from(one).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const twice = new Uint8Array([...one.subarray(0, centralDirectory), ...zip({ 'a.txt': 'second' })]);
    expect(() => unzipTextFiles(twice)).toThrow(/appears twice/);
  });
});

describe('Anki export', () => {
  it('turns Markdown into sanitised HTML with MathJax delimiters', () => {
    expect(markdownToAnkiHtml('Area $\\pi r^2$ and $a<b$.')).toBe('<p>Area \\(\\pi r^2\\) and \\(a&lt;b\\).</p>');
    expect(markdownToAnkiHtml('$$\nx_1 + x_2\n$$')).toBe('<p>\\[x_1 + x_2\\]</p>');
    expect(markdownToAnkiHtml('Costs \\$5, `$x$` stays code.')).toBe('<p>Costs $5, <code>$x$</code> stays code.</p>');
    // Raw HTML stays text; links and images keep only safe URLs.
    const hostile = markdownToAnkiHtml(
      '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> ![p](http://evil.test/p.png)',
    );
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).not.toMatch(/<script|<[^>]*(onerror|href="javascript|src="http)/);
    expect(markdownToAnkiHtml('[site](https://example.com)')).toBe('<p><a href="https://example.com">site</a></p>');
  });

  it('writes an Anki collection that SQLite opens, with one basic note and card per concept card', async () => {
    const cards = ZDeckBundle.parse(sampleBundle()).topics.flatMap((t) => t.cards);
    const apkg = await ankiPackage(
      { slug: 'curated', title: 'Curated deck', description: 'A *curated* deck.', cards },
      new Date('2026-03-01T10:00:00Z'),
    );
    const entries = unzipSync(apkg);
    expect(Object.keys(entries).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(entries.media)).toBe('{}');

    const SQL = await initSqlJs();
    const db = new SQL.Database(entries['collection.anki2']);
    const rows = (sql: string) => {
      const [result] = db.exec(sql);
      return result ? result.values : [];
    };
    expect(rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").flat()).toEqual([
      'cards',
      'col',
      'graves',
      'notes',
      'revlog',
    ]);
    const [[ver, models, decks, dconf]] = rows('SELECT ver, models, decks, dconf FROM col') as [[number, string, string, string]];
    expect(ver).toBe(11);
    const model = Object.values(
      JSON.parse(models) as Record<string, { flds: { name: string }[]; tmpls: { qfmt: string; afmt: string }[]; type: number }>,
    )[0]!;
    expect(model).toMatchObject({ type: 0, flds: [{ name: 'Front' }, { name: 'Back' }], tmpls: [{ qfmt: '{{Front}}' }] });
    const deckList = Object.values(JSON.parse(decks) as Record<string, { id: number; name: string; conf: number }>);
    expect(deckList.map((d) => d.name).sort()).toEqual(['Curated deck', 'Default']);
    expect(Object.keys(JSON.parse(dconf) as object)).toEqual(['1']);
    const deckId = deckList.find((d) => d.name === 'Curated deck')!.id;

    const notes = rows('SELECT flds, tags, sfld, guid FROM notes ORDER BY id') as [string, string, string, string][];
    expect(notes).toHaveLength(3);
    expect(notes[0]![0].split('\x1f')).toEqual([
      '<p>Why merge from the back?</p>',
      '<p>The free room is at the end: \\(k = i + j + 1 &gt; i\\).</p>',
    ]);
    expect(notes[0]![1]).toBe(' arrays ');
    expect(notes[1]![0]).toContain('\\[\\sum_i a_i\\]');
    expect(new Set(notes.map((n) => n[3])).size).toBe(3);
    expect(rows('SELECT count(*), min(did), max(did), min(type), max(queue) FROM cards')).toEqual([[3, deckId, deckId, 0, 0]]);
    expect(rows('SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid')).toEqual([[3]]);
    db.close();
  });
});
