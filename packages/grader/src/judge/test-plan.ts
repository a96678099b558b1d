import type { LoadedProblem } from '@prep/contracts';
import { expandTests } from '@prep/problems';
import { encodeValue } from '../codec';

/** One test with its expected output, computed by the reference solution in this (trusted) process. */
export interface PlannedTest {
  name: string;
  sample: boolean;
  seed?: string;
  /** Pristine arguments: never passed to any solution. */
  args: unknown[];
  /** The encoded arguments the sandbox decodes afresh for every call. */
  argsText: string;
  expected?: unknown;
  expectedText?: string;
  /** Set when the reference itself throws: a content bug, or (for custom input) an invalid input. */
  referenceError?: string;
}

/** What the reference produces on a deep copy of `args`: the return value, or the mutated argument. */
export function runReference(problem: LoadedProblem, args: unknown[]): { expected: unknown } | { error: string } {
  const copy = structuredClone(args);
  try {
    const returned = (problem.reference as (...a: unknown[]) => unknown)(...copy);
    const output = problem.meta.judge.output;
    return { expected: output === 'return' ? returned : copy[output.mutatedArg] };
  } catch (e) {
    return { error: (e as Error)?.message ?? String(e) };
  }
}

export function planTest(problem: LoadedProblem, base: { name: string; sample: boolean; seed?: string; args: unknown[] }): PlannedTest {
  const planned: PlannedTest = { ...base, argsText: encodeValue(base.args) };
  const result = runReference(problem, base.args);
  if ('error' in result) planned.referenceError = result.error;
  else {
    planned.expected = result.expected;
    planned.expectedText = encodeValue(result.expected);
  }
  return planned;
}

const MAX_CACHED_PROBLEMS = 256;
const cache = new Map<string, PlannedTest[]>();

/** All tests of a problem in order (fixed cases, then generated), with expected outputs; cached per slug and version. */
export function plannedTests(problem: LoadedProblem): PlannedTest[] {
  const key = `${problem.slug}@${problem.meta.version}@${problem.dir}`;
  let tests = cache.get(key);
  if (!tests) {
    tests = expandTests(problem.tests).map((t) => planTest(problem, { name: t.name, sample: t.sample, seed: t.seed, args: t.args }));
    if (cache.size >= MAX_CACHED_PROBLEMS) cache.delete(cache.keys().next().value!);
    cache.set(key, tests);
  }
  return tests;
}
