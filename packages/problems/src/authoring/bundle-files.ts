import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  ZDeckBundle,
  ZDeckFile,
  ZProblemMeta,
  ZWrongVerdict,
  type TAuthoredCardTopic,
  type TAuthoredProblem,
  type TAuthoredProblemInput,
  type TDeckBundle,
  type TDeckBundleInput,
} from '@prep/contracts';
import { parseCardFile } from '../cards';
import { parseFrontmatter } from '../frontmatter';
import type { ContentIssue } from '../issues';
import { checkMath } from '../markdown';
import { splitHints } from '../read';
import { parseSignature } from '../signature';
import { jsonLiteralValue, readTestsFile, writeTestsFile } from './tests-file';

/** A deck that the file layout cannot hold as it is (the messages say what to change). */
export class BundleExportError extends Error {
  constructor(readonly problems: string[]) {
    super(`the deck cannot be written as files:\n${problems.join('\n')}`);
    this.name = 'BundleExportError';
  }
}

/** `Args` of tests.ts: the parameter tuple of the signature (unknown[] when it is generic). */
export function argsTypeOf(signature: string): string {
  const parsed = parseSignature(signature);
  if ('error' in parsed || /^\s*function\s+[\w$]+\s*</.test(signature)) return 'unknown[]';
  return `[${parsed.params.map((p) => `${p.name}: ${p.type}`).join(', ')}]`;
}

const HEADING_2 = /^##\s/;

/** Lines starting a level-2 heading outside code fences (the card and hint formats split on them). */
function level2Headings(markdown: string): number[] {
  const found: number[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((line, i) => {
    const f = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      if (f && line.trim().startsWith(fence)) fence = null;
    } else if (f) fence = f[1]!;
    else if (HEADING_2.test(line)) found.push(i + 1);
  });
  return found;
}

/** reference.ts of the layout: the learner-form reference with `export` before the graded function's declaration. */
function exportReference(reference: string, functionName: string): string | null {
  const source = ts.createSourceFile('reference.ts', reference, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declaration = source.statements.find(
    (s) =>
      (ts.isFunctionDeclaration(s) && s.name?.text === functionName) ||
      (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === functionName)),
  );
  if (!declaration) return null;
  const at = declaration.getStart(source);
  return `${reference.slice(0, at)}export ${reference.slice(at)}`;
}

