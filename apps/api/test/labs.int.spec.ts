import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import {
  LAB_CODE_MAX_BYTES,
  LabJobName,
  LabQueueName,
  QueueName,
  ZItemDetailResponse,
  ZLabPage,
  ZLabSubmissionCreated,
  ZLabSubmissionEvent,
  ZLabSubmissionView,
  ZListLabsResponse,
  ZListLabSubmissionsResponse,
  ZReviewNextResponse,
  type TLabSubmissionEvent,
  type TLabSubmissionView,
} from '@prep/contracts';
import { BUILT_IN_CONTENT_ROOT } from '@prep/problems';
import { LabResultsProcessor } from '../src/modules/labs/jobs/lab-results.processor';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { WorkerModule } from '../src/worker.module';
import { call, errorOf, registerLearner, type TRequest, type TSignedIn } from './support/api-client';
import { cmdline, descendants, labWorkerTestEnv } from '../../lab-worker/test/support/worker-process';
import { useBuiltInContent } from './support/content';
import { startTestHttpApp } from './support/http-app';
import { testWorkerEnv, uniqueQueuePrefix } from './support/test-env';

/**
 * Labs end to end on a CPU: the API enqueues, a real lab worker process grades in bubblewrap sandboxes, the main
 * worker persists the result from lab-results and rates the lab. The fastest built-in lab (mixed-precision-training,
 * a few seconds a run on two cores) is graded once per case.
 */
const LAB = 'mixed-precision-training';
const LAB_DIR = path.join(BUILT_IN_CONTENT_ROOT, 'labs', LAB);
const STARTER = fs.readFileSync(path.join(LAB_DIR, 'starter.py'), 'utf8');
const REFERENCE = fs.readFileSync(path.join(LAB_DIR, 'reference.py'), 'utf8');
/** The reference, slow to import: long enough to kill its lab worker while it runs. */
const SLOW_REFERENCE = `import time\ntime.sleep(4)\n${REFERENCE}`;
const LAB_WORKER_MAIN = path.join(__dirname, '..', '..', 'lab-worker', 'dist', 'main.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = uniqueQueuePrefix();

useBuiltInContent();

let app: NestFastifyApplication;
let worker: INestApplicationContext;
let prisma: PrismaService;
const labWorkers: LabWorkerProcess[] = [];

beforeAll(async () => {
  app = await startTestHttpApp({ env: { QUEUE_PREFIX } });
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testWorkerEnv({ QUEUE_PREFIX })), { logger: false });
  prisma = app.get(PrismaService);
}, 120_000);

