import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProgressReader } from './progress-log';
import {
  CHILD_TEST_SET_CAPACITY,
  type ChildMessage,
  type ChildSettings,
  type HostMessage,
  type JobMessage,
  type SandboxJob,
  type SandboxResult,
} from './protocol';
import type { Sandbox, SandboxHooks, SandboxStats, SandboxWorkerStats } from './sandbox';

/** The compiled child entry: forked as JavaScript whether the pool runs from src (Jest) or from dist. */
export const CHILD_ENTRY = path.resolve(__dirname, '..', '..', 'dist', 'sandbox', 'child.js');

export interface ProcessPoolOptions {
  size: number;
  /** A child whose resident memory exceeds this after a job is replaced. */
  rssCeilingMb: number;
  isolateReuse: number;
  /** Wall-clock allowance for type-checking, on top of the run's own limits. */
  compileTimeoutMs: number;
  /** Extra wall-clock slack before a silent child is killed. */
  wallSlackMs: number;
}

const STDERR_TAIL = 4096;
const MEMORY_CRASH = /memory|allocation failed|invalid (array|typed array|string) length|invalid size|heap/i;

interface Pending {
  id: number;
  hooks: SandboxHooks | undefined;
  resolve(result: SandboxResult): void;
}

/** One supervised child process. Restarted when it dies, is killed for time, or grows past the RSS ceiling. */
class PoolWorker {
  private child!: ChildProcess;
  private ready!: Promise<void>;
  private stderrTail = '';
  private pending: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly progressFile: string;
  private readonly progress: ProgressReader;
  private closed = false;
  /** Test sets the current child holds (mirrors the child's own rule, see CHILD_TEST_SET_CAPACITY). */
  private readonly knownTestSets = new Set<string>();
  readonly stats: SandboxWorkerStats = { pid: undefined, jobs: 0, restarts: 0, rssBytes: 0 };

  constructor(
    private readonly options: ProcessPoolOptions,
    index: number,
  ) {
    this.progressFile = path.join(os.tmpdir(), `prep-grader-${process.pid}-${index}-${Math.random().toString(36).slice(2)}.log`);
    this.progress = new ProgressReader(this.progressFile);
    this.spawn();
  }

