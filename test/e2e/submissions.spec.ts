import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { requestJson, signUp, type TLearner } from './support/api';
import { holdBuiltInContent } from './support/content';
import type { TService } from './support/processes';
import { readSse, type TSseEvent } from './support/sse';
import { REPO_ROOT, requireDatabaseUrl, startStack, type TStack } from './support/stack';
import type { HeldLock } from '../../apps/api/test/support/content-lock';
import { firstProblemDue } from '../../apps/api/test/support/fsrs-expected';

// The API, the web app and two grading workers, as processes, against real Postgres and Redis.
jest.setTimeout(240_000);

const SLUG = 'segments-intersect';
const reference = (slug: string) =>
  fs.readFileSync(path.join(REPO_ROOT, 'packages/problems/problems', slug, 'reference.ts'), 'utf8').replace(/^export /gm, '');
const RIGHT = reference(SLUG);
const WRONG =
  'function segmentsIntersect(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]): boolean { return true; }';
/** Right, and about `ms` of CPU per test (96 tests): long enough to act while it is being graded. */
const slowRight = (ms: number) =>
  RIGHT.replace(
    /(function segmentsIntersect\([^)]*\): boolean \{)/,
    `$1\n  const until = Date.now() + ${ms};\n  while (Date.now() < until) {}`,
  );

let stack: TStack;
let content: HeldLock;
let db: Client;
let queue: Queue;

beforeAll(async () => {
  content = await holdBuiltInContent();
  stack = await startStack({
    web: true,
    workers: 2,
    env: {
      GRADER_POOL_SIZE: '1',
      // A killed worker's job is recovered within seconds rather than the production 30 s.
      GRADING_LOCK_MS: '3000',
      GRADING_STALLED_INTERVAL_MS: '1500',
      SUBMISSIONS_PER_MINUTE: '1000',
    },
  });
  db = new Client({ connectionString: requireDatabaseUrl() });
  await db.connect();
  queue = new Queue('grading', { connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, prefix: stack.queuePrefix });
}, 300_000);

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  await db?.end();
  await stack?.stop();
  await content?.release();
}, 60_000);

type TView = {
  id: string;
  status: string;
  verdict: string | null;
  passed: number;
  total: number;
  tests: { index: number; status: string }[];
};