afterAll(async () => {
  await Promise.all(labWorkers.map((w) => w.stop()));
  await worker?.close();
  await app?.close();
  for (const name of [LabQueueName.Labs, LabQueueName.LabsGpu, LabQueueName.LabResults, QueueName.Grading]) {
    const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}, 60_000);

const as = (learner: TSignedIn, request: TRequest) => call(app, { ...request, cookie: learner.cookie });
const submit = (learner: TSignedIn, code: string, slug = LAB) =>
  as(learner, { method: 'POST', url: `/api/labs/${slug}/submissions`, payload: { code } });

/** The SSE stream of a submission, read until the server closes it (after `done`). */
async function eventsOf(learner: TSignedIn, id: string): Promise<TLabSubmissionEvent[]> {
  const res = await as(learner, { url: `/api/lab-submissions/${id}/events` });
  expect(res.statusCode).toBe(200);
  return res.payload
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => ZLabSubmissionEvent.parse(JSON.parse(line.slice('data: '.length))));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function doneView(learner: TSignedIn, id: string): Promise<TLabSubmissionView> {
  return waitFor(`submission ${id} to be done`, async () => {
    const view = ZLabSubmissionView.parse((await as(learner, { url: `/api/lab-submissions/${id}` })).json());
    return view.status === 'done' && view;
  });
}

const labReviews = (userId: string) => prisma.reviewLog.count({ where: { userId, kind: 'lab', refId: LAB } });

describe('labs over HTTP, graded by a lab worker', () => {
  let ada: TSignedIn;
  beforeAll(async () => {
    ada = await registerLearner(app);
  });

  it('lists the labs and shows a lab page with my draft and a new review state', async () => {
    const list = ZListLabsResponse.parse((await as(ada, { url: '/api/labs' })).json());
    expect(list.items.map((l) => l.slug)).toEqual(expect.arrayContaining([LAB, 'flash-attention-forward', 'speculative-decoding']));
    expect(list.items.find((l) => l.slug === LAB)).toMatchObject({ status: 'new', due: null, lastSubmittedAt: null, device: 'any' });

    const saved = await as(ada, {
      method: 'PUT',
      url: `/api/labs/${LAB}/draft`,
      payload: { code: 'x = 1', clientUpdatedAt: new Date().toISOString() },
    });
    expect(saved.statusCode).toBe(200);
    const page = ZLabPage.parse((await as(ada, { url: `/api/labs/${LAB}` })).json());
    expect(page.lab).toMatchObject({ slug: LAB, starter: STARTER, device: 'any' });
    expect(page.draft?.code).toBe('x = 1');
    expect(page.review).toMatchObject({ itemId: `lab:${LAB}`, state: 'new' });
    expect(page.lastSubmission).toBeNull();

    expect((await as(ada, { url: '/api/labs/no-such-lab' })).statusCode).toBe(404);
    const tooLarge = await submit(ada, 'x'.repeat(LAB_CODE_MAX_BYTES + 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(errorOf(tooLarge).code).toBe('payload_too_large');
    expect((await submit(ada, STARTER, 'no-such-lab')).statusCode).toBe(404);
  });

  it('puts a lab in its deck and in the review queue, with its title and device', async () => {
    const bob = await registerLearner(app);
    expect((await as(bob, { method: 'POST', url: '/api/decks/mixed-precision/enroll' })).statusCode).toBe(200);
    const queue = ZReviewNextResponse.parse((await as(bob, { url: '/api/review/next?limit=50' })).json());
    const lab = queue.items.find((i) => i.id === `lab:${LAB}`);
    expect(lab).toMatchObject({ kind: 'lab', queue: 'new', content: { kind: 'lab', slug: LAB, device: 'any' } });
    expect(lab?.content).toHaveProperty('title');
  });

  it('says clearly that no lab worker runs, instead of queueing for ever', async () => {
    const res = await submit(ada, STARTER);
    expect(res.statusCode).toBe(503);
    expect(errorOf(res).message).toMatch(/No lab worker is running.*bubblewrap/);
  });

  it('grades the starter as failing on a CPU, and the reference as accepted, which rates the lab once', async () => {
    labWorkers.push(await LabWorkerProcess.start(62_400));

    const failing = ZLabSubmissionCreated.parse((await submit(ada, STARTER)).json());
    const events = await eventsOf(ada, failing.id);
    expect(events.map((e) => e.type)).toEqual(['queued', 'started', 'done']);
    expect(events[1]).toMatchObject({ type: 'started', attempt: 1, device: 'cpu', slot: { kind: 'cpu' } });
    const starter = (events[2] as Extract<TLabSubmissionEvent, { type: 'done' }>).submission;
    expect(starter).toMatchObject({ id: failing.id, status: 'done', device: 'cpu', attempt: 1, outcome: null });
    expect(starter.verdict).not.toBe('accepted');
    expect(starter.verdict).not.toBe('internal_error');
    expect(starter.environment?.device).toBe('cpu');
    expect(starter.worker).toMatchObject({ sandbox: 'bubblewrap', slot: { kind: 'cpu' } });
    // A late client gets the current state and then done.
    expect((await eventsOf(ada, failing.id)).map((e) => e.type)).toEqual(['done']);
    expect(await labReviews(ada.user.id)).toBe(0);

    const passing = ZLabSubmissionCreated.parse((await submit(ada, REFERENCE)).json());
    const accepted = await doneView(ada, passing.id);
    expect(accepted).toMatchObject({ verdict: 'accepted', device: 'cpu', outcome: { rating: 'hard' } });
    const { item, history: reviews } = ZItemDetailResponse.parse((await as(ada, { url: `/api/items/lab:${LAB}` })).json());
    expect(item.content).toMatchObject({ kind: 'lab', slug: LAB, device: 'any' });
    const { state } = item;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ source: 'outcome', rating: 'hard' });
    expect(state).toMatchObject({ kind: 'lab', reps: 1, dueNow: false });
    expect(state.due).toBe(accepted.outcome?.due);
    expect(await labReviews(ada.user.id)).toBe(1);

    // Another learner's submission is not there for them; a malformed id names the field.
    const other = await registerLearner(app);
    expect((await as(other, { url: `/api/lab-submissions/${passing.id}` })).statusCode).toBe(404);
    expect((await as(other, { url: `/api/lab-submissions/${passing.id}/events` })).statusCode).toBe(404);
    const malformed = await as(ada, { url: '/api/lab-submissions/not-an-id' });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(malformed).details)).toContain('id');

    const page = ZLabPage.parse((await as(ada, { url: `/api/labs/${LAB}` })).json());
    expect(page).toMatchObject({ status: 'solved', lastSubmission: { id: passing.id, verdict: 'accepted' } });
    const history = ZListLabSubmissionsResponse.parse((await as(ada, { url: `/api/labs/${LAB}/submissions` })).json());
    expect(history.items.map((s) => s.id)).toEqual([passing.id, failing.id]);

    // The same result delivered again (a retried lab-results job): one verdict, one review.
    const results = new Queue(LabQueueName.LabResults, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    try {
      const original = await results.getJob(passing.id);
      expect(original).toBeDefined();
      const again = await results.add(LabJobName.Result, original!.data, { jobId: `${passing.id}-again` });
      await waitFor('the repeated result to be processed', async () => (await again.getState()) === 'completed');
    } finally {
      await results.close();
    }
    expect(ZLabSubmissionView.parse((await as(ada, { url: `/api/lab-submissions/${passing.id}` })).json())).toEqual(accepted);
    expect(await labReviews(ada.user.id)).toBe(1);
  }, 300_000);

  it('a lab worker killed mid-job: the job runs again and the submission gets exactly one result', async () => {
    const first = labWorkers[0]!;
    const created = ZLabSubmissionCreated.parse((await submit(ada, SLOW_REFERENCE)).json());
    await waitFor('the learner code to run in a sandbox', async () =>
      first.descendants().some((pid) => cmdline(pid).includes('runner.py')),
    );
    first.kill();
    await first.exited();
    expect((await prisma.labSubmission.findUniqueOrThrow({ where: { id: created.id } })).status).not.toBe('done');

    labWorkers.push(await LabWorkerProcess.start(62_500));
    const view = await doneView(ada, created.id);
    expect(view).toMatchObject({ verdict: 'accepted', device: 'cpu', attempt: 2 });
    // Practice now (the lab is not due): still one review of the lab.
    expect(view.outcome).toBeNull();
    expect(await labReviews(ada.user.id)).toBe(1);
    expect(await prisma.labSubmission.count({ where: { id: created.id, status: 'done' } })).toBe(1);
  }, 300_000);
});

