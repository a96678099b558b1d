import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GRADE_RESULT_VERSION, ZSubmissionCreated, type TGradeResult } from '@prep/contracts';
import { loadContent } from '@prep/problems';
import { CliModule } from '../src/cli.module';
import { ManualClock } from '../src/common/clock';
import { parseEnv, ZCliEnv } from '../src/config/env';
import { contentHash, toProblemRow } from '../src/modules/content/content.mapper';
import { ContentRepository } from '../src/modules/content/content.repository';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { SubmissionSweeper } from '../src/modules/submissions/jobs/submission-sweeper';
import { SubmissionEventsReader } from '../src/modules/submissions/submission-events';
import { RESUBMIT_MESSAGE, SubmissionFinalizer } from '../src/modules/submissions/submission-finalizer';
import { SubmissionsRepository } from '../src/modules/submissions/submissions.repository';
import { WorkerModule } from '../src/worker.module';
import { call, registerLearner, type TSignedIn } from './support/api-client';
import { holdContentLock, type HeldLock } from './support/content-lock';
import { startTestHttpApp } from './support/http-app';
import { testWorkerEnv } from './support/test-env';

// A worker context (real grader pool, real queue) with a hand-moved clock, against fixture problems: one healthy,
// one whose reference solution fails on a hidden test, so grading it genuinely fails on our side.
const CONTENT_ROOT = path.join(__dirname, 'fixtures/recovery-content');
const ADD = 'function add(a: number, b: number): number { return a + b; }';
const STUCK_AFTER_MS = 60_000;
const queuePrefix = `${process.env.QUEUE_PREFIX ?? 'test'}:recovery-${Math.random().toString(36).slice(2, 8)}`;
const clock = new ManualClock('2026-04-01T09:00:00.000Z');

let lock: HeldLock;
let app: NestFastifyApplication;
let worker: INestApplicationContext;
let prisma: PrismaService;

beforeAll(async () => {
  // Exclusive: a sync of the built-in content (by a file that needs it) would retire these fixture problems.
  lock = await holdContentLock('exclusive');
  const cli = await NestFactory.createApplicationContext(CliModule.forRoot(parseEnv(ZCliEnv, process.env)), { logger: false });
  try {
    const repository = cli.get(ContentRepository, { strict: false });
    for (const problem of loadContent(CONTENT_ROOT).problems) {
      const row = toProblemRow(problem);
      await repository.upsertProblem(row, contentHash(row));
    }
  } finally {
    await cli.close();
  }
  app = await startTestHttpApp({ clock, env: { QUEUE_PREFIX: queuePrefix, GRADING_ATTEMPTS: '3', GRADING_BACKOFF_MS: '50' } });
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      testWorkerEnv({
        QUEUE_PREFIX: queuePrefix,
        CONTENT_ROOT,
        GRADER_POOL_SIZE: '1',
        GRADING_ATTEMPTS: '3',
        GRADING_BACKOFF_MS: '50',
        SUBMISSION_STUCK_AFTER_MS: String(STUCK_AFTER_MS),
        SWEEP_INTERVAL_MS: '3600000',
      }),
      { clock },
    ),
    { logger: false },
  );
  prisma = app.get(PrismaService);
}, 600_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await lock?.release();
});

async function settled(id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.submission.findUniqueOrThrow({ where: { id } });
    if (row.status === 'done' || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function streamEvents(id: string): Promise<string[]> {
  return (await app.get(SubmissionEventsReader).read(id)).map((e) => e.event.type);
}

/** A submission row as if the API had written it, without a job: what a lost job leaves behind. */
async function orphan(learner: TSignedIn, fields: { status: string; ageMs: number; slug?: string; code?: string }) {
  const attempt = await prisma.problemAttempt.create({
    data: { userId: learner.user.id, problemSlug: fields.slug ?? 'recovery-add', createdAt: clock.now() },
  });
  return prisma.submission.create({
    data: {
      userId: learner.user.id,
      problemSlug: fields.slug ?? 'recovery-add',
      problemVersion: 1,
      mode: 'submit',
      code: fields.code ?? ADD,
      status: fields.status,
      attemptId: attempt.id,
      createdAt: new Date(clock.now().getTime() - fields.ageMs),
    },
  });
}

describe('when grading fails on our side', () => {
  it('retries with backoff, then ends the submission as internal_error asking the learner to submit again', async () => {
    const learner = await registerLearner(app);
    const res = await call(app, {
      method: 'POST',
      url: '/api/problems/recovery-broken/submissions',
      cookie: learner.cookie,
      payload: { code: ADD, mode: 'submit' },
    });
    const { id } = ZSubmissionCreated.parse(res.json());
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'done', verdict: 'internal_error', gradeAttempts: 3 });
    expect((row.result as TGradeResult).message).toBe(RESUBMIT_MESSAGE);
    const kinds = await streamEvents(id);
    expect(kinds.filter((k) => k === 'started')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'done')).toHaveLength(1);
    // Nothing was rated: it was not the learner's failure.
    expect(await prisma.problemAttempt.findFirst({ where: { userId: learner.user.id } })).toMatchObject({ decidedAt: null });
  }, 60_000);
});

