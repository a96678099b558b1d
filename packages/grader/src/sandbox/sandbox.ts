import type { SandboxJob, SandboxResult, TestOutcome } from './protocol';

export interface SandboxWorkerStats {
  pid: number | undefined;
  jobs: number;
  restarts: number;
  rssBytes: number;
}

export interface SandboxStats {
  workers: SandboxWorkerStats[];
}

/**
 * Where untrusted code runs. The grader only needs this; the isolated-vm process pool is one backend,
 * and another (a container, a remote runner) can be added behind the same interface.
 */
export interface SandboxHooks {
  /** Called as each test finishes, in order: `index` is the test's position in `job.tests`. */
  onTest?(index: number, outcome: TestOutcome): void;
}

export interface Sandbox {
  execute(job: SandboxJob, hooks?: SandboxHooks): Promise<SandboxResult>;
  /** Starts whatever the backend keeps warm, so the first grade is not a cold one. */
  warmUp(): Promise<void>;
  stats(): SandboxStats;
  close(): Promise<void>;
}
