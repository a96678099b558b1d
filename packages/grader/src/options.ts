import type { TTestProgress } from '@prep/contracts';
import os from 'node:os';

export interface GraderOptions {
  /** Sandbox child processes (default: the CPU count). */
  poolSize?: number;
  /** Isolate memory limit in MB for every problem (default: each problem's own `limits.memoryMb`). */
  memoryMb?: number;
  /** A sandbox process whose resident memory exceeds this after a job is replaced (default 1024). */
  rssCeilingMb?: number;
  /** Submissions one isolate serves before it is replaced; 1 means a fresh isolate per submission (default 100). */
  isolateReuse?: number;
  /** Wall-clock allowance for type-checking a submission (default 10 000 ms). */
  compileTimeoutMs?: number;
  /** Console output kept per submission, in characters (default 16 384). */
  stdoutLimitBytes?: number;
}

export type ResolvedGraderOptions = Required<GraderOptions>;

export function resolveOptions(options: GraderOptions = {}): ResolvedGraderOptions {
  return {
    poolSize: options.poolSize ?? Math.max(1, os.cpus().length),
    memoryMb: options.memoryMb ?? 0,
    rssCeilingMb: options.rssCeilingMb ?? 1024,
    isolateReuse: options.isolateReuse ?? 100,
    compileTimeoutMs: options.compileTimeoutMs ?? 10_000,
    stdoutLimitBytes: options.stdoutLimitBytes ?? 16 * 1024,
  };
}

export interface GradeOptions {
  /** Show hidden tests' data and seeds (for authors and maintainers; never for learners). */
  revealHidden?: boolean;
  /** Called once the tests are chosen, before any runs: the result will hold `total` tests. */
  onStart?(info: { total: number }): void;
  /**
   * Called as each test is judged, in order, with its index in the result, its status, and (for tests the learner may
   * see) its CPU time. Not called for tests the result shows as `skipped`; custom inputs the reference rejects are
   * reported as `invalid_input` right after `onStart`.
   */
  onTest?(progress: TTestProgress): void;
}
