import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  GRADE_RESULT_VERSION,
  ZListProblemsResponse,
  ZProblemPage,
  ZReviewNextResponse,
  ZReviewResponse,
  ZSubmissionCreated,
  ZSubmissionView,
  type TGradeMode,
  type TGradeResult,
  type TRating,
} from '@prep/contracts';
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
import { call, errorOf, registerLearner, type TSignedIn } from './support/api-client';
import { holdContentLock, type HeldLock } from './support/content-lock';
import { firstProblemDue } from './support/fsrs-expected';
import { startTestHttpApp } from './support/http-app';
import { reviewId } from './support/study-factories';
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
  // Sessions expire on the injected clock too: the scheduling tests below walk it weeks ahead.
  app = await startTestHttpApp({
    clock,
    env: { QUEUE_PREFIX: queuePrefix, GRADING_ATTEMPTS: '3', GRADING_BACKOFF_MS: '50', SESSION_TTL_DAYS: '365' },
  });
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

const SLUG = 'recovery-add';
const ITEM = `problem:${SLUG}`;
const WRONG_ADD = 'function add(a: number, b: number): number { return a - b; }';

/** Submits through the API and waits for the worker's verdict. */
async function graded(learner: TSignedIn, code: string, mode: TGradeMode = 'submit') {
  const res = await call(app, {
    method: 'POST',
    url: `/api/problems/${SLUG}/submissions`,
    cookie: learner.cookie,
    payload: { code, mode },
  });
  expect(res.statusCode).toBe(202);
  const { id } = ZSubmissionCreated.parse(res.json());
  expect(await settled(id)).toMatchObject({ status: 'done' });
  return ZSubmissionView.parse((await call(app, { url: `/api/submissions/${id}`, cookie: learner.cookie })).json());
}

async function problemPage(learner: TSignedIn) {
  const res = await call(app, { url: `/api/problems/${SLUG}`, cookie: learner.cookie });
  expect(res.statusCode).toBe(200);
  return ZProblemPage.parse(res.json());
}

const rateByHand = (learner: TSignedIn, rating: TRating) =>
  call(app, {
    method: 'POST',
    url: `/api/review/${ITEM}`,
    cookie: learner.cookie,
    payload: { rating, durationMs: 1000, clientReviewId: reviewId() },
  });

/** The problem's review log, oldest first. */
const reviewsOf = (learner: TSignedIn) =>
  prisma.reviewLog.findMany({
    where: { userId: learner.user.id, kind: 'problem', refId: SLUG },
    orderBy: { seq: 'asc' },
    select: { source: true, rating: true, clientReviewId: true, reviewedAt: true },
  });

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
    const decided = await prisma.problemAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(decided).toMatchObject({ rating: 'again', outcomeReason: 'abandoned' });
    // The scheduler got it once, whatever sweeps come after (two of them at once here).
    await Promise.all([worker.get(SubmissionSweeper).sweep(), worker.get(SubmissionSweeper).sweep()]);
    expect(await reviewsOf(learner)).toEqual([
      { source: 'outcome', rating: 'again', clientReviewId: `outcome:${attempt.id}`, reviewedAt: decided.decidedAt },
    ]);
    expect((await problemPage(learner)).review).toMatchObject({ state: 'review', due: decided.outcomeDue!.toISOString() });
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
    expect(await reviewsOf(learner)).toEqual([expect.objectContaining({ source: 'outcome', clientReviewId: `outcome:${first.id}` })]);

    // A later accepted submit of the same attempt is practice: the decision stays.
    const second = await prisma.submission.create({
      data: {
        userId: first.userId,
        problemSlug: first.problemSlug,
        problemVersion: first.problemVersion,
        mode: first.mode,
        code: first.code,
        status: 'running',
        attemptId: first.attemptId,
        createdAt: clock.now(),
      },
    });
    const again = await worker.get(SubmissionsRepository).startGrading(second.id, clock.now());
    expect(await finalizer.finish(again!, accepted, problem)).toBe(true);
    expect(await prisma.problemAttempt.findUniqueOrThrow({ where: { id: first.attemptId! } })).toMatchObject({
      decidedBySubmissionId: first.id,
      decidedAt: attempt.decidedAt,
    });
    expect(await reviewsOf(learner)).toHaveLength(1);
  });

  it('a rating by hand racing the verdict of an accepted submit: exactly one of them rates the problem', async () => {
    const finalizer = worker.get(SubmissionFinalizer);
    // The verdict starts first, together with the rating, or a little after it: either may win.
    for (const delayMs of [0, 2, 5, 10, 20]) {
      const learner = await registerLearner(app);
      const submission = await orphan(learner, { status: 'running', ageMs: 0 });
      const row = await worker.get(SubmissionsRepository).startGrading(submission.id, clock.now());
      const [finished, byHand] = await Promise.all([
        new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
          finalizer.finish(row!, accepted, { version: 1, expectedMinutes: 15 }),
        ),
        rateByHand(learner, 'good'),
      ]);
      expect(finished).toBe(true);
      const reviews = await reviewsOf(learner);
      const attempt = await prisma.problemAttempt.findUniqueOrThrow({ where: { id: submission.attemptId! } });
      expect(reviews).toHaveLength(1);
      if (byHand.statusCode === 200) {
        // The rating by hand came first: it answered the review, and the submit was practice.
        expect(reviews[0]!.source).toBe('review');
        expect(attempt).toMatchObject({ outcomeReason: 'reviewed', rating: null, decidedBySubmissionId: null });
      } else {
        expect(byHand.statusCode).toBe(409);
        expect(reviews[0]!.source).toBe('outcome');
        expect(attempt).toMatchObject({ outcomeReason: 'accepted', decidedBySubmissionId: submission.id });
      }
    }
  });
});

