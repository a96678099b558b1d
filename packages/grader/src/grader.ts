import { performance } from 'node:perf_hooks';
import { ZSubmission, type LoadedProblem, type TGradeResult, type TSubmission } from '@prep/contracts';
import { gradeOutcomes, isRedacted, judgeOutcome, type GradedTest, type Judged } from './judge/assemble';
import { plannedTests, planTest, type PlannedTest } from './judge/test-plan';
import { resolveOptions, type GradeOptions, type GraderOptions, type ResolvedGraderOptions } from './options';
import { ProcessPoolSandbox } from './sandbox/process-pool';
import type { SandboxJob, SandboxResult } from './sandbox/protocol';
import type { Sandbox, SandboxHooks, SandboxStats } from './sandbox/sandbox';
import { internalError } from './result';
import { createAuthoredGrading, type AuthoredGrading } from './authored/authored-grading';

export interface Grader {
  grade(problem: LoadedProblem, submission: TSubmission, options?: GradeOptions): Promise<TGradeResult>;
  /** Authored problems: their tests are made, checked and graded with every piece of the author's code in the sandbox. */
  readonly authored: AuthoredGrading;
  /** Starts the sandbox processes now rather than on the first grade. */
  warmUp(): Promise<void>;
  stats(): SandboxStats;
  close(): Promise<void>;
}

export interface CreateGraderOptions extends GraderOptions {
  /** Another sandbox backend; the default is a pool of isolated-vm child processes. */
  sandbox?: Sandbox;
}

/** Chooses the tests a submission runs (built-in problems plan them here; authored ones bring them as data). */
export type SelectTests = (submission: TSubmission) => GradedTest[] | Promise<GradedTest[]>;

/** Grades a submission against the tests `select` chooses, with `problem` saying how to compile, limit and judge. */
export type GradeWith = (
  problem: LoadedProblem,
  submission: TSubmission,
  options: GradeOptions,
  select: SelectTests,
) => Promise<TGradeResult>;

/** The tests a submission runs: all of them in submit mode; samples and the learner's own inputs in run mode. */
function selectTests(problem: LoadedProblem, submission: TSubmission): GradedTest[] {
  const all = plannedTests(problem);
  if (submission.mode === 'submit') return all.map((planned) => ({ planned, hidden: !planned.sample, custom: false }));
  const samples = all.filter((t) => t.sample).map((planned) => ({ planned, hidden: false, custom: false }));
  const arity = problem.params.length;
  const custom = (submission.customTests ?? []).map((c, i): GradedTest => {
    const base = { name: `custom ${i + 1}`, sample: true, args: c.args };
    const planned: PlannedTest =
      arity && c.args.length !== arity
        ? { ...base, argsText: '[]', referenceError: `expected ${arity} arguments, got ${c.args.length}` }
        : planTest(problem, base);
    return { planned, hidden: false, custom: true };
  });
  return [...samples, ...custom];
}

let nextProblemId = 0;
const problemIds = new WeakMap<LoadedProblem, number>();

/** Distinct per loaded problem object (so a reloaded, edited problem never reuses stale tests). */
function testSetKey(problem: LoadedProblem): string {
  let id = problemIds.get(problem);
  if (id === undefined) problemIds.set(problem, (id = ++nextProblemId));
  return `${problem.slug}@${problem.meta.version}#${id}`;
}

function buildJob(problem: LoadedProblem, submission: TSubmission, tests: GradedTest[], options: ResolvedGraderOptions): SandboxJob {
  const { judge, limits } = problem.meta;
  const exact = judge.compare === 'exact';
  return {
    code: submission.code,
    functionName: problem.meta.function,
    signature: problem.meta.signature,
    tests: tests.map(({ planned }) => ({
      args: planned.argsText,
      ...(exact && planned.expectedText !== undefined ? { expected: planned.expectedText } : {}),
    })),
    // Submit mode always sends the same tests for a problem version, so sandbox processes can keep them.
    ...(submission.mode === 'submit' ? { testSetKey: testSetKey(problem) } : {}),
    outputArg: judge.output === 'return' ? -1 : judge.output.mutatedArg,
    stopOnFailure: submission.mode === 'submit',
    limits: { timeMsPerTest: limits.timeMsPerTest, timeMsTotal: limits.timeMsTotal, memoryMb: options.memoryMb || limits.memoryMb },
    stdoutLimitBytes: options.stdoutLimitBytes,
  };
}

