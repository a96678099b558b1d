/**
 * `npm run bench -w packages/grader`: per built-in problem, the warm grading time (median and p99, end to end
 * including compile) of its reference and its fast wrong solutions, next to the same grade done with a fresh
 * isolate per submission, and the way many simple judges do it: one fresh Node process per submission.
 *
 * Options (environment): BENCH_N (repetitions, default 15), BENCH_BASELINE_N (process-per-submission runs, default 3),
 * BENCH_ONLY (a slug, or a comma-separated list).
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadedProblem, TSubmission } from '@prep/contracts';
import { BUILT_IN_CONTENT_ROOT, readContent } from '@prep/problems';
import { stripExports } from '../compile/strip-exports';
import { referenceAsSubmission, wrongSolutions } from '../content';
import { createGrader, type Grader } from '../grader';

const N = Number(process.env.BENCH_N ?? 15);
const BASELINE_N = Number(process.env.BENCH_BASELINE_N ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(',');

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function time(grader: Grader, problem: LoadedProblem, submission: TSubmission, expected?: string): Promise<number> {
  const start = performance.now();
  const result = await grader.grade(problem, submission);
  const ms = performance.now() - start;
  if (expected && result.verdict !== expected)
    throw new Error(`${problem.slug}: expected ${expected}, got ${result.verdict}: ${result.message}`);
  return ms;
}

function printRow(
  problem: LoadedProblem,
  warmTimes: number[],
  wrongTimes: number[],
  freshTimes: number[],
  baselineTimes: number[],
  note: string,
): void {
  const med = quantile(warmTimes, 0.5);
  const base = quantile(baselineTimes, 0.5);
  const tests = (problem.tests.cases.length + (problem.tests.generators ?? []).reduce((n, g) => n + g.count, 0)).toString();
  console.log(
    [
      (problem.slug + note).padEnd(36),
      tests.padStart(5),
      `${med.toFixed(1)} ms`.padStart(12),
      `${quantile(warmTimes, 0.99).toFixed(1)} ms`.padStart(9),
      (wrongTimes.length ? `${quantile(wrongTimes, 0.5).toFixed(1)} ms` : '-').padStart(13),
      `${quantile(freshTimes, 0.5).toFixed(1)} ms`.padStart(21),
      `${base.toFixed(0)} ms`.padStart(26),
      `${(base / med).toFixed(0)}x`.padStart(6),
    ].join(' '),
  );
}

async function main(): Promise<void> {
  // The grader's own tiny problem first: its time is the pipeline's fixed cost (compile, sandbox, judge).
  const overhead = readContent(path.resolve(__dirname, '..', '..', 'test', 'content')).content.problems.filter(
    (p) => p.slug === 'add-numbers',
  );
  const builtIn = readContent(BUILT_IN_CONTENT_ROOT).content.problems.filter((p) => !ONLY || ONLY.includes(p.slug));
  const problems = [...overhead, ...builtIn];
  const warm = createGrader({ poolSize: 1 });
  const freshIsolate = createGrader({ poolSize: 1, isolateReuse: 1 });
  await Promise.all([warm.warmUp(), freshIsolate.warmUp()]);
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), N=${N}, process-per-submission N=${BASELINE_N}`,
  );
  console.log(
    'problem                              tests  warm median  warm p99  wrong median  fresh-isolate median  process/submission median  ratio',
  );
  const all = { warm: [] as number[], wrong: [] as number[], fresh: [] as number[], baseline: [] as number[] };
  for (const problem of problems) {
    const reference: TSubmission = { code: referenceAsSubmission(problem, stripExports), mode: 'submit' };
    const wrong = wrongSolutions(problem)
      .filter((w) => w.expect !== 'time_limit_exceeded')
      .slice(0, 2)
      .map((w) => ({ submission: { code: w.code, mode: 'submit' } as TSubmission, expect: w.expect }));
    // First grade computes the expected outputs (cached per problem version) and ships the tests to the sandbox.
    await time(warm, problem, reference, 'accepted');
    await time(freshIsolate, problem, reference, 'accepted');
    const warmTimes: number[] = [];
    const wrongTimes: number[] = [];
    const freshTimes: number[] = [];
    for (let i = 0; i < N; i++) {
      warmTimes.push(await time(warm, problem, reference, 'accepted'));
      for (const w of wrong) wrongTimes.push(await time(warm, problem, w.submission, w.expect));
      freshTimes.push(await time(freshIsolate, problem, reference, 'accepted'));
    }
    const baselineTimes: number[] = [];
    for (let i = 0; i < BASELINE_N; i++) {
      // One fresh Node process per submission: start it, grade once, end it.
      const start = performance.now();
      const once = createGrader({ poolSize: 1, isolateReuse: 1 });
      const result = await once.grade(problem, reference);
      await once.close();
      if (result.verdict !== 'accepted') throw new Error(`${problem.slug}: baseline got ${result.verdict}`);
      baselineTimes.push(performance.now() - start);
    }
    if (overhead.includes(problem)) {
      printRow(problem, warmTimes, wrongTimes, freshTimes, baselineTimes, ' (pipeline cost)');
      continue;
    }
    all.warm.push(...warmTimes);
    all.wrong.push(...wrongTimes);
    all.fresh.push(...freshTimes);
    all.baseline.push(...baselineTimes);
    printRow(problem, warmTimes, wrongTimes, freshTimes, baselineTimes, '');
  }
  const warmMedian = quantile(all.warm, 0.5);
  const baselineMedian = quantile(all.baseline, 0.5);
  console.log(
    `\nall problems: warm median ${warmMedian.toFixed(1)} ms (p99 ${quantile(all.warm, 0.99).toFixed(1)} ms), wrong solutions median ${quantile(all.wrong, 0.5).toFixed(1)} ms, ` +
      `fresh isolate per submission median ${quantile(all.fresh, 0.5).toFixed(1)} ms, process per submission median ${baselineMedian.toFixed(0)} ms; ` +
      `process-per-submission / warm = ${(baselineMedian / warmMedian).toFixed(0)}x`,
  );
  await Promise.all([warm.close(), freshIsolate.close()]);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
