import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import pino from 'pino';
import { LabJobName, LabQueueName, ZLabResultJob, type TLabGradeJob, type TLabResultJob } from '@prep/contracts';
import { parseConfig } from '../src/config';
import { loadLabCatalog } from '../src/content';
import { createSandbox } from '../src/sandbox';
import { LabWorker } from '../src/worker';
import { alive, cmdline, descendants, labWorkerTestEnv } from './support/worker-process';

/**
 * The lab worker against the real Redis, grading in real bubblewrap sandboxes: one result per
 * submission on lab-results, GPU-only labs handed to labs-gpu, and a worker killed with SIGKILL in
 * the middle of a job: its judge and sandbox die with it, another worker grades the job again, and
 * the submission still gets exactly one result.
 */
const CONTENT = path.join(__dirname, 'fixtures', 'content');
const MAIN = path.join(__dirname, '..', 'dist', 'main.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `${process.env.QUEUE_PREFIX ?? 'test'}_labs_${randomUUID().slice(0, 8)}`;
const catalog = loadLabCatalog(CONTENT);
const probe = catalog.labs.get('sandbox-probe')!;

const quickProbe = 'def probe():\n    return {"hello": "from the sandbox"}\n';
const slowProbe = 'import time\n\ndef probe():\n    time.sleep(4)\n    return {"slept": 4}\n';

function job(code: string, lab = probe): TLabGradeJob {
  return { submissionId: randomUUID(), labSlug: lab.slug, labVersion: lab.meta.version, code, submittedAt: new Date().toISOString() };
}

const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
const queues = new Map<string, Queue>();
function queue(name: string): Queue {
  if (!queues.has(name)) queues.set(name, new Queue(name, { connection, prefix: PREFIX }));
  return queues.get(name)!;
}

async function waitFor<T>(what: string, probeFn: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probeFn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function resultFor(submissionId: string): Promise<TLabResultJob> {
  const found = await waitFor(`the result of ${submissionId}`, () => queue(LabQueueName.LabResults).getJob(submissionId), 120_000);
  return ZLabResultJob.parse(found.data);
}

afterAll(async () => {
  await Promise.all([...queues.values()].map((q) => q.obliterate({ force: true }).then(() => q.close())));
  await connection.quit();
});

describe('LabWorker (in process)', () => {
  const config = parseConfig({
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    LAB_SANDBOX: 'bubblewrap',
    LAB_SANDBOX_UID: '62100',
    LAB_LOCK_MS: '30000',
  });
  const worker = new LabWorker({
    config,
    labs: catalog.labs,
    slots: [{ kind: 'cpu', index: 0 }],
    threads: 1,
    sandbox: createSandbox(config),
    logger: pino({ level: 'silent' }),
  });

  beforeAll(() => worker.start());
  afterAll(() => worker.drain());

  it('grades a submission and publishes one result, saying it ran on a CPU', async () => {
    const data = job(quickProbe);
    const events = new QueueEvents(LabQueueName.Labs, { connection: connection.duplicate(), prefix: PREFIX });
    await events.waitUntilReady();
    try {
      const added = await queue(LabQueueName.Labs).add(LabJobName.Grade, data, { jobId: data.submissionId });
      await added.waitUntilFinished(events, 120_000);
    } finally {
      await events.close();
    }
    const result = await resultFor(data.submissionId);
    expect(result.evaluation.verdict).toBe('accepted');
    expect(result.evaluation.environment.device).toBe('cpu');
    expect(result.evaluation.metrics.probe).toEqual({ hello: 'from the sandbox' });
    expect(result.worker).toEqual(expect.objectContaining({ sandbox: 'bubblewrap', slot: { kind: 'cpu', index: 0 } }));
    expect(result.attempt).toBe(1);
    // Enqueueing the same submission again is one job: nothing runs, nothing more is published.
    await queue(LabQueueName.Labs).add(LabJobName.Grade, data, { jobId: data.submissionId });
    expect((await queue(LabQueueName.LabResults).getJobCounts('waiting')).waiting).toBe(1);
    const metrics = await worker.metrics.registry.metrics();
    expect(metrics).toMatch(/lab_jobs_total\{lab="sandbox-probe",verdict="accepted",device="cpu"\} 1/);
    expect(metrics).toMatch(/lab_job_duration_seconds_count\{lab="sandbox-probe",verdict="accepted",device="cpu"\} 1/);
    expect(metrics).toMatch(/lab_slots\{device="cpu"\} 1/);
    expect(metrics).toMatch(/lab_queue_jobs\{queue="lab-results",state="waiting"\} 1/);
  }, 180_000);

  it('hands a lab that needs a GPU to the GPU queue instead of grading it on a CPU', async () => {
    const lab = catalog.labs.get('needs-a-gpu')!;
    const data = job(quickProbe, lab);
    await queue(LabQueueName.Labs).add(LabJobName.Grade, data, { jobId: data.submissionId });
    const forwarded = await waitFor('the forwarded job', () => queue(LabQueueName.LabsGpu).getJob(data.submissionId));
    expect(forwarded.data).toEqual(data);
    expect(await queue(LabQueueName.LabResults).getJob(data.submissionId)).toBeUndefined();
  }, 60_000);
});

class WorkerProcess {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[] = [];

  constructor(uid: number) {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build:libs)`);
    this.child = spawn(process.execPath, [MAIN], {
      env: labWorkerTestEnv({ redisUrl: REDIS_URL, queuePrefix: PREFIX, sandboxUid: uid, contentRoot: CONTENT }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) this.logs.push(JSON.parse(line) as Record<string, unknown>);
    });
  }

  logged(message: RegExp): boolean {
    return this.logs.some((l) => message.test(String(l.msg)));
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
}

describe('a lab worker killed mid-job', () => {
  it('loses nothing: the job runs again elsewhere and the submission gets one result', async () => {
    const data = job(slowProbe);
    const resultsBefore = (await queue(LabQueueName.LabResults).getJobCounts('waiting')).waiting!;
    const first = new WorkerProcess(62_200);
    await waitFor('the first worker to start', async () => first.logged(/lab worker ready/));
    await queue(LabQueueName.Labs).add(LabJobName.Grade, data, { jobId: data.submissionId, attempts: 2 });
    // Wait until the learner's code is running in its sandbox under the first worker.
    const sandboxed = await waitFor('the sandbox of the first worker', async () => {
      const tree = descendants(first.child.pid!);
      return tree.some((pid) => cmdline(pid).includes('labrunner/runner.py')) && tree;
    });
    first.child.kill('SIGKILL');
    await first.exited();
    // Its judge and its sandbox die with it (PR_SET_PDEATHSIG, bubblewrap's --die-with-parent).
    await waitFor('the judge and sandbox of the killed worker to die', async () => sandboxed.every((pid) => !alive(pid)), 15_000);
    expect(await queue(LabQueueName.LabResults).getJob(data.submissionId)).toBeUndefined();

    const second = new WorkerProcess(62_300);
    await waitFor('the second worker to take the job', async () => second.logged(/^grading$/), 60_000);
    // SIGTERM mid-job: the second worker drains, so it finishes and publishes before it exits.
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
    const result = await resultFor(data.submissionId);
    expect(result.evaluation.verdict).toBe('accepted');
    expect(result.evaluation.metrics.probe).toEqual({ slept: 4 });
    expect(result.attempt).toBe(2);
    // Graded twice, published once.
    expect((await queue(LabQueueName.LabResults).getJobCounts('waiting')).waiting).toBe(resultsBefore + 1);
    const graded = await queue(LabQueueName.Labs).getJob(data.submissionId);
    expect(await graded!.getState()).toBe('completed');
    expect(graded!.returnvalue).toEqual({ verdict: 'accepted' });
  }, 240_000);
});
