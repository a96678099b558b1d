import { createHash } from 'node:crypto';
import {
  MATERIALIZED_FORMAT,
  type TAuthoredProblem,
  type TCheckFailure,
  type TMaterializedTest,
  type TMaterializedTestSet,
} from '@prep/contracts';
import { generatedSeed } from '@prep/problems';
import { CodecError, decodeValue, encodeValue } from '../codec';
import { compareOutput } from '../judge/compare';
import type { SandboxJob, SandboxResult, TestOutcome } from '../sandbox/protocol';
import type { Sandbox } from '../sandbox/sandbox';
import { sourceHash, type ValidSource } from './source';
import { buildTestProgram, locate, PieceKind, TEST_PROGRAM_FUNCTION, TEST_PROGRAM_SIGNATURE } from './test-program';

/**
 * Limits for the author's test code (generators and computed cases) in the sandbox: making one test may take twice
 * what solving it may (at least a second), all of them a minute, with at least 256 MB.
 */
export function testCodeLimits(limits: TAuthoredProblem['limits']): SandboxJob['limits'] {
  return {
    timeMsPerTest: Math.min(20_000, Math.max(1_000, 2 * limits.timeMsPerTest)),
    timeMsTotal: 60_000,
    memoryMb: Math.max(256, limits.memoryMb),
  };
}
/** The most a materialized test set may hold, arguments and expected outputs together (characters of encoding). */
export const MAX_TEST_SET_CHARS = 32 * 1024 * 1024;

export type MaterializeResult =
  | { ok: true; testSet: TMaterializedTestSet }
  | { ok: false; failures: TCheckFailure[]; /** Tests made before the failure (for the report's counts). */ total: number };

/** One test being made: where its arguments and pinned output come from. */
interface Draft {
  name: string;
  sample: boolean;
  seed?: string;
  argsText?: string;
  /** The case's hand-written expected output, to compare with the reference's. */
  pinned?: { value: unknown } | { code: true };
}

interface Piece {
  kind: (typeof PieceKind)[keyof typeof PieceKind];
  which: number;
  index: number;
  seed: string;
  /** The draft this piece fills. */
  draft: Draft;
}

export interface SandboxDeps {
  sandbox: () => Sandbox;
  stdoutLimitBytes: number;
}

function describeOutcome(outcome: TestOutcome): string {
  if (outcome.status === 'timeout') return `ran out of time (${outcome.payload})`;
  if (outcome.status === 'memory') return 'ran out of memory';
  return outcome.payload;
}

function describeDeath(result: Extract<SandboxResult, { kind: 'died' }>): string {
  if (result.cause === 'memory') return 'ran out of memory (the sandbox process died)';
  if (result.cause === 'wall_timeout') return 'ran out of time (wall clock)';
  return `crashed the sandbox process (${result.detail})`;
}

/** The job shape shared by the author's test code and the reference: run every test, report each output. */
export function authoredJob(
  deps: SandboxDeps,
  code: string,
  functionName: string,
  signature: string,
  args: string[],
  outputArg: number,
  limits: SandboxJob['limits'],
  stopOnFailure: boolean,
): SandboxJob {
  return {
    code,
    functionName,
    signature,
    tests: args.map((a) => ({ args: a })),
    outputArg,
    stopOnFailure,
    limits,
    stdoutLimitBytes: deps.stdoutLimitBytes,
  };
}

export const outputArgOf = (problem: Pick<TAuthoredProblem, 'judge'>): number =>
  problem.judge.output === 'return' ? -1 : problem.judge.output.mutatedArg;