describe('the lab sweeper', () => {
  it('ends a submission that no job will finish, and leaves one whose job waits for a (GPU) worker', async () => {
    const learner = await registerLearner(app);
    const old = new Date(Date.now() - 10 * 60_000);
    const row = (code: string) => ({ userId: learner.user.id, labSlug: LAB, labVersion: 1, code, createdAt: old });
    const orphan = await prisma.labSubmission.create({ data: row('# no job'), select: { id: true } });
    const waiting = await prisma.labSubmission.create({ data: row('# waits'), select: { id: true } });
    const gpu = new Queue(LabQueueName.LabsGpu, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    try {
      const job = { submissionId: waiting.id, labSlug: LAB, labVersion: 1, code: '# waits', submittedAt: old.toISOString() };
      await gpu.add(LabJobName.Grade, job, { jobId: waiting.id });
      await worker.get(LabResultsProcessor).sweep();
    } finally {
      await gpu.close();
    }
    const view = ZLabSubmissionView.parse((await as(learner, { url: `/api/lab-submissions/${orphan.id}` })).json());
    expect(view).toMatchObject({ status: 'done', verdict: 'internal_error', message: expect.stringMatching(/submit it again/) });
    expect((await prisma.labSubmission.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe('queued');
  });
});

/** A real lab worker (apps/lab-worker/dist/main.js) on the built-in labs: one CPU slot, bubblewrap, a short lock. */
class LabWorkerProcess {
  private readonly logs: string[] = [];

  private constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
  }

  static async start(uid: number): Promise<LabWorkerProcess> {
    if (!fs.existsSync(LAB_WORKER_MAIN)) throw new Error(`${LAB_WORKER_MAIN} is missing: build first (npm run build:libs)`);
    const child = spawn(process.execPath, [LAB_WORKER_MAIN], {
      env: labWorkerTestEnv({ redisUrl: REDIS_URL, queuePrefix: QUEUE_PREFIX, sandboxUid: uid }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new LabWorkerProcess(child);
    await waitFor(
      'a lab worker to start',
      async () => {
        if (child.exitCode !== null) throw new Error(`the lab worker exited: ${worker.logs.join('')}`);
        return worker.logs.join('').includes('lab worker ready');
      },
      60_000,
    );
    return worker;
  }

  /** Its live descendants (the judge and the sandbox). */
  descendants(): number[] {
    return descendants(this.child.pid!);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  exited(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited();
  }
}