async function submit(
  learner: TLearner,
  code: string,
  options: { slug?: string; mode?: 'run' | 'submit'; via?: string } = {},
): Promise<string> {
  const res = await requestJson(options.via ?? stack.apiUrl, `/problems/${options.slug ?? SLUG}/submissions`, {
    cookie: learner.cookie,
    body: { code, mode: options.mode ?? 'submit' },
  });
  if (res.status !== 202) throw new Error(`submit: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

type TStreamOptions = Omit<Parameters<typeof readSse>[1], 'cookie'> & { via?: string };
const events = (learner: TLearner, id: string, options: TStreamOptions = {}) =>
  readSse(`${options.via ?? stack.apiUrl}/api/submissions/${id}/events`, { cookie: learner.cookie, ...options });

const doneOf = (all: TSseEvent[]) => (all[all.length - 1]!.data as { submission: TView }).submission;

/** Waits for the first `test` event, so the submission is being graded right now. */
async function whileGrading(learner: TLearner, id: string): Promise<void> {
  const { events: seen } = await events(learner, id, { stopWhen: (e) => e.event === 'test' });
  expect(seen[seen.length - 1]?.event).toBe('test');
}

async function workerOf(id: string): Promise<TService> {
  const job = await queue.getJob(id);
  const pid = Number(job?.processedBy?.split(':').pop());
  const worker = stack.workers.find((w) => w.child.pid === pid);
  if (!worker) throw new Error(`no worker of ours is grading ${id} (processedBy ${job?.processedBy})`);
  return worker;
}

async function row(id: string) {
  const { rows } = await db.query<{ status: string; verdict: string; gradeAttempts: number; finishedAt: Date; attemptId: string }>(
    'SELECT status, verdict, "gradeAttempts", "finishedAt", "attemptId" FROM "Submission" WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

/** The learner's review log for one problem, oldest first. */
async function reviewsOf(learner: TLearner, slug = SLUG) {
  const { rows } = await db.query<{ source: string; rating: string | null; clientReviewId: string | null; reviewedAt: Date }>(
    'SELECT source, rating, "clientReviewId", "reviewedAt" FROM "ReviewLog" WHERE "userId" = $1 AND kind = \'problem\' AND "refId" = $2 ORDER BY seq',
    [learner.id, slug],
  );
  return rows;
}

async function attemptOf(submissionId: string) {
  const { rows } = await db.query<{ rating: string | null; outcomeReason: string | null; decidedBySubmissionId: string | null }>(
    'SELECT a.rating, a."outcomeReason", a."decidedBySubmissionId" FROM "ProblemAttempt" a JOIN "Submission" s ON s."attemptId" = a.id WHERE s.id = $1',
    [submissionId],
  );
  return rows[0]!;
}

describe('grading through the queue and the workers', () => {
  it('a wrong then a right solution: events in order, the right verdicts, and the problem rated hard and due as FSRS says', async () => {
    const learner = await signUp(stack.apiUrl);
    await requestJson(stack.apiUrl, `/problems/${SLUG}`, { cookie: learner.cookie }); // opens the attempt
    const ids: string[] = [];
    for (const [code, verdict] of [
      [WRONG, 'wrong_answer'],
      [RIGHT, 'accepted'],
    ] as const) {
      const id = await submit(learner, code);
      ids.push(id);
      const { status, contentType, events: seen } = await events(learner, id);
      expect(status).toBe(200);
      expect(contentType).toMatch(/^text\/event-stream/);
      const kinds = seen.map((e) => e.event);
      expect(kinds[0]).toBe('queued');
      expect(kinds[1]).toBe('started');
      expect(kinds[kinds.length - 1]).toBe('done');
      const tests = seen.filter((e) => e.event === 'test').map((e) => e.data as { index: number; status: string });
      expect(tests.map((t) => t.index)).toEqual(tests.map((_, i) => i));
      expect(kinds.slice(2, -1).every((k) => k === 'test')).toBe(true);
      const done = doneOf(seen);
      expect(done).toMatchObject({ id, status: 'done', verdict });
      // Each test event agrees with the stored result.
      for (const t of tests) expect(done.tests[t.index]!.status).toBe(t.status);
      if (verdict === 'accepted') expect(tests).toHaveLength(done.total);
      else expect(tests[tests.length - 1]!.status).toBe('wrong_answer');
    }
    const page = (await requestJson(stack.apiUrl, `/problems/${SLUG}`, { cookie: learner.cookie })).body as {
      status: string;
      attempt: { failedSubmits: number; outcome: { rating: string; reason: string; due: string } };
      review: { state: string; due: string; dueNow: boolean; lastOutcome: { rating: string; overridable: boolean } };
    };
    expect(page.status).toBe('solved');
    expect(page.attempt.failedSubmits).toBe(1);
    expect(page.attempt.outcome).toMatchObject({ rating: 'hard', reason: 'accepted' });
    // One review of problem:<slug>, from the accepted submit, at the decision time; due where ts-fsrs puts `hard`.
    const reviews = await reviewsOf(learner);
    expect(reviews).toEqual([{ source: 'outcome', rating: 'hard', clientReviewId: `outcome:${ids[1]}`, reviewedAt: expect.any(Date) }]);
    const due = firstProblemDue(learner.id, SLUG, 'hard', reviews[0]!.reviewedAt).toISOString();
    expect(page.attempt.outcome.due).toBe(due);
    expect(page.review).toMatchObject({ state: 'review', due, dueNow: false, lastOutcome: { rating: 'hard', overridable: true } });
  });

  it('streams through the web app /api proxy as tests finish, not all at once at the end', async () => {
    const learner = await signUp(stack.webUrl);
    const id = await submit(learner, slowRight(15), { via: stack.webUrl });
    const { status, events: seen } = await events(learner, id, { via: stack.webUrl });
    expect(status).toBe(200);
    const firstTest = seen.find((e) => e.event === 'test')!;
    const done = seen[seen.length - 1]!;
    expect(done.event).toBe('done');
    expect(doneOf(seen).verdict).toBe('accepted');
    // 96 tests of ~15 ms: the first result reaches the browser side well before the verdict.
    expect(done.at - firstTest.at).toBeGreaterThan(500);
  });

  it('late and reconnecting clients get what they missed, then done; a finished one gets done at once', async () => {
    const learner = await signUp(stack.apiUrl);
    const id = await submit(learner, slowRight(10));
    const partial = await events(learner, id, { stopWhen: (_e, all) => all.filter((x) => x.event === 'test').length === 3 });
    const lastSeen = partial.events[partial.events.length - 1]!;
    const resumed = await events(learner, id, { lastEventId: lastSeen.id! });
    const resumedTests = resumed.events.filter((e) => e.event === 'test').map((e) => (e.data as { index: number }).index);
    expect(resumed.events[0]!.event).not.toBe('queued');
    expect(resumedTests[0]).toBe(3);
    expect(resumedTests).toEqual(resumedTests.map((_, i) => i + 3));
    expect(resumed.events[resumed.events.length - 1]!.event).toBe('done');

    for (const lastEventId of [undefined, lastSeen.id!, 'garbage']) {
      const late = await events(learner, id, lastEventId ? { lastEventId } : {});
      expect(late.events.map((e) => e.event)).toEqual(['done']);
      expect(doneOf(late.events)).toMatchObject({ id, verdict: 'accepted' });
    }
  });

  it('a worker killed with SIGKILL mid-grade: another grades the submission again, and it ends with one verdict and one rating', async () => {
    const learner = await signUp(stack.apiUrl);
    const id = await submit(learner, slowRight(25));
    const stream = events(learner, id, { timeoutMs: 120_000 });
    await whileGrading(learner, id);
    const victim = await workerOf(id);
    process.kill(-victim.child.pid!, 'SIGKILL'); // the worker and its sandbox processes
    await once(victim.child, 'exit');

    const { events: seen } = await stream;
    const started = seen.filter((e) => e.event === 'started').map((e) => (e.data as { attempt: number }).attempt);
    expect(started).toEqual([1, 2]);
    expect(seen.filter((e) => e.event === 'done')).toHaveLength(1);
    expect(doneOf(seen)).toMatchObject({ id, status: 'done', verdict: 'accepted' });
    expect(await row(id)).toMatchObject({ status: 'done', verdict: 'accepted', gradeAttempts: 2 });
    const attempt = await attemptOf(id);
    expect(attempt).toEqual({ rating: expect.any(String), outcomeReason: 'accepted', decidedBySubmissionId: id });
    // Exactly one review reached the scheduler, whichever worker got there.
    expect(await reviewsOf(learner)).toEqual([
      { source: 'outcome', rating: attempt.rating, clientReviewId: `outcome:${id}`, reviewedAt: expect.any(Date) },
    ]);
    await stack.startWorker(); // back to two for the tests below
  });

  it('SIGTERM drains: the grade in flight finishes once, then the worker exits cleanly', async () => {
    const learner = await signUp(stack.apiUrl);
    const id = await submit(learner, slowRight(15));
    await whileGrading(learner, id);
    const worker = await workerOf(id);
    const exited = once(worker.child, 'exit');
    process.kill(-worker.child.pid!, 'SIGTERM'); // the whole group, as a terminal or a supervisor would
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    const stored = await row(id);
    expect(stored).toMatchObject({ status: 'done', verdict: 'accepted', gradeAttempts: 1 });
    await stack.startWorker();
  });

  it('200 submissions from 20 learners at once all finish with the right verdicts, none twice, none lost, across both workers', async () => {
    const problems = ['segments-intersect', 'vector-orientation'];
    const code = {
      'segments-intersect': { right: RIGHT, wrong: WRONG },
      'vector-orientation': {
        right: reference('vector-orientation'),
        wrong: 'function orientation(a: [number, number], b: [number, number], c: [number, number]): number { return 1; }',
      },
    } as Record<string, { right: string; wrong: string }>;
    const learners = await Promise.all(Array.from({ length: 20 }, () => signUp(stack.apiUrl)));
    const expected = new Map<string, string>();
    /** `learner problem` pairs with an accepted submit: each is rated exactly once (the first attempt counts). */
    const rated = new Set<string>();
    let throttled = 0;

    // Each learner sends 10 as fast as the API lets them (at most 2 in flight; a 429 says when to retry).
    await Promise.all(
      learners.map(async (learner, l) => {
        const mine = Array.from({ length: 10 }, (_, i) => {
          const slug = problems[(l + i) % 2]!;
          const right = i % 3 !== 0;
          return { slug, right, mode: (i % 4 === 0 ? 'run' : 'submit') as 'run' | 'submit' };
        });
        for (const s of mine) if (s.right && s.mode === 'submit') rated.add(`${learner.id} ${s.slug}`);
        const inFlight = new Set<Promise<void>>();
        for (const s of mine) {
          for (;;) {
            const res = await requestJson(stack.apiUrl, `/problems/${s.slug}/submissions`, {
              cookie: learner.cookie,
              body: { code: s.right ? code[s.slug]!.right : code[s.slug]!.wrong, mode: s.mode },
            });
            if (res.status === 202) {
              const id = (res.body as { id: string }).id;
              expected.set(id, s.right ? 'accepted' : 'wrong_answer');
              const watch = events(learner, id).then(() => undefined);
              inFlight.add(watch);
              void watch.finally(() => inFlight.delete(watch));
              break;
            }
            expect(res.status).toBe(429);
            throttled++;
            if (inFlight.size > 0) await Promise.race(inFlight);
            else await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
          }
        }
        await Promise.all(inFlight);
      }),
    );

    expect(expected.size).toBe(200);
    const { rows } = await db.query<{ id: string; status: string; verdict: string; gradeAttempts: number }>(
      'SELECT id, status, verdict, "gradeAttempts" FROM "Submission" WHERE id = ANY($1)',
      [[...expected.keys()]],
    );
    expect(rows).toHaveLength(200);
    const wrong = rows.filter((r) => r.status !== 'done' || r.verdict !== expected.get(r.id) || r.gradeAttempts !== 1);
    expect(wrong).toEqual([]);
    const { rows: outcomes } = await db.query<{ pair: string; n: number }>(
      `SELECT "userId" || ' ' || "refId" AS pair, count(*)::int AS n FROM "ReviewLog"
       WHERE "userId" = ANY($1) AND kind = 'problem' AND source = 'outcome' GROUP BY 1`,
      [learners.map((l) => l.id)],
    );
    expect(new Map(outcomes.map((r) => [r.pair, r.n]))).toEqual(new Map([...rated].map((pair) => [pair, 1])));
    const workersUsed = new Set<string>();
    for (const id of expected.keys()) workersUsed.add((await queue.getJob(id))?.processedBy ?? 'unknown');
    expect(workersUsed.size).toBeGreaterThanOrEqual(2);
    expect(workersUsed.has('unknown')).toBe(false);
    console.log(`200 submissions: ${throttled} answered 429 first; graded by ${[...workersUsed].join(', ')}`);
  });
});
