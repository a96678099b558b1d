import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ZLabEvaluation, type LoadedLab, type TLabEvaluation, type TLabLimits, type TLabSlot } from '@prep/contracts';
import { JUDGE_MAIN } from './paths';
import type { RunnerSpec, SandboxBackend } from './sandbox';

/** What the judge gets for one evaluation (apps/lab-worker/python/labjudge/main.py reads it). */
export interface JudgeJob {
  labDir: string;
  source: string;
  /** Secret: inputs, models and data derive from it. It never enters the sandbox. */
  seed: string;
  runner: RunnerSpec;
  limits: TLabLimits;
}

export interface Submission {
  lab: LoadedLab;
  code: string;
}

export interface GradeContext {
  python: string;
  sandbox: SandboxBackend;
  slot: TLabSlot;
  threads: number;
  /** Extra wall-clock allowance for the whole batch (torch imports, model building). */
  overheadMs?: number;
  /** Called with the judge's stderr when it failed (for the operator's log, never for the learner). */
  onJudgeError?: (stderr: string) => void;
}

const MAX_STDOUT_BYTES = 16 * 1024 * 1024;
const STDERR_TAIL_BYTES = 32 * 1024;

/** The judge's environment: threads and the GPU of the slot. No secret, nothing else of the worker's. */
export function judgeEnvironment(slot: TLabSlot, threads: number): Record<string, string> {
  const t = String(threads);
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: '/tmp',
    PYTHONDONTWRITEBYTECODE: '1',
    LAB_THREADS: t,
    OMP_NUM_THREADS: t,
    OPENBLAS_NUM_THREADS: t,
    MKL_NUM_THREADS: t,
    CUDA_VISIBLE_DEVICES: slot.kind === 'gpu' ? String(slot.gpu ?? 0) : '',
  };
}

/** Grades submissions in one judge process (one torch import), each in its own fresh sandbox. */
export async function gradeSubmissions(submissions: Submission[], context: GradeContext): Promise<TLabEvaluation[]> {
  // One fresh secret seed per batch: a production job is a batch of one; `check` grades a lab's known
  // solutions against the same inputs and models (built once in the judge).
  const seed = randomBytes(16).toString('hex');
  const jobs: JudgeJob[] = submissions.map(({ lab, code }) => ({
    labDir: lab.dir,
    source: code,
    seed,
    runner: context.sandbox.runner({ slot: context.slot, limits: lab.meta.limits, threads: context.threads }),
    limits: lab.meta.limits,
  }));
  const budgetMs = jobs.reduce((sum, job) => sum + job.limits.wallSec * 1000, context.overheadMs ?? 30_000);
  const outcome = await runJudge(jobs, context.python, judgeEnvironment(context.slot, context.threads), budgetMs);
  if (outcome.failure) context.onJudgeError?.(outcome.stderr);
  return jobs.map((job, i) => {
    const line = outcome.lines[i];
    if (line !== undefined) {
      const parsed = ZLabEvaluation.safeParse(line);
      if (parsed.success) return parsed.data;
      context.onJudgeError?.(`judge result ${i} does not match the contract: ${parsed.error.message}`);
      return failedEvaluation('internal_error', 'the grader returned a malformed result; this is not your fault', context.slot);
    }
    if (outcome.timedOut)
      return failedEvaluation('time_limit_exceeded', `the evaluation ran past its ${job.limits.wallSec} s budget`, context.slot);
    return failedEvaluation(
      'internal_error',
      `the grader stopped unexpectedly (${outcome.failure ?? 'no result'}); this is not your fault`,
      context.slot,
    );
  });
}

export function failedEvaluation(verdict: TLabEvaluation['verdict'], message: string, slot: TLabSlot): TLabEvaluation {
  return {
    verdict,
    message,
    checks: [],
    metrics: {},
    environment: {
      device: slot.kind,
      deviceName: 'unknown',
      torch: 'unknown',
      python: 'unknown',
      fp16: slot.kind === 'gpu' ? 'native' : 'emulated',
    },
    output: '',
    wallTimeMs: 0,
  };
}

interface JudgeOutcome {
  lines: unknown[];
  timedOut: boolean;
  failure: string | null;
  stderr: string;
}

/** Runs labjudge/main.py with the jobs on stdin; reads one JSON line per job, with caps on output and time. */
export function runJudge(jobs: JudgeJob[], python: string, env: Record<string, string>, budgetMs: number): Promise<JudgeOutcome> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-I', '-B', JUDGE_MAIN], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const lines: unknown[] = [];
    let pending = '';
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    let failure: string | null = null;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, budgetMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_STDOUT_BYTES) {
        failure = 'the judge wrote too much output';
        killGroup();
        return;
      }
      pending += chunk.toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const text = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        try {
          lines.push(JSON.parse(text));
        } catch {
          failure = 'the judge wrote a line that is not JSON';
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    child.on('error', (e) => {
      failure = `cannot start ${python}: ${e.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!failure && lines.length < jobs.length && !timedOut) failure = `the judge exited with ${signal ?? `status ${code}`}`;
      resolve({ lines, timedOut, failure, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify({ jobs }));
  });
}
