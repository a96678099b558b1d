/**
 * Entry of a sandbox child process (forked by ProcessPoolSandbox with --no-node-snapshot). It compiles
 * and runs submissions in isolated-vm; the host process never loads isolated-vm itself.
 */
import { performance } from 'node:perf_hooks';
import { compileSubmission } from '../compile/compile';
import { IsolateRunner } from './isolate-runner';
import { ProgressWriter } from './progress-log';
import {
  CHILD_TEST_SET_CAPACITY,
  type ChildMessage,
  type ChildSettings,
  type HostMessage,
  type SandboxJob,
  type SandboxTest,
} from './protocol';

const settings = JSON.parse(process.env.GRADER_CHILD_SETTINGS ?? '{}') as ChildSettings;
const progress = new ProgressWriter(settings.progressFile);
const runner = new IsolateRunner(Math.max(1, settings.isolateReuse || 1));

function send(message: ChildMessage): void {
  process.send?.(message);
}

const testSets = new Map<string, SandboxTest[]>();

function resolveTests(message: HostMessage): SandboxJob {
  const { job } = message;
  const key = job.testSetKey;
  if (job.tests) {
    if (key !== undefined && !testSets.has(key)) {
      if (testSets.size >= CHILD_TEST_SET_CAPACITY) testSets.clear();
      testSets.set(key, job.tests);
    }
    return { ...job, tests: job.tests };
  }
  const tests = key === undefined ? undefined : testSets.get(key);
  if (!tests) throw new Error(`the job's tests were not sent and test set ${key} is unknown`);
  return { ...job, tests };
}

async function handle(message: HostMessage): Promise<void> {
  const { id } = message;
  const job = resolveTests(message);
  progress.reset(message.job.reportProgress ? (index) => send({ type: 'test', id, index }) : undefined);
  const start = performance.now();
  const compiled = compileSubmission(job.code, job.functionName, job.signature);
  const compileMs = performance.now() - start;
  if (!compiled.ok) {
    send({ type: 'done', id, diagnostics: compiled.diagnostics, rssBytes: process.memoryUsage.rss(), compileMs });
    return;
  }
  await runner.run(job, compiled.js, progress);
  send({ type: 'done', id, rssBytes: process.memoryUsage.rss(), compileMs });
}

let queue = Promise.resolve();
process.on('message', (message: HostMessage) => {
  if (message?.type !== 'job') return;
  queue = queue.then(() =>
    handle(message).catch((e: unknown) => send({ type: 'failed', id: message.id, error: (e as Error)?.stack ?? String(e) })),
  );
});
// The host went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
// The host decides when a sandbox stops (it drains its jobs on SIGTERM/SIGINT first, then SIGKILLs or disconnects
// its children), so a signal sent to the whole process group must not end a grade half way.
process.on('SIGTERM', () => undefined);
process.on('SIGINT', () => undefined);

// Warm up: parse the TypeScript libs and build an isolate before saying ready.
compileSubmission('function warmUp(a: number[]): number { return a.length; }', 'warmUp', 'function warmUp(a: number[]): number');
send({ type: 'ready' });