/**
 * Judges outcomes as the sandbox reports them and tells `options.onTest`, stopping (like the result) after the first
 * failure in submit mode. The judged outcomes are kept so the final assembly does not judge them again.
 */
function progressHooks(
  problem: LoadedProblem,
  mode: TSubmission['mode'],
  tests: GradedTest[],
  runnable: GradedTest[],
  options: GradeOptions,
  prejudged: (Judged | undefined)[],
): SandboxHooks | undefined {
  const { onStart, onTest } = options;
  const revealHidden = options.revealHidden === true;
  onStart?.({ total: tests.length });
  if (!onTest) return undefined;
  const positions = new Map(tests.map((t, i) => [t, i]));
  tests.forEach((test, index) => {
    if (test.custom && test.planned.referenceError !== undefined) onTest({ index, status: 'invalid_input' });
  });
  let stopped = false;
  return {
    onTest(at, outcome) {
      const test = runnable[at];
      if (!test || stopped) return;
      if (test.planned.referenceError !== undefined) {
        stopped = mode === 'submit';
        return;
      }
      const judged = judgeOutcome(problem, test.planned, outcome);
      prejudged[at] = judged;
      const shown = isRedacted(test, mode, revealHidden) || judged.timeMs === undefined ? {} : { timeMs: judged.timeMs };
      onTest({ index: positions.get(test)!, status: judged.status, ...shown });
      if (mode === 'submit' && judged.status !== 'passed') stopped = true;
    },
  };
}

export function createGrader(options: CreateGraderOptions = {}): Grader {
  const resolved = resolveOptions(options);
  let sandbox: Sandbox | undefined = options.sandbox;
  const getSandbox = (): Sandbox =>
    (sandbox ??= new ProcessPoolSandbox({
      size: resolved.poolSize,
      rssCeilingMb: resolved.rssCeilingMb,
      isolateReuse: resolved.isolateReuse,
      compileTimeoutMs: resolved.compileTimeoutMs,
      wallSlackMs: 2000,
    }));

  const gradeWith: GradeWith = async (problem, submission, gradeOptions, select) => {
    const start = performance.now();
    try {
      const parsed = ZSubmission.parse(submission);
      const tests = await select(parsed);
      // Invalid custom inputs never reach the sandbox.
      const runnable = tests.filter((t) => !(t.custom && t.planned.referenceError !== undefined));
      const prejudged: (Judged | undefined)[] = [];
      const hooks = progressHooks(problem, parsed.mode, tests, runnable, gradeOptions, prejudged);
      const outcome: SandboxResult =
        runnable.length > 0 ? await getSandbox().execute(buildJob(problem, parsed, runnable, resolved), hooks) : { kind: 'ran', tests: [] };
      return gradeOutcomes({
        prejudged,
        problem,
        mode: parsed.mode,
        tests,
        runnable,
        outcome,
        revealHidden: gradeOptions.revealHidden === true,
        start,
      });
    } catch (e) {
      return internalError(e, performance.now() - start);
    }
  };

  return {
    grade: (problem, submission, gradeOptions = {}) =>
      gradeWith(problem, submission, gradeOptions, (parsed) => selectTests(problem, parsed)),
    authored: createAuthoredGrading({ sandbox: getSandbox, stdoutLimitBytes: resolved.stdoutLimitBytes, gradeWith }),
    warmUp: () => getSandbox().warmUp(),
    stats: () => sandbox?.stats() ?? { workers: [] },
    async close() {
      await sandbox?.close();
      sandbox = undefined;
    },
  };
}

let shared: Grader | undefined;

/** Grades with a grader shared by the whole process, created on first use. */
export function grade(problem: LoadedProblem, submission: TSubmission, options?: GradeOptions & GraderOptions): Promise<TGradeResult> {
  shared ??= createGrader(options);
  return shared.grade(problem, submission, options);
}

/** Closes the shared grader of `grade()`, if it was created. */
export async function closeSharedGrader(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