/** Runs the author's test code (generators, computed cases and expected values) in the sandbox. */
async function runTestCode(deps: SandboxDeps, source: ValidSource, pieces: Piece[]): Promise<TCheckFailure[]> {
  if (pieces.length === 0) return [];
  const program = buildTestProgram(source.problem, source.argsType);
  const job = authoredJob(
    deps,
    program.code,
    TEST_PROGRAM_FUNCTION,
    TEST_PROGRAM_SIGNATURE,
    pieces.map((p) => encodeValue([p.kind, p.which, p.index, p.seed])),
    -1,
    testCodeLimits(source.problem.limits),
    true,
  );
  const result = await deps.sandbox().execute(job);
  if (result.kind === 'compile_error') {
    return result.diagnostics.map((d) => ({ code: 'tests_compile_error', message: d.message, at: locate(program, d) }));
  }
  const failures: TCheckFailure[] = [];
  const arity = source.signature.params.length;
  const what = (p: Piece) =>
    p.kind === PieceKind.Generated ? `generated test "${p.draft.name}" (seed ${p.seed})` : `case "${p.draft.name}"`;
  result.tests.forEach((outcome, i) => {
    const piece = pieces[i]!;
    const field = piece.kind === PieceKind.CaseExpected ? 'its expected value' : 'its arguments';
    if (outcome.status !== 'value') {
      failures.push({
        code: 'generator_failed',
        test: piece.draft.name,
        message: `${what(piece)}: making ${field} ${describeOutcome(outcome)}`,
      });
      return;
    }
    if (piece.kind === PieceKind.CaseExpected) {
      piece.draft.pinned = { value: decodeValue(outcome.payload) };
      return;
    }
    const args = decodeValue(outcome.payload);
    if (!Array.isArray(args) || args.length !== arity) {
      const made = Array.isArray(args) ? `${args.length} arguments` : 'no argument list';
      failures.push({
        code: 'generator_failed',
        test: piece.draft.name,
        message: `${what(piece)} made ${made}; the signature takes ${arity}`,
      });
      return;
    }
    piece.draft.argsText = outcome.payload;
  });
  if (result.kind === 'died') {
    const piece = pieces[result.atTest ?? 0];
    failures.push({
      code: 'generator_failed',
      test: piece?.draft.name,
      message: `${piece ? what(piece) : 'the test code'} ${describeDeath(result)}`,
    });
  }
  return failures;
}

/** Runs the reference on every test in the sandbox; returns each expected output, or the failures. */
async function runReference(
  deps: SandboxDeps,
  source: ValidSource,
  drafts: Draft[],
): Promise<{ expected: string[]; failures: TCheckFailure[] }> {
  const { problem } = source;
  const job = authoredJob(
    deps,
    problem.reference,
    problem.functionName,
    problem.signature,
    drafts.map((d) => d.argsText!),
    outputArgOf(problem),
    problem.limits,
    false,
  );
  const result = await deps.sandbox().execute(job);
  if (result.kind === 'compile_error') {
    const failures = result.diagnostics.map((d): TCheckFailure => ({
      code: 'reference_compile_error',
      message: d.message,
      at: { field: 'reference', line: d.line, column: d.column },
    }));
    return { expected: [], failures };
  }
  const failures: TCheckFailure[] = [];
  const expected: string[] = [];
  result.tests.forEach((outcome, i) => {
    const draft = drafts[i]!;
    if (outcome.status === 'value') expected.push(outcome.payload);
    else
      failures.push({
        code: 'reference_failed',
        test: draft.name,
        message: `the reference fails on test "${draft.name}": ${describeOutcome(outcome)}`,
      });
  });
  if (result.kind === 'died') {
    const draft = drafts[result.atTest ?? 0];
    failures.push({
      code: 'reference_failed',
      test: draft?.name,
      message: `the reference ${describeDeath(result)} on test "${draft?.name ?? '?'}"`,
    });
  } else if (result.tests.length < drafts.length && failures.length === 0) {
    failures.push({ code: 'reference_failed', message: `the reference stopped after ${result.tests.length} of ${drafts.length} tests` });
  }
  return { expected, failures };
}