describe('graded submits schedule the problem (the learner core’s problem:<slug> item)', () => {
  it('a first-try accepted submit rates it good, due when ts-fsrs says; a run never rates; later accepted submits are practice', async () => {
    const learner = await registerLearner(app);
    const opened = await problemPage(learner);
    expect(opened.review).toMatchObject({ itemId: ITEM, state: 'new', due: null, dueNow: false, lastOutcome: null });
    expect(opened.attempt.counts).toBe(true);
    expect((await graded(learner, ADD, 'run')).verdict).toBe('accepted');
    expect(await reviewsOf(learner)).toEqual([]);

    clock.advance(20 * 60_000); // past the 15 minutes expected for an easy problem: good rather than easy
    const first = await graded(learner, ADD);
    const decidedAt = new Date(first.outcome!.decidedAt);
    const due = firstProblemDue(learner.user.id, SLUG, 'good', decidedAt).toISOString();
    expect(first.outcome).toEqual({ rating: 'good', reason: 'accepted', decidedAt: decidedAt.toISOString(), submissionId: first.id, due });
    expect(await reviewsOf(learner)).toEqual([
      { source: 'outcome', rating: 'good', clientReviewId: `outcome:${first.id}`, reviewedAt: decidedAt },
    ]);

    const solved = await problemPage(learner);
    expect(solved.status).toBe('solved');
    expect(solved.attempt).toMatchObject({ counts: true, outcome: { rating: 'good', due } });
    expect(solved.review).toMatchObject({ state: 'review', due, dueNow: false, lastOutcome: { rating: 'good', overridable: true } });
    const listed = ZListProblemsResponse.parse((await call(app, { url: '/api/problems?tag=grading-test', cookie: learner.cookie })).json());
    expect(listed.items.find((p) => p.slug === SLUG)).toMatchObject({ status: 'solved', due });

    expect((await graded(learner, ADD)).outcome).toBeNull();
    expect(await reviewsOf(learner)).toHaveLength(1);
  });

  it('once due it is in the review queue; a wrong then a right submit rates it hard, due as the queue’s hard preview said', async () => {
    const learner = await registerLearner(app);
    await problemPage(learner);
    const first = await graded(learner, ADD);
    expect(first.outcome?.rating).toBe('easy'); // opened and solved within the expected time
    clock.set(new Date(first.outcome!.due!));

    const queued = async () => {
      const queue = ZReviewNextResponse.parse((await call(app, { url: '/api/review/next?limit=50', cookie: learner.cookie })).json());
      return queue.items.find((i) => i.id === ITEM);
    };
    expect(await queued()).toMatchObject({
      kind: 'problem',
      queue: 'review',
      content: { kind: 'problem', slug: SLUG },
      state: { dueNow: true },
    });
    const listed = ZListProblemsResponse.parse((await call(app, { url: '/api/problems?status=due', cookie: learner.cookie })).json());
    expect(listed.items.map((p) => p.slug)).toEqual([SLUG]);

    const due = await problemPage(learner);
    expect(due.status).toBe('due');
    expect(due.attempt).toMatchObject({ counts: true, hintsRevealed: 0, failedSubmits: 0, outcome: null });
    expect((await graded(learner, WRONG_ADD)).verdict).toBe('wrong_answer');
    clock.advance(60_000);
    const item = await queued(); // still due: a failed submit rates nothing
    const right = await graded(learner, ADD);
    expect(right.outcome).toMatchObject({ rating: 'hard', reason: 'accepted', due: item!.previews.hard.due });
    expect((await graded(learner, ADD)).outcome).toBeNull(); // the second accepted submit of this due review: practice
    expect((await reviewsOf(learner)).map((r) => [r.source, r.rating])).toEqual([
      ['outcome', 'easy'],
      ['outcome', 'hard'],
    ]);
    expect((await problemPage(learner)).review).toMatchObject({ due: item!.previews.hard.due, lastOutcome: { rating: 'hard' } });
  });

  it('rated by hand in the review session, the due review is answered: the open attempt ends and an accepted submit is practice', async () => {
    const learner = await registerLearner(app);
    await problemPage(learner);
    const first = await graded(learner, ADD);
    clock.set(new Date(first.outcome!.due!));
    expect((await problemPage(learner)).attempt.counts).toBe(true);
    const failed = await graded(learner, WRONG_ADD);
    clock.advance(60_000);
    expect((await problemPage(learner)).attempt).toMatchObject({ counts: true, failedSubmits: 1 });

    const res = await rateByHand(learner, 'good');
    expect(res.statusCode).toBe(200);
    const byHand = ZReviewResponse.parse(res.json());
    expect(byHand.review).toMatchObject({ source: 'review', rating: 'good', early: false, stateBefore: 'review' });
    const after = await problemPage(learner);
    expect(after.attempt).toMatchObject({ counts: false, failedSubmits: 1, outcome: null });
    expect(after.review).toMatchObject({ due: byHand.state.due, dueNow: false });
    expect((await graded(learner, ADD)).outcome).toBeNull();
    // The failed submit is not an abandoned attempt either: it was answered by hand.
    clock.advance(13 * 3_600_000);
    await worker.get(SubmissionSweeper).sweep();
    const { attemptId } = await prisma.submission.findUniqueOrThrow({ where: { id: failed.id } });
    expect(await prisma.problemAttempt.findUniqueOrThrow({ where: { id: attemptId! } })).toMatchObject({
      outcomeReason: 'reviewed',
      rating: null,
      decidedAt: new Date(byHand.review.reviewedAt),
    });
    expect((await reviewsOf(learner)).map((r) => [r.source, r.rating])).toEqual([
      ['outcome', 'easy'],
      ['review', 'good'],
    ]);

    // Due again: a fresh attempt, rated by its submit; then a rating by hand is refused and the override applies once.
    clock.set(new Date(byHand.state.due!));
    const again = await problemPage(learner);
    expect(again.attempt).toMatchObject({ counts: true, failedSubmits: 0, outcome: null });
    const solved = await graded(learner, ADD);
    expect(solved.outcome?.rating).toBe('easy');
    const refused = await rateByHand(learner, 'hard');
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/override/) });

    const override = (who: TSignedIn, rating: TRating) =>
      call(app, {
        method: 'POST',
        url: `/api/review/${ITEM}/override`,
        cookie: who.cookie,
        payload: { rating, clientReviewId: reviewId() },
      });
    expect((await override(await registerLearner(app), 'hard')).statusCode).toBe(404); // another learner has no outcome here
    const overridden = await override(learner, 'hard');
    expect(overridden.statusCode).toBe(200);
    const replaced = ZReviewResponse.parse(overridden.json());
    expect(replaced.review).toMatchObject({ source: 'override', rating: 'hard', reviewedAt: solved.outcome!.decidedAt });
    expect(new Date(replaced.state.due!).getTime()).toBeLessThan(new Date(solved.outcome!.due!).getTime());
    expect((await override(learner, 'good')).statusCode).toBe(409);
    const page = await problemPage(learner);
    expect(page.review).toMatchObject({
      due: replaced.state.due,
      lastOutcome: { rating: 'easy', overridable: false, overriddenBy: 'hard' },
    });
    expect(page.attempt.counts).toBe(true); // the override re-rated this attempt's outcome; it is still this attempt's
  });
});
