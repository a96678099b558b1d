import type { CompileDiagnostic } from '../compile/diagnostic';

/** One test as the sandbox sees it: encoded arguments (see ../codec.ts), and optionally the encoded expected output. */
export interface SandboxTest {
  args: string;
  /**
   * Given when equal encodings mean a passed test (exact comparison): the sandbox then stops at the first
   * difference instead of running the rest. Only a hint for stopping early; the host judges every output itself.
   */
  expected?: string;
}

export interface SandboxJob {
  /** Learner TypeScript, compiled inside the sandbox process so that a hostile program cannot stall the host. */
  code: string;
  functionName: string;
  signature: string;
  tests: SandboxTest[];
  /**
   * Names `tests` for reuse: a sandbox process that has seen this key keeps the tests, and later jobs with the
   * same key are sent without them (the big inputs of a problem cross the process boundary once).
   */
  testSetKey?: string;
  /** -1 judges the return value; otherwise the argument at this index, after the call. */
  outputArg: number;
  /** Stop after the first test that fails (an error, a limit, or an output unequal to `expected`). */
  stopOnFailure: boolean;
  limits: { timeMsPerTest: number; timeMsTotal: number; memoryMb: number };
  stdoutLimitBytes: number;
}

export type TestOutcomeStatus = 'value' | 'error' | 'timeout' | 'memory';

export interface TestOutcome {
  status: TestOutcomeStatus;
  /**
   * The output's encoding equalled the test's `expected` encoding character for character, so its payload is
   * left out. Encodings are canonical (sorted keys, NaN/-0/undefined tagged), so this is exactly the host's
   * `exact` deep equality; it spares copying and decoding big outputs that are right.
   */
  sameAsExpected?: true;
  /** The encoded output for `value`, the message and stack for `error`, a note for `timeout`. */
  payload: string;
  stdout: string;
  timeMs: number;
}

export type SandboxResult =
  | { kind: 'compile_error'; diagnostics: CompileDiagnostic[] }
  | { kind: 'ran'; tests: TestOutcome[] }
  /** The sandbox process died (or was killed for its wall-clock limit) while running test `atTest`. */
  | { kind: 'died'; tests: TestOutcome[]; atTest: number | null; cause: 'memory' | 'crash' | 'wall_timeout'; detail: string };

// ---- messages between the pool (host) and a sandbox child process

export interface ChildSettings {
  /** How many submissions one isolate serves before it is replaced (1: a fresh isolate per submission). */
  isolateReuse: number;
  /** File the child writes test progress and outcomes to, so the host knows them even if the child dies. */
  progressFile: string;
}

/** Test sets a child keeps; when a new one would exceed this, it forgets all (the host mirrors the rule). */
export const CHILD_TEST_SET_CAPACITY = 64;

/**
 * A job whose `tests` may be left out when the child already holds `testSetKey`. With `reportProgress`, the child
 * sends a `test` message as each outcome reaches the progress file (the host reads the outcome from the file).
 */
export type JobMessage = Omit<SandboxJob, 'tests'> & { tests?: SandboxTest[]; reportProgress?: true };

export type HostMessage = { type: 'job'; id: number; job: JobMessage };

export type ChildMessage =
  | { type: 'ready' }
  /** Outcome `index` (in the job's test order) is in the progress file. Carries no data from the isolate. */
  | { type: 'test'; id: number; index: number }
  | { type: 'done'; id: number; diagnostics?: CompileDiagnostic[]; rssBytes: number; compileMs: number }
  | { type: 'failed'; id: number; error: string };
