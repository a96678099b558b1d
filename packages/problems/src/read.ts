import fs from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';
import { z } from 'zod';
import {
  ZDeckFile,
  ZProblemMeta,
  type AnyFunction,
  type LoadedContent,
  type LoadedLab,
  type LoadedProblem,
  type ProblemTests,
  type TCard,
  type TDeck,
} from '@prep/contracts';
import { parseCardFile } from './cards';
import { parseFrontmatter } from './frontmatter';
import type { ContentIssue } from './issues';
import { resolveConceptLinks, type ConceptDeclaration, type PracticeDeclaration } from './links';
import { readLabs } from './labs';
import { checkMath } from './markdown';
import { parseSignature } from './signature';
import { LineCounter, parseDocument } from 'yaml';

/** The content shipped in this package: packages/problems/{decks,problems,cards}. */
export const BUILT_IN_CONTENT_ROOT = path.resolve(__dirname, '..');

/** Fixed cases every built-in problem must have, so its edges are covered. */
export const MIN_FIXED_CASES = 15;

const PROBLEM_FILES = ['problem.md', 'starter.ts', 'reference.ts', 'tests.ts', 'hints.md', 'editorial.md'] as const;

export interface ReadOptions {
  /** Minimum number of fixed cases per problem (the built-in content uses MIN_FIXED_CASES). */
  minFixedCases?: number;
}

export interface ReadResult {
  content: LoadedContent;
  labs: LoadedLab[];
  /** Errors: content that must not be loaded until they are fixed. */
  issues: ContentIssue[];
  /** Things worth fixing that do not stop loading (e.g. a problem that names no concept cards). */
  warnings: ContentIssue[];
}

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function zodIssues(file: string, error: z.ZodError, keyLines: Record<string, number>, prefix: string): ContentIssue[] {
  return error.issues.map((issue) => ({
    file,
    line: keyLines[String(issue.path[0] ?? '')] ?? 1,
    message: `${prefix}${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`,
  }));
}

