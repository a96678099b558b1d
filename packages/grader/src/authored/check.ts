import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type {
  TCheckFailure,
  TGradeResult,
  TMaterializedProblem,
  TMaterializedTestSet,
  TProblemCheckReport,
  TSubmission,
} from '@prep/contracts';
import { roundMs } from '../result';
import { materialize, type SandboxDeps } from './materialize';
import { canonicalJson, sourceHash, validateSource } from './source';

/** A reference may use at most this share of a time limit, so that learners' equally good solutions have room. */
export const REFERENCE_TIME_SHARE = 0.5;

export interface CheckOutcome {
  report: TProblemCheckReport;
  /** When the check passed: the problem ready to grade (its materialized tests included), to store with the version. */
  problem?: TMaterializedProblem;
}

type GradeMaterialized = (problem: TMaterializedProblem, submission: TSubmission) => Promise<TGradeResult>;

const emptyTests = { total: 0, samples: 0, generated: 0 };

/** The hash of an input that is not a valid source (so a report still names what it was about). */
const fingerprint = (input: unknown): string =>
  createHash('sha256')
    .update(canonicalJson(input ?? null))
    .digest('hex');

function countTests(testSet: TMaterializedTestSet): TProblemCheckReport['tests'] {
  const { tests } = testSet;
  return {
    total: tests.length,
    samples: tests.filter((t) => t.sample).length,
    generated: tests.filter((t) => t.seed !== undefined).length,
  };
}

function referenceTiming(
  result: TGradeResult,
  limits: { timeMsPerTest: number; timeMsTotal: number },
): NonNullable<TProblemCheckReport['reference']> {
  let slowest: { name?: string; ms: number } = { ms: 0 };
  for (const t of result.tests) if ((t.timeMs ?? 0) > slowest.ms) slowest = { name: t.name, ms: t.timeMs ?? 0 };
  return {
    verdict: result.verdict,
    slowestTestMs: slowest.ms,
    ...(slowest.name === undefined ? {} : { slowestTest: slowest.name }),
    totalMs: result.cpuTimeMs,
    limits: { timeMsPerTest: limits.timeMsPerTest, timeMsTotal: limits.timeMsTotal },
  };
}

export function timingFailures(timing: NonNullable<TProblemCheckReport['reference']>): TCheckFailure[] {
  const failures: TCheckFailure[] = [];
  const { timeMsPerTest, timeMsTotal } = timing.limits;
  const percent = `${REFERENCE_TIME_SHARE * 100}%`;
  if (timing.slowestTestMs > timeMsPerTest * REFERENCE_TIME_SHARE) {
    failures.push({
      code: 'reference_too_slow',
      ...(timing.slowestTest ? { test: timing.slowestTest } : {}),
      message: `the reference takes ${timing.slowestTestMs} ms on test "${timing.slowestTest ?? '?'}", over ${percent} of the ${timeMsPerTest} ms limit per test: raise the limit or make the test smaller`,
    });
  }
  if (timing.totalMs > timeMsTotal * REFERENCE_TIME_SHARE) {
    failures.push({
      code: 'reference_too_slow',
      message: `the reference takes ${timing.totalMs} ms on all tests, over ${percent} of the ${timeMsTotal} ms limit for the run`,
    });
  }
  return failures;
}

/**
 * Checks an authored problem the way the built-in content is checked: its tests are made in the sandbox (hand-written
 * expected values must agree with the reference), then, graded like submissions, the reference is accepted within
 * half of each time limit, the starter is not accepted, and every known-wrong solution gets the verdict it names.
 */
export async function checkProblem(deps: SandboxDeps, gradeMaterialized: GradeMaterialized, input: unknown): Promise<CheckOutcome> {
  const start = performance.now();
  try {
    return await runCheck(deps, gradeMaterialized, input, start);
  } catch (e) {
    const failure: TCheckFailure = { code: 'internal', message: `the grader failed: ${(e as Error)?.message ?? String(e)}` };
    return {
      report: {
        ok: false,
        sourceHash: fingerprint(input),
        failures: [failure],
        tests: emptyTests,
        reference: null,
        starter: null,
        wrongSolutions: [],
        durationMs: roundMs(performance.now() - start),
      },
    };
  }
}

async function runCheck(deps: SandboxDeps, gradeMaterialized: GradeMaterialized, input: unknown, start: number): Promise<CheckOutcome> {
  const finish = (fields: Omit<TProblemCheckReport, 'ok' | 'durationMs'>): TProblemCheckReport => ({
    ok: fields.failures.length === 0,
    ...fields,
    durationMs: roundMs(performance.now() - start),
  });
  const validated = validateSource(input);
  if (!validated.ok) {
    return {
      report: finish({
        sourceHash: fingerprint(input),
        failures: validated.failures,
        tests: emptyTests,
        reference: null,
        starter: null,
        wrongSolutions: [],
      }),
    };
  }
  const { problem: source } = validated.source;
  const hash = sourceHash(source);
  const made = await materialize(deps, validated.source);
  if (!made.ok) {
    const tests = { ...emptyTests, total: made.total };
    return { report: finish({ sourceHash: hash, failures: made.failures, tests, reference: null, starter: null, wrongSolutions: [] }) };
  }

  const problem: TMaterializedProblem = {
    slug: source.slug,
    version: source.version,
    functionName: source.functionName,
    signature: source.signature,
    judge: source.judge,
    limits: source.limits,
    reference: source.reference,
    testSet: made.testSet,
  };
  const submit = (code: string) => gradeMaterialized(problem, { code, mode: 'submit' });
  const [reference, starter, wrong] = await Promise.all([
    submit(source.reference),
    submit(source.starter),
    Promise.all(source.wrongSolutions.map((w) => submit(w.code))),
  ]);

  const failures: TCheckFailure[] = [];
  const timing = referenceTiming(reference, source.limits);
  if (reference.verdict !== 'accepted') {
    failures.push({
      code: 'reference_rejected',
      message: `graded as a submission, the reference gets ${reference.verdict}: ${reference.message ?? ''}`.replace(/: $/, ''),
    });
  } else failures.push(...timingFailures(timing));
  if (starter.verdict === 'accepted') {
    failures.push({ code: 'starter_accepted', message: 'the starter code is accepted: it must not solve the problem' });
  }
  const wrongSolutions = source.wrongSolutions.map((w, i) => {
    const result = wrong[i]!;
    const ok = result.verdict === w.expect;
    if (!ok) {
      failures.push({
        code: 'wrong_solution_verdict',
        solution: w.name,
        message: `wrong solution "${w.name}" gets ${result.verdict}, not ${w.expect}${result.message ? `: ${result.message}` : ''}`,
      });
    }
    return { name: w.name, expect: w.expect, verdict: result.verdict, ok, ...(result.message ? { message: result.message } : {}) };
  });
  const report = finish({
    sourceHash: hash,
    failures,
    tests: countTests(made.testSet),
    reference: timing,
    starter: { verdict: starter.verdict },
    wrongSolutions,
  });
  return report.ok ? { report, problem } : { report };
}