/** The reverse: top-level `export ` (and `default `) keywords removed, so the reference is learner code again. */
export function unexportReference(text: string): string {
  const source = ts.createSourceFile('reference.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const cuts: [number, number][] = [];
  for (const s of source.statements) {
    if (!ts.canHaveModifiers(s)) continue;
    for (const m of ts.getModifiers(s) ?? []) {
      if (m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword) continue;
      let end = m.getEnd();
      while (text[end] === ' ') end++;
      cuts.push([m.getStart(source), end]);
    }
  }
  return cuts.reverse().reduce((out, [start, end]) => out.slice(0, start) + out.slice(end), text);
}

/**
 * Moves code that is a JSON literal into data (`argsCode: "[1, 2]"` becomes `args: [1, 2]`), as the importer would
 * read it: save authored problems in this form and a deck's export then import gives back exactly what was saved.
 */
export function normalizeAuthoredProblem<P extends TAuthoredProblemInput>(problem: P): P {
  const literal = (code: string | undefined) => {
    if (code === undefined) return undefined;
    const source = ts.createSourceFile('x.ts', `(${code})`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const statement = source.statements[0];
    return source.statements.length === 1 && statement && ts.isExpressionStatement(statement)
      ? jsonLiteralValue(statement.expression)
      : undefined;
  };
  const cases = problem.tests.cases.map((c) => {
    const out = { ...c };
    const args = literal(c.argsCode);
    if (args?.ok && Array.isArray(args.value)) {
      delete out.argsCode;
      out.args = args.value as typeof c.args;
    }
    const expected = literal(c.expectedCode);
    if (expected?.ok) {
      delete out.expectedCode;
      out.expected = expected.value as typeof c.expected;
    }
    return out;
  });
  return { ...problem, tests: { ...problem.tests, cases } };
}

function problemFiles(deck: string, p: TAuthoredProblem, files: Map<string, string>, problems: string[]): void {
  const dir = `problems/${p.slug}`;
  const front = {
    title: p.title,
    version: p.version,
    difficulty: p.difficulty,
    tags: p.tags,
    decks: [deck],
    function: p.functionName,
    signature: p.signature,
    judge: p.judge,
    limits: p.limits,
    ...(p.expectedMinutes === undefined ? {} : { expectedMinutes: p.expectedMinutes }),
  };
  files.set(`${dir}/problem.md`, `---\n${stringifyYaml(front)}---\n\n${p.statement}\n`);
  const reference = exportReference(p.reference, p.functionName);
  if (reference === null) problems.push(`${dir}: the reference does not declare ${p.functionName} at its top level`);
  files.set(`${dir}/reference.ts`, reference ?? p.reference);
  files.set(`${dir}/starter.ts`, p.starter);
  files.set(`${dir}/tests.ts`, writeTestsFile(p.tests, argsTypeOf(p.signature)));
  p.hints.forEach((hint, i) => {
    if (level2Headings(hint).length) problems.push(`${dir}: hint ${i + 1} has a "## " heading, which would start a new hint: use ###`);
  });
  files.set(`${dir}/hints.md`, p.hints.map((h, i) => `## Hint ${i + 1}\n\n${h}\n`).join('\n'));
  files.set(`${dir}/editorial.md`, `${p.editorial}\n`);
  for (const w of p.wrongSolutions) files.set(`${dir}/wrong/${w.name}.ts`, `// expect: ${w.expect}\n${w.code}`);
}

function topicFile(deck: string, topic: TAuthoredCardTopic, problems: string[]): string {
  const cards = topic.cards.map((c) => {
    const headings = level2Headings(c.back);
    if (headings.length)
      problems.push(`card ${c.id}: its back has a "## " heading (line ${headings[0]}), which would start a new card: use ###`);
    const meta = [`id: ${c.id}`, `version: ${c.version}`, ...(c.tags.length ? [`tags: ${c.tags.join(', ')}`] : [])].join('; ');
    return `## ${c.front}\n<!-- ${meta} -->\n\n${c.back}\n`;
  });
  return `---\n${stringifyYaml({ title: topic.title })}---\n\n${cards.join('\n')}`;
}

/** A deck as files in the packages/problems layout (path → text). Throws BundleExportError when the layout cannot hold it. */
export function deckBundleToFiles(input: TDeckBundleInput): Map<string, string> {
  const bundle = ZDeckBundle.parse(input);
  const { deck } = bundle;
  const files = new Map<string, string>();
  const problems: string[] = [];
  const deckFile = {
    title: deck.title,
    description: deck.description,
    tags: deck.tags,
    problems: bundle.problems.map((p) => p.slug),
    cardTopics: bundle.topics.map((t) => t.slug),
  };
  files.set(`decks/${deck.slug}/deck.yaml`, stringifyYaml(deckFile));
  for (const p of bundle.problems) problemFiles(deck.slug, p, files, problems);
  for (const t of bundle.topics) files.set(`cards/${deck.slug}/${t.slug}.md`, topicFile(deck.slug, t, problems));
  if (problems.length) throw new BundleExportError(problems);
  return files;
}

// ---------------------------------------------------------------------------------------------------------------

const PROBLEM_FILES = new Set(['problem.md', 'reference.ts', 'starter.ts', 'tests.ts', 'hints.md', 'editorial.md']);
const IGNORED = (path: string) => path.startsWith('__MACOSX/') || path.split('/').some((s) => s.startsWith('.'));

/** Paths relative to the layout's root: a single wrapping folder (as "compress folder" makes) is removed. */
function rooted(files: Map<string, string>): Map<string, string> {
  const kept = [...files].filter(([p]) => !IGNORED(p));
  const firsts = new Set(kept.map(([p]) => p.split('/')[0]));
  const [only] = firsts;
  if (firsts.size === 1 && only && !['decks', 'problems', 'cards'].includes(only)) {
    return new Map(kept.map(([p, t]) => [p.slice(only.length + 1), t]));
  }
  return new Map(kept);
}

/** One problem folder of the layout, read without running any of it. */
export function readProblemFiles(
  files: Map<string, string>,
  slug: string,
  deck: string | null,
  issues: ContentIssue[],
): TAuthoredProblemInput | null {
  const dir = `problems/${slug}`;
  const before = issues.length;
  const file = (name: string) => {
    const text = files.get(`${dir}/${name}`);
    if (text === undefined) issues.push({ file: `${dir}/${name}`, line: 1, message: 'missing file' });
    return text;
  };
  const [md, reference, starter, testsText, hintsText, editorial] = [
    'problem.md',
    'reference.ts',
    'starter.ts',
    'tests.ts',
    'hints.md',
    'editorial.md',
  ].map(file);
  if (issues.length > before) return null;
  const fm = parseFrontmatter(md!);
  for (const e of fm.errors) issues.push({ file: `${dir}/problem.md`, line: e.line, message: e.message });
  const meta = ZProblemMeta.safeParse(fm.data ?? {});
  if (!meta.success) {
    for (const i of meta.error.issues)
      issues.push({
        file: `${dir}/problem.md`,
        line: fm.keyLines[String(i.path[0])] ?? 1,
        message: `frontmatter ${i.path.join('.')}: ${i.message}`,
      });
    return null;
  }
  if (deck && !meta.data.decks.includes(deck))
    issues.push({ file: `${dir}/problem.md`, line: fm.keyLines.decks ?? 1, message: `decks does not list ${deck}` });
  const markdown = [
    ['problem.md', fm.body, fm.bodyLine],
    ['hints.md', hintsText!, 1],
    ['editorial.md', editorial!, 1],
  ] as const;
  for (const [name, text, first] of markdown)
    for (const m of checkMath(text)) issues.push({ file: `${dir}/${name}`, line: first + m.lineOffset, message: m.message });
  const tests = readTestsFile(testsText!);
  for (const i of tests.issues) issues.push({ file: `${dir}/tests.ts`, line: i.line, message: i.message });
  const wrongSolutions: TAuthoredProblemInput['wrongSolutions'] = [];
  for (const [path, text] of [...files].filter(([p]) => p.startsWith(`${dir}/wrong/`)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = /^[^/]+\.ts$/.test(path.slice(dir.length + 7)) ? path.slice(dir.length + 7, -3) : null;
    const expect = ZWrongVerdict.safeParse(/^\s*\/\/\s*expect:\s*([a-z_]+)\s*$/.exec(text.split('\n')[0] ?? '')?.[1]);
    if (!name || !expect.success) {
      issues.push({
        file: path,
        line: 1,
        message: 'a wrong solution is wrong/<name>.ts starting with a line `// expect: <verdict>` (not accepted)',
      });
      continue;
    }
    const newline = text.indexOf('\n');
    wrongSolutions.push({ name, expect: expect.data, code: newline < 0 ? '' : text.slice(newline + 1) });
  }
  if (issues.length > before || !tests.tests) return null;
  const m = meta.data;
  return {
    slug,
    version: m.version,
    title: m.title,
    difficulty: m.difficulty,
    tags: m.tags,
    ...(m.expectedMinutes === undefined ? {} : { expectedMinutes: m.expectedMinutes }),
    statement: fm.body.trim(),
    hints: splitHints(hintsText!),
    editorial: editorial!.trim(),
    functionName: m.function,
    signature: m.signature,
    starter: starter!,
    reference: unexportReference(reference!),
    judge: m.judge,
    limits: m.limits,
    tests: tests.tests,
    wrongSolutions,
  };
}

function readTopic(files: Map<string, string>, deck: string, topic: string, issues: ContentIssue[]): TAuthoredCardTopic | null {
  const path = `cards/${deck}/${topic}.md`;
  const text = files.get(path);
  if (text === undefined) {
    issues.push({ file: path, line: 1, message: 'missing file' });
    return null;
  }
  const parsed = parseCardFile(path, text, deck, topic);
  issues.push(...parsed.issues);
  const title = (parseFrontmatter(text).data as { title?: unknown } | undefined)?.title;
  if (parsed.issues.length) return null;
  return {
    slug: topic,
    title: typeof title === 'string' ? title : '',
    cards: parsed.cards.map((c) => ({ id: c.id, version: c.version, front: c.front, back: c.back, tags: c.tags })),
  };
}

/**
 * Reads one deck in the packages/problems layout (as files of a zip): decks/<slug>/deck.yaml, its problems and its
 * card topics. Nothing is run: tests.ts and reference.ts are parsed as text. Every problem found is reported as
 * `file:line: message`, like the linter; the bundle is returned only when there is none.
 */
export function filesToDeckBundle(input: Map<string, string>): { bundle: TDeckBundle | null; issues: ContentIssue[] } {
  const files = rooted(input);
  const issues: ContentIssue[] = [];
  const deckFiles = [...files.keys()].filter((p) => /^decks\/[^/]+\/deck\.yaml$/.test(p));
  if (deckFiles.length !== 1) {
    issues.push({ file: 'decks', line: 1, message: `expected exactly one decks/<slug>/deck.yaml, found ${deckFiles.length}` });
    return { bundle: null, issues };
  }
  const deckPath = deckFiles[0]!;
  const slug = deckPath.split('/')[1]!;
  let deckYaml: unknown;
  try {
    deckYaml = parseYaml(files.get(deckPath)!);
  } catch (e) {
    issues.push({ file: deckPath, line: 1, message: (e as Error).message.split('\n')[0]! });
    return { bundle: null, issues };
  }
  const deckFile = ZDeckFile.safeParse(deckYaml);
  if (!deckFile.success) {
    for (const i of deckFile.error.issues) issues.push({ file: deckPath, line: 1, message: `${i.path.join('.')}: ${i.message}` });
    return { bundle: null, issues };
  }
  const d = deckFile.data;
  const known = new Set([deckPath]);
  const problems = d.problems.map((p) => {
    for (const f of files.keys())
      if (f.startsWith(`problems/${p}/`) && (PROBLEM_FILES.has(f.slice(`problems/${p}/`.length)) || f.startsWith(`problems/${p}/wrong/`)))
        known.add(f);
    return readProblemFiles(files, p, slug, issues);
  });
  const topics = d.cardTopics.map((t) => {
    known.add(`cards/${slug}/${t}.md`);
    return readTopic(files, slug, t, issues);
  });
  for (const f of files.keys())
    if (!known.has(f)) issues.push({ file: f, line: 1, message: 'not part of the deck (deck.yaml does not list it)' });
  if (issues.length) return { bundle: null, issues };
  const parsed = ZDeckBundle.safeParse({
    deck: { slug, title: d.title, description: d.description, tags: d.tags },
    problems: problems.map((p) => normalizeAuthoredProblem(p!)),
    topics,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const [kind, index] = i.path;
      const file =
        kind === 'problems' && typeof index === 'number'
          ? `problems/${d.problems[index]}`
          : kind === 'topics' && typeof index === 'number'
            ? `cards/${slug}/${d.cardTopics[index]}.md`
            : deckPath;
      issues.push({ file, line: 1, message: `${i.path.slice(2).join('.') || i.path.join('.')}: ${i.message}` });
    }
    return { bundle: null, issues };
  }
  return { bundle: parsed.data, issues };
}

/**
 * Files of a content root as text (path relative to the root → content), for folders and files given relative to it:
 * how built-in content is read as data, e.g. to fork a built-in problem (then readProblemFiles) or to zip a deck.
 */
export function readContentFiles(root: string, ...paths: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (rel: string) => {
    const full = path.join(root, rel);
    if (!fs.statSync(full).isDirectory()) {
      files.set(rel, fs.readFileSync(full, 'utf8'));
      return;
    }
    for (const entry of fs.readdirSync(full).sort()) visit(`${rel}/${entry}`);
  };
  for (const p of paths) visit(p);
  return files;
}
