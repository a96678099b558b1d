import fs from 'node:fs';
import path from 'node:path';
import { ZLabMeta, ZLabVerdict, type LabSolution, type LoadedLab, type TCard, type TDeck } from '@prep/contracts';
import { parseFrontmatter } from './frontmatter';
import type { ContentIssue } from './issues';
import { checkMath } from './markdown';
import { splitHints } from './read';

/** Every lab folder holds these (plus wrong/ and, for known exploits, cheating/). */
export const LAB_FILES = ['lab.md', 'background.md', 'starter.py', 'reference.py', 'judge.py', 'hints.md', 'editorial.md'] as const;

const EXPECT_LINE = /^#\s*expect:\s*([a-z_]+)\s*$/;

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}

function definesEntry(source: string, entry: { name: string; kind: 'function' | 'class' }): boolean {
  const keyword = entry.kind === 'class' ? 'class' : 'def';
  return new RegExp(`^${keyword}\\s+${entry.name}\\b`, 'm').test(source);
}

/** wrong/*.py and cheating/*.py: line 1 `# expect: <verdict>`, line 2 `# what it does wrong`. */
function readSolutions(dir: string, rel: (name: string) => string, issues: ContentIssue[]): LabSolution[] {
  const solutions: LabSolution[] = [];
  for (const kind of ['wrong', 'cheating'] as const) {
    const folder = path.join(dir, kind);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs
      .readdirSync(folder)
      .filter((n) => n.endsWith('.py'))
      .sort()) {
      const file = `${kind}/${name}`;
      const code = fs.readFileSync(path.join(folder, name), 'utf8');
      const [first = '', second = ''] = code.split('\n');
      const verdict = ZLabVerdict.safeParse(EXPECT_LINE.exec(first)?.[1]);
      if (!verdict.success) {
        issues.push({
          file: rel(file),
          line: 1,
          message: `first line must be "# expect: <verdict>" (one of ${ZLabVerdict.options.join(', ')})`,
        });
        continue;
      }
      if (verdict.data === 'accepted' || verdict.data === 'internal_error') {
        issues.push({ file: rel(file), line: 1, message: `a ${kind} solution cannot expect ${verdict.data}` });
        continue;
      }
      if (!/^#\s*\S/.test(second))
        issues.push({ file: rel(file), line: 2, message: 'second line must say, in a comment, what the solution does wrong' });
      solutions.push({ kind, file, expect: verdict.data, why: second.replace(/^#\s*/, ''), code });
    }
  }
  if (!solutions.some((s) => s.kind === 'wrong'))
    issues.push({ file: rel('wrong'), line: 1, message: 'a lab needs at least one known-wrong solution under wrong/' });
  return solutions;
}

function readLab(root: string, slug: string, issues: ContentIssue[]): LoadedLab | null {
  const dir = path.join(root, 'labs', slug);
  const rel = (name: string) => `labs/${slug}/${name}`;
  const missing = LAB_FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
  for (const f of missing) issues.push({ file: rel(f), line: 1, message: 'missing file' });
  if (missing.includes('lab.md')) return null;
  const before = issues.length;
  const text = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  const md = text('lab.md');
  const fm = parseFrontmatter(md);
  for (const e of fm.errors) issues.push({ file: rel('lab.md'), line: e.line, message: e.message });
  if (fm.errors.length) return null;
  const parsed = ZLabMeta.safeParse(fm.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        file: rel('lab.md'),
        line: fm.keyLines[String(issue.path[0] ?? '')] ?? 1,
        message: `frontmatter ${issue.path.join('.')}: ${issue.message}`,
      });
    }
    return null;
  }
  const meta = parsed.data;
  if (fm.body.trim().length < 200) issues.push({ file: rel('lab.md'), line: fm.bodyLine, message: 'statement is missing or too short' });
  for (const m of checkMath(fm.body)) issues.push({ file: rel('lab.md'), line: fm.bodyLine + m.lineOffset, message: m.message });
  if (missing.length) return null;

  const markdown = (name: string, min: number) => {
    const body = text(name);
    if (body.trim().length < min) issues.push({ file: rel(name), line: 1, message: `${name} is missing or too short` });
    for (const m of checkMath(body)) issues.push({ file: rel(name), line: 1 + m.lineOffset, message: m.message });
    return body.trim();
  };
  const background = markdown('background.md', 200);
  const editorial = markdown('editorial.md', 200);
  const hintsText = text('hints.md');
  const hints = splitHints(hintsText);
  if (hints.length === 0)
    issues.push({ file: rel('hints.md'), line: 1, message: 'no hints: write each hint under its own "## Hint N" heading' });
  for (const m of checkMath(hintsText)) issues.push({ file: rel('hints.md'), line: 1 + m.lineOffset, message: m.message });

  const starter = text('starter.py');
  const reference = text('reference.py');
  for (const entry of meta.entry) {
    for (const [name, source] of [
      ['starter.py', starter],
      ['reference.py', reference],
    ] as const) {
      if (!definesEntry(source, entry)) issues.push({ file: rel(name), line: 1, message: `must define ${entry.kind} ${entry.name}` });
    }
  }
  const judge = text('judge.py');
  if (!/^CHECKS\s*=/m.test(judge) || !/^def evaluate\(run\)/m.test(judge))
    issues.push({ file: rel('judge.py'), line: 1, message: 'judge.py must define CHECKS and evaluate(run)' });

  const solutions = readSolutions(dir, rel, issues);
  if (issues.length > before) return null;
  return { slug, dir, meta, statement: fm.body.trim(), background, hints, editorial, starter, reference, solutions };
}

/** Reads labs/<slug>/ under `root` and checks their links to decks and concept cards. */
export function readLabs(root: string, decks: TDeck[], cards: TCard[], issues: ContentIssue[]): LoadedLab[] {
  const slugs = listDirs(path.join(root, 'labs'));
  const labs: LoadedLab[] = [];
  for (const slug of slugs) {
    const lab = readLab(root, slug, issues);
    if (lab) labs.push(lab);
  }
  const cardIds = new Set(cards.map((c) => c.id));
  for (const lab of labs) {
    const file = `labs/${lab.slug}/lab.md`;
    for (const id of lab.meta.concepts) {
      if (!cardIds.has(id)) issues.push({ file, line: 1, message: `concept card "${id}" does not exist` });
    }
    if (new Set(lab.meta.concepts).size !== lab.meta.concepts.length)
      issues.push({ file, line: 1, message: 'a concept card is listed twice' });
    for (const d of lab.meta.decks) {
      const deck = decks.find((x) => x.slug === d);
      if (!deck) issues.push({ file, line: 1, message: `unknown deck "${d}"` });
      else if (!deck.labs.includes(lab.slug))
        issues.push({ file: `decks/${d}/deck.yaml`, line: 1, message: `lab "${lab.slug}" lists this deck but the deck does not list it` });
    }
  }
  for (const deck of decks) {
    for (const slug of deck.labs) {
      const lab = labs.find((l) => l.slug === slug);
      if (!slugs.includes(slug)) issues.push({ file: `decks/${deck.slug}/deck.yaml`, line: 1, message: `lab "${slug}" does not exist` });
      else if (lab && !lab.meta.decks.includes(deck.slug))
        issues.push({
          file: `decks/${deck.slug}/deck.yaml`,
          line: 1,
          message: `lab "${slug}" does not list deck "${deck.slug}" in its frontmatter`,
        });
    }
  }
  return labs;
}
