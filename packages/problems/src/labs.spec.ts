import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_IN_CONTENT_ROOT, formatIssue, readContent } from './index';

const VALID = path.join(__dirname, '..', 'test', 'fixtures', 'valid');
const CONCEPTS = Array.from({ length: 10 }, (_, i) => `basics-lab-${i + 1}`);

const LAB_FILES: Record<string, string> = {
  'labs/double-it/lab.md': `---
title: Double a tensor
version: 1
difficulty: easy
tags: [fixture]
decks: [basics]
device: any
entry:
  - name: double
    kind: function
    signature: "def double(x: Tensor) -> Tensor"
concepts: [${CONCEPTS.join(', ')}]
---

Return a new tensor holding twice the values of \`x\`, in its dtype and on its device. This statement is long
enough to pass the linter's length check, which wants a real statement of a couple of hundred characters at least.
`,
  'labs/double-it/background.md': 'Doubling is multiplication by two. '.repeat(8),
  'labs/double-it/starter.py': 'def double(x):\n    raise NotImplementedError\n',
  'labs/double-it/reference.py': 'def double(x):\n    return x * 2\n',
  'labs/double-it/judge.py': 'CHECKS = ["values"]\n\n\ndef evaluate(run):\n    pass\n',
  'labs/double-it/hints.md': '## Hint 1\n\nMultiply by two.\n',
  'labs/double-it/editorial.md': 'Multiply by two and return the new tensor; never write into the input. '.repeat(4),
  'labs/double-it/wrong/triples.py': '# expect: wrong_answer\n# Multiplies by three.\ndef double(x):\n    return x * 3\n',
  'labs/double-it/cheating/aliases.py':
    '# expect: wrong_answer\n# Doubles in place and returns the input.\ndef double(x):\n    return x.mul_(2)\n',
  'cards/basics/lab.md':
    '---\ntitle: Lab cards\n---\n\n' +
    CONCEPTS.map((id, i) => `## Question ${i + 1}?\n<!-- id: ${id}; version: 1 -->\n\nAnswer ${i + 1}.\n`).join('\n'),
  'decks/basics/deck.yaml':
    'title: Basics\ndescription: A tiny deck used by the tests.\ntags: [fixture]\nproblems: [add-two]\ncardTopics: [arithmetic, lab]\nlabs: [double-it]\n',
};

/** The valid fixture plus one small lab; `edits` then replace files (null deletes one). */
function fixtureWith(edits: Record<string, string | null | ((old: string) => string)> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'labs-'));
  fs.cpSync(VALID, root, { recursive: true });
  const tests = path.join(root, 'problems/add-two/tests.ts');
  fs.writeFileSync(tests, fs.readFileSync(tests, 'utf8').replace(/'[./]+\/src\/testkit'/, JSON.stringify(path.join(__dirname, 'testkit'))));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  for (const [file, text] of Object.entries(LAB_FILES)) write(file, text);
  for (const [file, edit] of Object.entries(edits)) {
    if (edit === null) fs.rmSync(path.join(root, file));
    else write(file, typeof edit === 'function' ? edit(fs.readFileSync(path.join(root, file), 'utf8')) : edit);
  }
  return root;
}

const lint = (root: string) => readContent(root).issues.map(formatIssue);

describe('lab content', () => {
  it('loads a valid lab with its wrong and cheating solutions and their expected verdicts', () => {
    const { labs, issues } = readContent(fixtureWith());
    expect(issues).toEqual([]);
    expect(labs.map((l) => l.slug)).toEqual(['double-it']);
    expect(labs[0]!.hints).toEqual(['Multiply by two.']);
    expect(labs[0]!.solutions.map((s) => [s.kind, s.file, s.expect, s.why])).toEqual([
      ['wrong', 'wrong/triples.py', 'wrong_answer', 'Multiplies by three.'],
      ['cheating', 'cheating/aliases.py', 'wrong_answer', 'Doubles in place and returns the input.'],
    ]);
  });

  it('reports a missing file, a bad expect line and an entry point the starter does not define', () => {
    const issues = lint(
      fixtureWith({
        'labs/double-it/hints.md': null,
        'labs/double-it/wrong/triples.py': (t) => t.replace('# expect: wrong_answer', '# expect: wrong'),
      }),
    );
    expect(issues).toEqual(['labs/double-it/hints.md:1: missing file']);
    const more = lint(
      fixtureWith({
        'labs/double-it/wrong/triples.py': (t) => t.replace('# expect: wrong_answer', '# expect: wrong'),
        'labs/double-it/starter.py': 'def twice(x):\n    return x\n',
      }),
    );
    expect(more).toEqual([
      'labs/double-it/starter.py:1: must define function double',
      expect.stringMatching(/^labs\/double-it\/wrong\/triples\.py:1: first line must be "# expect: <verdict>"/),
      'labs/double-it/wrong:1: a lab needs at least one known-wrong solution under wrong/',
    ]);
  });

  it('reports bad frontmatter with its line, and a known-wrong solution that expects to pass', () => {
    expect(lint(fixtureWith({ 'labs/double-it/lab.md': (t) => t.replace('device: any', 'device: tpu') }))).toEqual([
      expect.stringMatching(/^labs\/double-it\/lab\.md:7: frontmatter device: /),
    ]);
    expect(lint(fixtureWith({ 'labs/double-it/cheating/aliases.py': (t) => t.replace('wrong_answer', 'accepted') }))).toEqual([
      'labs/double-it/cheating/aliases.py:1: a cheating solution cannot expect accepted',
    ]);
  });

  it('checks the links to concept cards and decks both ways', () => {
    expect(lint(fixtureWith({ 'labs/double-it/lab.md': (t) => t.replace('basics-lab-3', 'no-such-card') }))).toEqual([
      'labs/double-it/lab.md:1: concept card "no-such-card" does not exist',
    ]);
    expect(lint(fixtureWith({ 'decks/basics/deck.yaml': (t) => t.replace('labs: [double-it]', 'labs: []') }))).toEqual([
      'decks/basics/deck.yaml:1: lab "double-it" lists this deck but the deck does not list it',
    ]);
    expect(lint(fixtureWith({ 'decks/basics/deck.yaml': (t) => t.replace('labs: [double-it]', 'labs: [double-it, gone]') }))).toEqual([
      'decks/basics/deck.yaml:1: lab "gone" does not exist',
    ]);
  });

  it('ships four labs, each with at least ten concept cards, a known-wrong solution and a known cheat', () => {
    const { labs, issues } = readContent(BUILT_IN_CONTENT_ROOT);
    expect(issues.filter((i) => i.file.startsWith('labs/'))).toEqual([]);
    expect(labs.map((l) => l.slug).sort()).toEqual([
      'flash-attention-forward',
      'medusa-decoding',
      'mixed-precision-training',
      'speculative-decoding',
    ]);
    for (const lab of labs) {
      expect(lab.meta.concepts.length).toBeGreaterThanOrEqual(10);
      expect(lab.solutions.some((s) => s.kind === 'wrong')).toBe(true);
      expect(lab.solutions.some((s) => s.kind === 'cheating')).toBe(true);
    }
  });
});