/** Line of the first occurrence of `needle` in `text` (1 when absent). */
function lineOfText(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** Line of a top-level YAML key in a file's frontmatter (1 when absent). */
function keyLineOf(text: string, key: string): number {
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

/** Line of a card's metadata comment, found by its id (1 when absent). */
function cardMetaLine(text: string, id: string): number {
  const m = new RegExp(`<!--\\s*id:\\s*${id}\\s*(;|-->)`).exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

/** `## ` sections of hints.md, in order; each section's body is one hint. */
export function splitHints(markdown: string): string[] {
  return markdown
    .split(/^##\s+.*$/m)
    .slice(1)
    .map((s) => s.trim())
    .filter(Boolean);
}

function readDecks(root: string, issues: ContentIssue[]): TDeck[] {
  const decks: TDeck[] = [];
  for (const slug of listDirs(path.join(root, 'decks'))) {
    const file = `decks/${slug}/deck.yaml`;
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      issues.push({ file, line: 1, message: 'deck folder has no deck.yaml' });
      continue;
    }
    const text = fs.readFileSync(full, 'utf8');
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    if (doc.errors.length) {
      for (const e of doc.errors) issues.push({ file, line: lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0]! });
      continue;
    }
    const keyLines: Record<string, number> = {};
    for (const key of ['title', 'description', 'tags', 'problems', 'cardTopics', 'labs']) keyLines[key] = lineOfText(text, `${key}:`);
    const parsed = ZDeckFile.safeParse(doc.toJS());
    if (!parsed.success) {
      issues.push(...zodIssues(file, parsed.error, keyLines, ''));
      continue;
    }
    decks.push({ slug, ...parsed.data });
  }
  return decks;
}

function readProblem(
  root: string,
  slug: string,
  jiti: ReturnType<typeof createJiti>,
  options: ReadOptions,
  issues: ContentIssue[],
): LoadedProblem | null {
  const dir = path.join(root, 'problems', slug);
  const rel = (name: string) => `problems/${slug}/${name}`;
  const missing = PROBLEM_FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
  for (const f of missing) issues.push({ file: rel(f), line: 1, message: 'missing file' });
  if (missing.includes('problem.md')) return null;
  const before = issues.length;

  const md = fs.readFileSync(path.join(dir, 'problem.md'), 'utf8');
  const fm = parseFrontmatter(md);
  for (const e of fm.errors) issues.push({ file: rel('problem.md'), line: e.line, message: e.message });
  if (fm.errors.length) return null;
  const parsedMeta = ZProblemMeta.safeParse(fm.data);
  if (!parsedMeta.success) {
    issues.push(...zodIssues(rel('problem.md'), parsedMeta.error, fm.keyLines, 'frontmatter '));
    return null;
  }
  const meta = parsedMeta.data;
  const sig = parseSignature(meta.signature);
  if ('error' in sig) {
    issues.push({ file: rel('problem.md'), line: fm.keyLines.signature ?? 1, message: sig.error });
  } else if (sig.name !== meta.function) {
    issues.push({
      file: rel('problem.md'),
      line: fm.keyLines.signature ?? 1,
      message: `signature declares ${sig.name} but function is ${meta.function}`,
    });
  }
  if (meta.judge.output !== 'return' && !('error' in sig) && meta.judge.output.mutatedArg >= sig.params.length) {
    issues.push({
      file: rel('problem.md'),
      line: fm.keyLines.judge ?? 1,
      message: `judge.output.mutatedArg ${meta.judge.output.mutatedArg} is not a parameter`,
    });
  }
  if (fm.body.trim().length < 40) issues.push({ file: rel('problem.md'), line: fm.bodyLine, message: 'statement is missing or too short' });
  for (const m of checkMath(fm.body)) issues.push({ file: rel('problem.md'), line: fm.bodyLine + m.lineOffset, message: m.message });
  if (missing.length) return null;

  const hintsText = fs.readFileSync(path.join(dir, 'hints.md'), 'utf8');
  const hints = splitHints(hintsText);
  if (hints.length === 0)
    issues.push({ file: rel('hints.md'), line: 1, message: 'no hints: write each hint under its own "## Hint N" heading' });
  for (const m of checkMath(hintsText)) issues.push({ file: rel('hints.md'), line: 1 + m.lineOffset, message: m.message });
  const editorial = fs.readFileSync(path.join(dir, 'editorial.md'), 'utf8');
  if (editorial.trim().length < 100) issues.push({ file: rel('editorial.md'), line: 1, message: 'editorial is missing or too short' });
  for (const m of checkMath(editorial)) issues.push({ file: rel('editorial.md'), line: 1 + m.lineOffset, message: m.message });
  const starter = fs.readFileSync(path.join(dir, 'starter.ts'), 'utf8');
  if (/^\s*(import|export)\b/m.test(starter))
    issues.push({ file: rel('starter.ts'), line: lineOfText(starter, 'port'), message: 'starter is learner code: no import or export' });

  let reference: AnyFunction | undefined;
  const alternatives: Record<string, AnyFunction> = {};
  try {
    const mod = jiti(path.join(dir, 'reference.ts')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      if (name === meta.function) reference = value as AnyFunction;
      else alternatives[name] = value as AnyFunction;
    }
    if (!reference) issues.push({ file: rel('reference.ts'), line: 1, message: `reference.ts must export function ${meta.function}` });
  } catch (e) {
    issues.push({ file: rel('reference.ts'), line: 1, message: `cannot load: ${(e as Error).message.split('\n')[0]}` });
  }

  let tests: ProblemTests | undefined;
  const testsText = fs.readFileSync(path.join(dir, 'tests.ts'), 'utf8');
  try {
    const mod = jiti(path.join(dir, 'tests.ts')) as { default?: ProblemTests };
    tests = mod.default;
    if (!tests || !Array.isArray(tests.cases)) {
      issues.push({
        file: rel('tests.ts'),
        line: 1,
        message: 'tests.ts must `export default defineTests({ cases, generators?, check? })`',
      });
      tests = undefined;
    }
  } catch (e) {
    issues.push({ file: rel('tests.ts'), line: 1, message: `cannot load: ${(e as Error).message.split('\n')[0]}` });
  }
  if (tests) {
    const arity = 'error' in sig ? undefined : sig.params.length;
    const minCases = options.minFixedCases ?? 1;
    if (tests.cases.length < minCases)
      issues.push({ file: rel('tests.ts'), line: 1, message: `only ${tests.cases.length} fixed cases; at least ${minCases} are required` });
    if (!tests.cases.some((c) => c.sample))
      issues.push({ file: rel('tests.ts'), line: 1, message: 'no sample test: mark at least one case `sample: true`' });
    const names = new Set<string>();
    for (const c of [...tests.cases, ...(tests.generators ?? [])]) {
      const line = lineOfText(testsText, c.name);
      if (!c.name) issues.push({ file: rel('tests.ts'), line, message: 'a test without a name' });
      if (names.has(c.name)) issues.push({ file: rel('tests.ts'), line, message: `duplicate test name "${c.name}"` });
      names.add(c.name);
    }
    for (const c of tests.cases) {
      if (arity !== undefined && (!Array.isArray(c.args) || c.args.length !== arity)) {
        issues.push({
          file: rel('tests.ts'),
          line: lineOfText(testsText, c.name),
          message: `case "${c.name}" has ${Array.isArray(c.args) ? c.args.length : 'no'} args; the signature takes ${arity}`,
        });
      }
    }
    for (const g of tests.generators ?? []) {
      if (!Number.isInteger(g.count) || g.count < 1 || typeof g.make !== 'function') {
        issues.push({
          file: rel('tests.ts'),
          line: lineOfText(testsText, g.name),
          message: `generator "${g.name}" needs a positive count and a make(rng) function`,
        });
      }
    }
    if (meta.judge.compare === 'custom' && typeof tests.check !== 'function') {
      issues.push({ file: rel('tests.ts'), line: 1, message: 'judge.compare is custom but tests.ts has no check function' });
    }
  }
  if (issues.length > before || !reference || !tests) return null;
  return {
    slug,
    dir,
    meta,
    params: 'error' in sig ? [] : sig.params,
    statement: fm.body.trim(),
    hints,
    editorial: editorial.trim(),
    starter,
    reference,
    alternatives,
    tests,
  };
}

function readCards(root: string, decks: TDeck[], issues: ContentIssue[]): TCard[] {
  const cards: TCard[] = [];
  for (const deck of listDirs(path.join(root, 'cards'))) {
    for (const name of fs
      .readdirSync(path.join(root, 'cards', deck))
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      const file = `cards/${deck}/${name}`;
      const topic = name.slice(0, -3);
      if (!decks.some((d) => d.slug === deck)) issues.push({ file, line: 1, message: `no deck "${deck}" (decks/${deck}/deck.yaml)` });
      const parsed = parseCardFile(file, fs.readFileSync(path.join(root, file), 'utf8'), deck, topic);
      issues.push(...parsed.issues);
      cards.push(...parsed.cards);
    }
  }
  return cards;
}

/** Reads and validates all content under `root`, collecting every problem found instead of stopping at the first. */
export function readContent(root: string = BUILT_IN_CONTENT_ROOT, options: ReadOptions = {}): ReadResult {
  const issues: ContentIssue[] = [];
  const jiti = createJiti(__filename, { moduleCache: false, interopDefault: false });
  const decks = readDecks(root, issues);
  const problems: LoadedProblem[] = [];
  const problemSlugs = listDirs(path.join(root, 'problems'));
  for (const slug of problemSlugs) {
    const p = readProblem(root, slug, jiti, options, issues);
    if (p) problems.push(p);
  }
  const cards = readCards(root, decks, issues);

  const deckSlugs = new Set(decks.map((d) => d.slug));
  for (const p of problems) {
    for (const d of p.meta.decks) {
      if (!deckSlugs.has(d)) issues.push({ file: `problems/${p.slug}/problem.md`, line: 1, message: `unknown deck "${d}"` });
    }
  }
  for (const d of decks) {
    const file = `decks/${d.slug}/deck.yaml`;
    for (const slug of d.problems) {
      const p = problems.find((x) => x.slug === slug);
      if (!problemSlugs.includes(slug)) issues.push({ file, line: 1, message: `problem "${slug}" does not exist` });
      else if (p && !p.meta.decks.includes(d.slug))
        issues.push({ file, line: 1, message: `problem "${slug}" does not list deck "${d.slug}" in its frontmatter` });
    }
    for (const topic of d.cardTopics) {
      if (!fs.existsSync(path.join(root, 'cards', d.slug, `${topic}.md`)))
        issues.push({ file, line: 1, message: `card topic "${topic}" has no file cards/${d.slug}/${topic}.md` });
    }
  }
  for (const p of problems) {
    for (const d of p.meta.decks) {
      const deck = decks.find((x) => x.slug === d);
      if (deck && !deck.problems.includes(p.slug))
        issues.push({
          file: `decks/${d}/deck.yaml`,
          line: 1,
          message: `problem "${p.slug}" lists this deck but the deck does not list it`,
        });
    }
  }
  const seen = new Map<string, TCard>();
  const practice: PracticeDeclaration[] = [];
  for (const c of cards) {
    const first = seen.get(c.id);
    const file = `cards/${c.deck}/${c.topic}.md`;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (first)
      issues.push({
        file,
        line: lineOfText(text, `id: ${c.id}`),
        message: `duplicate card id "${c.id}" (also in cards/${first.deck}/${first.topic}.md)`,
      });
    else {
      seen.set(c.id, c);
      practice.push({ card: c.id, file, line: cardMetaLine(text, c.id), practice: c.practice });
    }
  }
  const labs = readLabs(root, decks, cards, issues);

  const declarations: ConceptDeclaration[] = problems.map((p) => {
    const file = `problems/${p.slug}/problem.md`;
    return {
      kind: 'problem',
      slug: p.slug,
      file,
      line: keyLineOf(fs.readFileSync(path.join(root, file), 'utf8'), 'concepts'),
      concepts: p.meta.concepts,
    };
  });
  const linkCheck = resolveConceptLinks(declarations, practice, new Map(problemSlugs.map((slug) => [slug, 'problem'])));
  issues.push(...linkCheck.errors);
  const links = linkCheck.links.map(({ slug, card, conceptOrder, practiceOrder }) => ({
    problem: slug,
    card,
    conceptOrder,
    practiceOrder,
  }));
  return { content: { decks, problems, cards, links }, labs, issues, warnings: linkCheck.warnings };
}
