import { performance } from 'node:perf_hooks';
import {
  GRADE_RESULT_VERSION,
  type LoadedProblem,
  type TGradeMode,
  type TGradeResult,
  type TTestResult,
  type TTestStatus,
  type TVerdict,
} from '@prep/contracts';
import { CodecError, decodeValue, toDisplay } from '../codec';
import { roundMs } from '../result';
import type { SandboxResult, TestOutcome } from '../sandbox/protocol';
import { compareOutput } from './compare';
import type { PlannedTest } from './test-plan';

export interface GradedTest {
  planned: PlannedTest;
  /** A hidden test: in submit mode only its index and status are shown. */
  hidden: boolean;
  /** A learner's own input (run mode). */
  custom: boolean;
}

export interface Judged {
  status: TTestStatus;
  timeMs?: number;
  actual?: unknown;
  hasActual?: boolean;
  stdout?: string;
  error?: string;
  /** This test ran (as opposed to being skipped or rejected before running). */
  ran: boolean;
}

const FAILURE_VERDICTS: Partial<Record<TTestStatus, TVerdict>> = {
  wrong_answer: 'wrong_answer',
  time_limit_exceeded: 'time_limit_exceeded',
  memory_limit_exceeded: 'memory_limit_exceeded',
  runtime_error: 'runtime_error',
};

const VERDICT_WORDS: Record<string, string> = {
  wrong_answer: 'Wrong answer',
  time_limit_exceeded: 'Time limit exceeded',
  memory_limit_exceeded: 'Memory limit exceeded',
  runtime_error: 'Runtime error',
};

export function judgeOutcome(problem: LoadedProblem, planned: PlannedTest, outcome: TestOutcome): Judged {
  const common = { timeMs: roundMs(outcome.timeMs), stdout: outcome.stdout || undefined, ran: true };
  switch (outcome.status) {
    case 'timeout':
      return { ...common, status: 'time_limit_exceeded', error: `Time limit exceeded: ${outcome.payload}` };
    case 'memory':
      return { ...common, status: 'memory_limit_exceeded', error: 'Memory limit exceeded' };
    case 'error':
      return { ...common, status: 'runtime_error', error: outcome.payload };
    default:
      break;
  }
  // Equal canonical encodings: the exact comparison holds without decoding (see TestOutcome.sameAsExpected).
  if (outcome.sameAsExpected && problem.meta.judge.compare === 'exact' && planned.expectedText !== undefined) {
    return { ...common, status: 'passed', actual: planned.expected, hasActual: true };
  }
  let actual: unknown;
  try {
    actual = decodeValue(outcome.payload);
  } catch (e) {
    const why = e instanceof CodecError ? e.message : String(e);
    return { ...common, status: 'runtime_error', error: `The output could not be read: ${why}` };
  }
  // Only a custom checker sees the arguments; it gets its own copy.
  const args = problem.tests.check ? structuredClone(planned.args) : planned.args;
  const verdict = compareOutput(problem.meta.judge, actual, planned.expected, args, problem.tests.check);
  return verdict === true
    ? { ...common, status: 'passed', actual, hasActual: true }
    : { ...common, status: 'wrong_answer', actual, hasActual: true, error: verdict };
}

function deathStatus(cause: 'memory' | 'crash' | 'wall_timeout'): { status: TTestStatus; error: string } {
  if (cause === 'memory')
    return { status: 'memory_limit_exceeded', error: 'Memory limit exceeded (the sandbox process ran out of memory)' };
  if (cause === 'wall_timeout') return { status: 'time_limit_exceeded', error: 'Time limit exceeded (wall clock)' };
  return { status: 'runtime_error', error: 'The program crashed the sandbox process' };
}

export interface AssembleInput {
  problem: LoadedProblem;
  mode: TGradeMode;
  tests: GradedTest[];
  /** The tests sent to the sandbox, in order (outcomes are indexed by this list). */
  runnable: GradedTest[];
  outcome: SandboxResult;
  revealHidden: boolean;
  start: number;
  /** Outcomes already judged while the run was in progress, by position in `runnable`. */
  prejudged?: (Judged | undefined)[];
}

function compileErrorResult(input: AssembleInput, diagnostics: { line: number; column: number; message: string }[]): TGradeResult {
  const first = diagnostics[0];
  return {
    version: GRADE_RESULT_VERSION,
    verdict: 'compilation_error',
    passed: 0,
    total: input.tests.length,
    tests: input.tests.map((t, index) => shownTest(input, t, index, { status: 'skipped', ran: false }, false)),
    compileErrors: diagnostics,
    message: first ? `Line ${first.line}:${first.column}: ${first.message}` : 'Compilation error',
    cpuTimeMs: 0,
    wallTimeMs: roundMs(performance.now() - input.start),
  };
}