  private spawn(): void {
    const settings: ChildSettings = { isolateReuse: this.options.isolateReuse, progressFile: this.progressFile };
    const child = fork(CHILD_ENTRY, [], {
      execArgv: ['--no-node-snapshot'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, GRADER_CHILD_SETTINGS: JSON.stringify(settings) },
    });
    this.child = child;
    this.knownTestSets.clear();
    this.stderrTail = '';
    this.stats.pid = child.pid;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type === 'ready') {
          child.off('exit', onEarlyExit);
          if (!this.pending) this.idle();
          resolve();
        }
      };
      const onEarlyExit = (code: number | null, signal: string | null) =>
        reject(new Error(`grader sandbox process exited while starting (${signal ?? code}): ${this.stderrTail.trim()}`));
      child.on('message', onMessage);
      child.once('exit', onEarlyExit);
    });
    this.ready.catch(() => undefined);
    child.on('message', (m: ChildMessage) => this.onMessage(child, m));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
  }

  /** An idle child does not keep the host process alive. */
  private idle(): void {
    clearInterval(this.keepAlive);
    this.keepAlive = undefined;
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
    (this.child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  }

  /** While a job waits for its child (including the child's start), a timer keeps the host process alive. */
  private keepAlive: NodeJS.Timeout | undefined;

  private busy(): void {
    this.keepAlive ??= setInterval(() => undefined, 60_000);
    this.child.ref();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  async execute(job: SandboxJob, hooks?: SandboxHooks): Promise<SandboxResult> {
    this.busy();
    try {
      await this.ready;
    } catch (e) {
      this.idle();
      throw e;
    }
    this.busy(); // again: the child's ready handler may have marked it idle meanwhile
    const id = this.nextId++;
    this.stats.jobs++;
    return new Promise<SandboxResult>((resolve) => {
      this.pending = { id, hooks, resolve };
      this.progress.reset();
      // Limits are CPU time; the sandbox allows up to twice as much wall-clock time per call (see WALL_FACTOR).
      const wallMs = this.options.compileTimeoutMs + 2 * (job.limits.timeMsTotal + job.limits.timeMsPerTest) + this.options.wallSlackMs;
      this.timer = setTimeout(() => this.kill('wall_timeout', `no answer within ${wallMs} ms`), wallMs);
      const message: HostMessage = { type: 'job', id, job: this.withoutKnownTests(job, hooks?.onTest !== undefined) };
      this.child.send(message);
    });
  }

  private withoutKnownTests(job: SandboxJob, reportProgress: boolean): JobMessage {
    const message: JobMessage = reportProgress ? { ...job, reportProgress: true } : job;
    const key = job.testSetKey;
    if (key === undefined) return message;
    if (this.knownTestSets.has(key)) {
      const { tests: _known, ...rest } = message;
      return rest;
    }
    if (this.knownTestSets.size >= CHILD_TEST_SET_CAPACITY) this.knownTestSets.clear();
    this.knownTestSets.add(key);
    return message;
  }

  /** Reads the outcomes the child has written since the last read and reports each to the job's hook. */
  private readProgress(): void {
    const before = this.progress.tests.length;
    const fresh = this.progress.poll();
    const onTest = this.pending?.hooks?.onTest;
    if (!onTest) return;
    fresh.forEach((outcome, i) => {
      try {
        onTest(before + i, outcome);
      } catch {
        // A failing listener must not cost the grade.
      }
    });
  }

  private settle(result: SandboxResult): void {
    const pending = this.pending;
    this.pending = undefined;
    clearTimeout(this.timer);
    if (!this.closed) this.idle();
    pending?.resolve(result);
  }

  private onMessage(child: ChildProcess, m: ChildMessage): void {
    if (child !== this.child || m.type === 'ready' || !this.pending || m.id !== this.pending.id) return;
    // The message only says that the file has more; what a test produced is read from the file.
    this.readProgress();
    if (m.type === 'test') return;
    const { tests, started } = this.progress;
    if (m.type === 'failed') {
      this.settle({ kind: 'died', tests, atTest: started === null ? null : Math.max(0, started), cause: 'crash', detail: m.error });
      return;
    }
    this.stats.rssBytes = m.rssBytes;
    if (m.diagnostics) this.settle({ kind: 'compile_error', diagnostics: m.diagnostics });
    else this.settle({ kind: 'ran', tests });
    if (m.rssBytes > this.options.rssCeilingMb * 1024 * 1024) this.restart();
  }

  private kill(cause: 'wall_timeout', detail: string): void {
    this.deathCause = { cause, detail };
    this.child.kill('SIGKILL');
  }

  private deathCause: { cause: 'wall_timeout'; detail: string } | undefined;

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    if (this.pending) {
      this.readProgress();
      const { tests, started } = this.progress;
      const forced = this.deathCause;
      const detail =
        forced?.detail ?? `sandbox process exited (${signal ?? `code ${code}`}): ${this.stderrTail.trim().split('\n').slice(-3).join(' ')}`;
      const cause =
        forced?.cause ?? (signal === 'SIGABRT' || signal === 'SIGTRAP' || MEMORY_CRASH.test(this.stderrTail) ? 'memory' : 'crash');
      this.settle({ kind: 'died', tests, atTest: started === null ? null : Math.max(0, started), cause, detail });
    }
    this.deathCause = undefined;
    if (!this.closed) {
      this.stats.restarts++;
      this.spawn();
    }
  }

  /** Replace the child (e.g. after it grew past the RSS ceiling). */
  private restart(): void {
    this.child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null) {
      child.ref(); // an idle child is unref'd; waiting for its exit must keep the host alive
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    }
    this.progress.close();
    fs.rmSync(this.progressFile, { force: true });
  }
}

/** The default sandbox: a small pool of child processes, each running isolated-vm. */
export class ProcessPoolSandbox implements Sandbox {
  private readonly workers: PoolWorker[];
  private readonly idleWorkers: PoolWorker[];
  private readonly waiting: ((worker: PoolWorker) => void)[] = [];

  constructor(private readonly options: ProcessPoolOptions) {
    if (!fs.existsSync(CHILD_ENTRY)) {
      throw new Error(`@prep/grader: the sandbox child ${CHILD_ENTRY} is missing. Build the package first: npx tsc -b packages/grader`);
    }
    this.workers = Array.from({ length: Math.max(1, options.size) }, (_, i) => new PoolWorker(options, i));
    this.idleWorkers = [...this.workers];
  }

  async warmUp(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.whenReady()));
  }

  private acquire(): Promise<PoolWorker> {
    const worker = this.idleWorkers.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: PoolWorker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idleWorkers.push(worker);
  }

  async execute(job: SandboxJob, hooks?: SandboxHooks): Promise<SandboxResult> {
    const worker = await this.acquire();
    try {
      return await worker.execute(job, hooks);
    } finally {
      this.release(worker);
    }
  }

  stats(): SandboxStats {
    return { workers: this.workers.map((w) => ({ ...w.stats })) };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
