#!/usr/bin/env node
import fs from 'node:fs';
import { ZGradeMode, type TGradeResult, type TGradeMode } from '@prep/contracts';
import { loadProblem, referenceAsSubmission, wrongSolutions } from './content';
import { stripExports } from './compile/strip-exports';
import { createGrader } from './grader';

const USAGE = `usage:
  grader grade --problem <slug-or-dir> --file <solution.ts> [--mode run|submit] [--json] [--reveal-hidden]
  grader check <slug-or-dir> [--json]`;

class UsageError extends Error {}

function parseFlags(args: string[]): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (['--json', '--reveal-hidden'].includes(arg)) flags.set(arg.slice(2), true);
    else if (i + 1 < args.length) flags.set(arg.slice(2), args[++i]!);
    else throw new UsageError(`${arg} needs a value`);
  }
  return { flags, positional };
}

function formatResult(result: TGradeResult): string {
  const lines = [`${result.verdict}  ${result.passed}/${result.total} passed  (cpu ${result.cpuTimeMs} ms, wall ${result.wallTimeMs} ms)`];
  if (result.message) lines.push(result.message);
  for (const d of result.compileErrors ?? []) lines.push(`  ${d.line}:${d.column} ${d.message}`);
  for (const t of result.tests) {
    if (t.status === 'passed' || t.status === 'skipped') continue;
    lines.push(`  test ${t.index + 1}${t.name ? ` (${t.name})` : ''}: ${t.status}${t.seed ? ` [seed ${t.seed}]` : ''}`);
    const show = (label: string, v: unknown) => {
      if (v === undefined) return;
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      lines.push(`    ${label}: ${text.length > 300 ? `${text.slice(0, 297)}...` : text}`);
    };
    show('input', t.input);
    show('expected', t.expected);
    show('actual', t.actual);
    show('error', t.error);
    show('stdout', t.stdout);
  }
  return lines.join('\n');
}

async function gradeCommand(flags: Map<string, string | true>): Promise<number> {
  const problemArg = flags.get('problem');
  const file = flags.get('file');
  if (typeof problemArg !== 'string' || typeof file !== 'string') throw new UsageError('grade needs --problem and --file');
  const mode = ZGradeMode.safeParse(flags.get('mode') ?? 'submit');
  if (!mode.success) throw new UsageError('--mode is run or submit');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const problem = loadProblem(problemArg);
  const grader = createGrader({ poolSize: 1 });
  try {
    const result = await grader.grade(
      problem,
      { code: fs.readFileSync(file, 'utf8'), mode: mode.data as TGradeMode },
      { revealHidden: flags.has('reveal-hidden') },
    );
    console.log(flags.has('json') ? JSON.stringify(result, null, 2) : formatResult(result));
    return 0;
  } finally {
    await grader.close();
  }
}

async function checkCommand(slugOrDir: string | undefined, json: boolean): Promise<number> {
  if (!slugOrDir) throw new UsageError('check needs a problem slug or folder');
  const problem = loadProblem(slugOrDir);
  const grader = createGrader({ poolSize: 1 });
  const report: { what: string; verdict: string; expected: string; ok: boolean; message?: string }[] = [];
  try {
    const submit = (code: string) => grader.grade(problem, { code, mode: 'submit' }, { revealHidden: true });
    const reference = await submit(referenceAsSubmission(problem, stripExports));
    report.push({
      what: 'reference.ts',
      verdict: reference.verdict,
      expected: 'accepted',
      ok: reference.verdict === 'accepted',
      message: reference.message,
    });
    const starter = await submit(problem.starter);
    report.push({ what: 'starter.ts', verdict: starter.verdict, expected: 'not accepted', ok: starter.verdict !== 'accepted' });
    for (const wrong of wrongSolutions(problem)) {
      const result = await submit(wrong.code);
      const ok = result.verdict !== 'accepted' && (wrong.expect === undefined || result.verdict === wrong.expect);
      report.push({
        what: `wrong/${wrong.file.split('/').pop()}`,
        verdict: result.verdict,
        expected: wrong.expect ?? 'not accepted',
        ok,
        message: result.message,
      });
    }
  } finally {
    await grader.close();
  }
  const ok = report.every((r) => r.ok);
  if (json) console.log(JSON.stringify({ problem: problem.slug, ok, report }, null, 2));
  else {
    for (const r of report)
      console.log(
        `${r.ok ? 'ok  ' : 'FAIL'} ${r.what}: ${r.verdict} (expected ${r.expected})${!r.ok && r.message ? `\n       ${r.message}` : ''}`,
      );
    console.log(ok ? `${problem.slug}: check passed` : `${problem.slug}: check FAILED`);
  }
  return ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { flags, positional } = parseFlags(rest);
    if (command === 'grade') return await gradeCommand(flags);
    if (command === 'check') return await checkCommand(positional[0], flags.has('json'));
    throw new UsageError(command ? `unknown command ${command}` : 'no command');
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    console.error((e as Error).message);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
