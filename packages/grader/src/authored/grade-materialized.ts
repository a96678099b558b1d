import type { LoadedProblem, TMaterializedProblem, TSubmission } from '@prep/contracts';
import { parseSignature } from '@prep/problems';
import { decodeValue, encodeValue } from '../codec';
import type { GradedTest } from '../judge/assemble';
import type { PlannedTest } from '../judge/test-plan';
import { authoredJob, outputArgOf, type SandboxDeps } from './materialize';

/** Grading state kept per materialized test set (by its hash): decoded tests, and one problem object, so that
 * sandbox processes keep the set's big inputs between submissions (they key them by the problem object). */
interface Prepared {
  problem: LoadedProblem;
  planned: PlannedTest[];
}

const MAX_PREPARED = 32;
const prepared = new Map<string, Prepared>();

function notInThisProcess(): never {
  throw new Error("an authored problem's reference runs only in the sandbox");
}

/**
 * What the grader's judging needs of a problem, built from data: the reference is never callable here, and the tests
 * come from the materialized set (custom checkers do not exist for authored problems).
 */
function prepare(problem: TMaterializedProblem): Prepared {
  const key = `${problem.slug}@${problem.version}#${problem.testSet.hash}`;
  let entry = prepared.get(key);
  if (entry) {
    prepared.delete(key);
    prepared.set(key, entry);
    return entry;
  }
  const signature = parseSignature(problem.signature);
  entry = {
    problem: {
      slug: problem.slug,
      dir: `authored:${problem.slug}`,
      meta: {
        title: problem.slug,
        version: problem.version,
        difficulty: 'easy',
        tags: [],
        decks: [],
        concepts: [],
        function: problem.functionName,
        signature: problem.signature,
        judge: problem.judge,
        limits: problem.limits,
      },
      params: 'error' in signature ? [] : signature.params,
      statement: '',
      hints: [],
      editorial: '',
      starter: '',
      reference: notInThisProcess,
      alternatives: {},
      tests: { cases: [] },
    },
    planned: problem.testSet.tests.map((t) => ({
      name: t.name,
      sample: t.sample,
      ...(t.seed === undefined ? {} : { seed: t.seed }),
      args: decodeValue(t.args) as unknown[],
      argsText: t.args,
      expected: decodeValue(t.expected),
      expectedText: t.expected,
    })),
  };
  if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
  prepared.set(key, entry);
  return entry;
}

/** A learner's own inputs (run mode) get their expected outputs from the reference, run in the sandbox. */
async function plannedCustomTests(
  deps: SandboxDeps,
  problem: TMaterializedProblem,
  arity: number,
  submission: TSubmission,
): Promise<GradedTest[]> {
  const custom = (submission.customTests ?? []).map((c, i): PlannedTest => {
    const base = { name: `custom ${i + 1}`, sample: true, args: c.args, argsText: encodeValue(c.args) };
    return arity && c.args.length !== arity
      ? { ...base, argsText: '[]', referenceError: `expected ${arity} arguments, got ${c.args.length}` }
      : base;
  });
  const toRun = custom.filter((t) => t.referenceError === undefined);
  if (toRun.length > 0) {
    const job = authoredJob(
      deps,
      problem.reference,
      problem.functionName,
      problem.signature,
      toRun.map((t) => t.argsText),
      outputArgOf(problem),
      problem.limits,
      false,
    );
    const result = await deps.sandbox().execute(job);
    if (result.kind === 'compile_error') throw new Error(`the reference does not compile: ${result.diagnostics[0]?.message ?? ''}`);
    toRun.forEach((test, i) => {
      const outcome = result.tests[i];
      if (outcome?.status === 'value') {
        test.expectedText = outcome.payload;
        test.expected = decodeValue(outcome.payload);
      } else if (outcome?.status === 'error') test.referenceError = outcome.payload.split('\n')[0]!;
      else
        test.referenceError = outcome
          ? `the reference ran out of ${outcome.status === 'timeout' ? 'time' : 'memory'} on it`
          : 'the reference could not run it';
    });
  }
  return custom.map((planned) => ({ planned, hidden: false, custom: true }));
}

/** The problem object grading an authored problem judges with (built from data; the same object for the same set). */
export function preparedProblem(materialized: TMaterializedProblem): LoadedProblem {
  return prepare(materialized).problem;
}

/** The tests one submission to an authored problem runs: all in submit mode; samples and custom inputs in run mode. */
export async function selectMaterializedTests(
  deps: SandboxDeps,
  materialized: TMaterializedProblem,
  submission: TSubmission,
): Promise<GradedTest[]> {
  const { problem, planned } = prepare(materialized);
  if (submission.mode === 'submit') return planned.map((p) => ({ planned: p, hidden: !p.sample, custom: false }));
  const samples = planned.filter((t) => t.sample).map((p) => ({ planned: p, hidden: false, custom: false }));
  return [...samples, ...(await plannedCustomTests(deps, materialized, problem.params.length, submission))];
}