/** Hand-written expected outputs must agree with the reference's, under the problem's own comparison. */
function pinnedMismatches(source: ValidSource, drafts: Draft[], expected: string[]): TCheckFailure[] {
  const failures: TCheckFailure[] = [];
  drafts.forEach((draft, i) => {
    const pinned = draft.pinned;
    if (!pinned || !('value' in pinned)) return;
    let reference: unknown;
    try {
      reference = decodeValue(expected[i]!);
    } catch (e) {
      const why = e instanceof CodecError ? e.message : String(e);
      failures.push({
        code: 'reference_failed',
        test: draft.name,
        message: `the reference's output on "${draft.name}" cannot be read: ${why}`,
      });
      return;
    }
    const verdict = compareOutput(source.problem.judge, reference, pinned.value, decodeValue(draft.argsText!) as unknown[]);
    if (verdict !== true) {
      failures.push({
        code: 'expected_mismatch',
        test: draft.name,
        message: `test "${draft.name}": the reference's output disagrees with the expected value written for it (${verdict})`,
      });
    }
  });
  return failures;
}

function tooLarge(chars: number): TCheckFailure {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { code: 'tests_too_large', message: `the tests take ${mb(chars)} as data; at most ${mb(MAX_TEST_SET_CHARS)} are allowed` };
}

/**
 * Makes an authored problem's full test set inside the sandbox: computed arguments and generated tests from the
 * author's test code, then every expected output from the reference. Nothing of the author's runs in this process;
 * it only encodes JSON arguments, decodes outputs and compares hand-written expected values with the reference's.
 */
export async function materialize(deps: SandboxDeps, source: ValidSource): Promise<MaterializeResult> {
  const { problem } = source;
  const drafts: Draft[] = [];
  const pieces: Piece[] = [];
  problem.tests.cases.forEach((c, i) => {
    const draft: Draft = { name: c.name, sample: c.sample };
    if (c.args !== undefined) draft.argsText = encodeValue(c.args);
    else pieces.push({ kind: PieceKind.CaseArgs, which: i, index: 0, seed: '', draft });
    if (c.expected !== undefined) draft.pinned = { value: c.expected };
    else if (c.expectedCode !== undefined) {
      draft.pinned = { code: true };
      pieces.push({ kind: PieceKind.CaseExpected, which: i, index: 0, seed: '', draft });
    }
    drafts.push(draft);
  });
  problem.tests.generators.forEach((g, which) => {
    for (let index = 0; index < g.count; index++) {
      const seed = generatedSeed(g, index);
      const draft: Draft = { name: g.count === 1 ? g.name : `${g.name} #${index + 1}`, sample: false, seed };
      drafts.push(draft);
      pieces.push({ kind: PieceKind.Generated, which, index, seed, draft });
    }
  });

  const fail = (failures: TCheckFailure[]): MaterializeResult => ({ ok: false, failures, total: drafts.length });
  const testCodeFailures = await runTestCode(deps, source, pieces);
  if (testCodeFailures.length > 0) return fail(testCodeFailures);
  const argsSize = drafts.reduce((n, d) => n + d.argsText!.length, 0);
  if (argsSize > MAX_TEST_SET_CHARS) return fail([tooLarge(argsSize)]);
  const { expected, failures } = await runReference(deps, source, drafts);
  if (failures.length > 0) return fail(failures);
  const mismatches = pinnedMismatches(source, drafts, expected);
  if (mismatches.length > 0) return fail(mismatches);

  const tests: TMaterializedTest[] = drafts.map((d, i) => ({
    name: d.name,
    sample: d.sample,
    ...(d.seed === undefined ? {} : { seed: d.seed }),
    args: d.argsText!,
    expected: expected[i]!,
  }));
  const size = tests.reduce((n, t) => n + t.args.length + t.expected.length, 0);
  if (size > MAX_TEST_SET_CHARS) return fail([tooLarge(size)]);
  const hash = createHash('sha256').update(JSON.stringify(tests)).digest('hex');
  return { ok: true, testSet: { format: MATERIALIZED_FORMAT, sourceHash: sourceHash(problem), hash, tests } };
}