describe('the sweeper', () => {
  it('re-queues a submission whose job was lost, and a worker grades it', async () => {
    const learner = await registerLearner(app);
    const lost = await orphan(learner, { status: 'queued', ageMs: 2 * STUCK_AFTER_MS });
    const report = await worker.get(SubmissionSweeper).sweep();
    expect(report.requeued).toBeGreaterThanOrEqual(1);
    expect(await settled(lost.id)).toMatchObject({ status: 'done', verdict: 'accepted', gradeAttempts: 1 });
  }, 60_000);

  it('ends a submission stuck past its bounds as internal_error and tells its event stream', async () => {
    const learner = await registerLearner(app);
    const stuck = await orphan(learner, { status: 'running', ageMs: 10 * STUCK_AFTER_MS });
    const fresh = await orphan(learner, { status: 'queued', ageMs: 1_000 });
    const report = await worker.get(SubmissionSweeper).sweep();
    expect(report.failed).toBeGreaterThanOrEqual(1);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(row).toMatchObject({ status: 'done', verdict: 'internal_error' });
    expect((row.result as TGradeResult).message).toBe(RESUBMIT_MESSAGE);
    expect(await streamEvents(stuck.id)).toEqual(['done']);
    // Younger than the bound: left alone.
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: 'queued' });
    await prisma.submission.update({ where: { id: fresh.id }, data: { status: 'done' } });
  });

  it('rates again an attempt given up after a failed submit', async () => {
    const learner = await registerLearner(app);
    await call(app, { url: '/api/problems/recovery-add', cookie: learner.cookie }); // opens the attempt
    const attempt = await prisma.problemAttempt.findFirstOrThrow({ where: { userId: learner.user.id } });
    await prisma.submission.create({
      data: {
        userId: learner.user.id,
        problemSlug: 'recovery-add',
        problemVersion: 1,
        mode: 'submit',
        code: '//',
        status: 'done',
        verdict: 'wrong_answer',
        attemptId: attempt.id,
        createdAt: clock.now(),
      },
    });
    await worker.get(SubmissionSweeper).sweep();
    expect(await prisma.problemAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ decidedAt: null });
    clock.advance(13 * 3_600_000);
    const report = await worker.get(SubmissionSweeper).sweep();
    expect(report.abandonedRated).toBeGreaterThanOrEqual(1);
    expect(await prisma.problemAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({
      rating: 'again',
      outcomeReason: 'abandoned',
    });
  });
});

describe('exactly one final verdict', () => {
  const accepted: TGradeResult = {
    version: GRADE_RESULT_VERSION,
    verdict: 'accepted',
    passed: 3,
    total: 3,
    tests: [],
    cpuTimeMs: 1,
    wallTimeMs: 2,
  };

  it('two finishers racing over one submission store one verdict and decide the attempt once', async () => {
    const learner = await registerLearner(app);
    const first = await orphan(learner, { status: 'running', ageMs: 0 });
    const row = await worker.get(SubmissionsRepository).startGrading(first.id, clock.now());
    const finalizer = worker.get(SubmissionFinalizer);
    const problem = { version: 1, expectedMinutes: 15 };
    const results = await Promise.all([finalizer.finish(row!, accepted, problem), finalizer.finish(row!, accepted, problem)]);
    expect(results.sort()).toEqual([false, true]);
    const attempt = await prisma.problemAttempt.findUniqueOrThrow({ where: { id: first.attemptId! } });
    expect(attempt).toMatchObject({ decidedBySubmissionId: first.id, outcomeReason: 'accepted' });

    // A later accepted submit of the same attempt is practice: the decision stays.
    const second = await prisma.submission.create({
      data: { ...first, id: undefined, status: 'running', attemptId: first.attemptId, createdAt: clock.now() },
    });
    const again = await worker.get(SubmissionsRepository).startGrading(second.id, clock.now());
    expect(await finalizer.finish(again!, accepted, problem)).toBe(true);
    expect(await prisma.problemAttempt.findUniqueOrThrow({ where: { id: first.attemptId! } })).toMatchObject({
      decidedBySubmissionId: first.id,
      decidedAt: attempt.decidedAt,
    });
  });
});