/** A hidden test in submit mode: learners see only its index and status (not even its time). */
export function isRedacted(test: GradedTest, mode: TGradeMode, revealHidden: boolean): boolean {
  return test.hidden && !revealHidden && mode !== 'run';
}

/** What a learner sees of one test: everything for visible tests, index and status for hidden ones in submit mode. */
function shownTest(input: AssembleInput, test: GradedTest, index: number, judged: Judged, afterHidden: boolean): TTestResult {
  const reveal = input.revealHidden || input.mode === 'run';
  if (isRedacted(test, input.mode, input.revealHidden)) return { index, status: judged.status };
  const { planned } = test;
  const out: TTestResult = { index, name: planned.name, status: judged.status, input: toDisplay(planned.args) as unknown[] };
  if (planned.referenceError === undefined) out.expected = toDisplay(planned.expected);
  if (judged.timeMs !== undefined) out.timeMs = judged.timeMs;
  // Output of a sample that ran after a hidden test could carry that test's data: not shown to learners.
  if (afterHidden && !reveal) return out;
  if (judged.hasActual) out.actual = toDisplay(judged.actual);
  if (judged.stdout) out.stdout = judged.stdout;
  if (judged.error) out.error = judged.error;
  if (planned.seed && judged.status !== 'passed' && judged.status !== 'skipped') out.seed = planned.seed;
  return out;
}

export function gradeOutcomes(input: AssembleInput): TGradeResult {
  const { outcome, tests, runnable, mode, problem } = input;
  if (outcome.kind === 'compile_error') return compileErrorResult(input, outcome.diagnostics);

  const runIndex = new Map(runnable.map((t, i) => [t, i]));
  let verdict: TVerdict | undefined;
  let message: string | undefined;
  let passed = 0;
  let total = 0;
  let cpu = 0;
  let hiddenRan = false;
  const shown: TTestResult[] = [];

  if (outcome.kind === 'died' && outcome.atTest === null && outcome.tests.length === 0) {
    const timedOut = outcome.cause === 'wall_timeout';
    return compileErrorResult(input, [
      { line: 1, column: 1, message: timedOut ? 'Compilation took too long' : `The compiler crashed on this code (${outcome.detail})` },
    ]);
  }

  tests.forEach((test, index) => {
    const { planned } = test;
    let judged: Judged;
    const at = runIndex.get(test);
    if (test.custom && planned.referenceError !== undefined) {
      judged = { status: 'invalid_input', error: `Invalid input: ${planned.referenceError}`, ran: false };
    } else if (verdict !== undefined && mode === 'submit') {
      judged = { status: 'skipped', ran: false };
    } else if (planned.referenceError !== undefined) {
      judged = { status: 'skipped', ran: false };
      verdict ??= 'internal_error';
      message ??= `The reference solution fails on test ${index + 1} (${planned.name}): ${planned.referenceError}`;
    } else if (at !== undefined && at < outcome.tests.length) {
      judged = input.prejudged?.[at] ?? judgeOutcome(problem, planned, outcome.tests[at]!);
    } else if (at !== undefined && outcome.kind === 'died' && at === (outcome.atTest ?? 0)) {
      judged = { ...deathStatus(outcome.cause), ran: true };
    } else {
      judged = { status: 'skipped', ran: false };
    }

    if (judged.status !== 'invalid_input') total++;
    if (judged.status === 'passed') passed++;
    cpu += judged.timeMs ?? 0;
    const failure = FAILURE_VERDICTS[judged.status];
    if (failure && verdict === undefined) {
      verdict = failure;
      const visible = !test.hidden || input.revealHidden || mode === 'run';
      const what = `${VERDICT_WORDS[judged.status]} on test ${index + 1}`;
      message = visible ? `${what} (${planned.name}): ${judged.error ?? ''}`.replace(/: $/, '') : `${what} (hidden test)`;
    }
    shown.push(shownTest(input, test, index, judged, hiddenRan));
    if (test.hidden && judged.ran) hiddenRan = true;
  });

  if (verdict === undefined) {
    const unfinished = shown.some((t) => t.status === 'skipped');
    verdict = unfinished ? 'internal_error' : 'accepted';
    if (unfinished) message = outcome.kind === 'died' ? `The sandbox stopped unexpectedly: ${outcome.detail}` : 'Some tests did not run';
  }
  return {
    version: GRADE_RESULT_VERSION,
    verdict,
    passed,
    total,
    tests: shown,
    ...(message ? { message } : {}),
    cpuTimeMs: roundMs(cpu),
    wallTimeMs: roundMs(performance.now() - input.start),
  };
}
