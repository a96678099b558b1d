import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue, Worker } from 'bullmq';
import {
  MAX_CODE_BYTES,
  QueueName,
  ZListSubmissionsResponse,
  ZSubmissionCreated,
  ZSubmissionView,
  type TCreateSubmissionRequest,
} from '@prep/contracts';
import { call, errorOf, registerLearner, type TRequest, type TSignedIn } from './support/api-client';
import { useBuiltInContent } from './support/content';
import { startTestHttpApp } from './support/http-app';
import { WEB_ORIGIN } from './support/test-env';

// No worker runs in this file: submissions stay queued, which is what the limits below need.
const SLUG = 'segments-intersect';
const CODE =
  'function segmentsIntersect(p1: [number, number], p2: [number, number], q1: [number, number], q2: [number, number]): boolean { return false; }';
/** One custom input for segmentsIntersect(p1, p2, q1, q2). */
const SEGMENTS = [
  [0, 0],
  [1, 1],
  [0, 1],
  [1, 0],
];
const prefix = (name: string) => `${process.env.QUEUE_PREFIX ?? 'test'}:${name}-${Math.random().toString(36).slice(2, 8)}`;

const apps: { app: NestFastifyApplication; queuePrefix: string }[] = [];
async function startApp(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const queuePrefix = prefix('subapi');
  // Nothing grades here, so jobs wait for ever: only the shedding test may shed on waiting time.
  const app = await startTestHttpApp({ env: { QUEUE_PREFIX: queuePrefix, GRADING_MAX_WAIT_MS: '600000', ...env } });
  apps.push({ app, queuePrefix });
  return app;
}

useBuiltInContent();
let app: NestFastifyApplication;
beforeAll(async () => {
  app = await startApp({ SUBMISSIONS_MAX_IN_FLIGHT: '2' });
});
afterAll(async () => {
  for (const { app: started, queuePrefix } of apps) {
    await started.close();
    const queue = new Queue(QueueName.Grading, {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: queuePrefix,
    });
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

const as = (learner: TSignedIn | undefined, request: TRequest, on = app) =>
  call(on, { ...request, ...(learner ? { cookie: learner.cookie } : {}) });
const submit = (learner: TSignedIn | undefined, payload: unknown, slug = SLUG, on = app) =>
  as(learner, { method: 'POST', url: `/api/problems/${slug}/submissions`, payload }, on);

describe('POST /api/problems/:slug/submissions', () => {
  it('queues a submission (202) that only its learner can read, with its code and no verdict yet', async () => {
    const [ada, bob] = [await registerLearner(app), await registerLearner(app)];
    const res = await submit(ada, { code: CODE, mode: 'submit' });
    expect(res.statusCode).toBe(202);
    const { id, status } = ZSubmissionCreated.parse(res.json());
    expect(status).toBe('queued');
    const view = ZSubmissionView.parse((await as(ada, { url: `/api/submissions/${id}` })).json());
    expect(view).toMatchObject({
      id,
      problemSlug: SLUG,
      problemVersion: 1,
      mode: 'submit',
      status: 'queued',
      verdict: null,
      code: CODE,
      tests: [],
    });
    const history = ZListSubmissionsResponse.parse((await as(ada, { url: `/api/problems/${SLUG}/submissions` })).json());
    expect(history.items.map((s) => s.id)).toEqual([id]);

    // Another learner: 404 for the submission and its events, and none of it in their history.
    for (const url of [`/api/submissions/${id}`, `/api/submissions/${id}/events`]) {
      const res = await as(bob, { url });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    }
    expect(ZListSubmissionsResponse.parse((await as(bob, { url: `/api/problems/${SLUG}/submissions` })).json()).items).toEqual([]);
  });

  it.each<[string, unknown, number, string, string | null]>([
    ['malformed JSON', '{"code": "x", ', 400, 'malformed_json', null],
    ['no mode', { code: CODE }, 400, 'validation_failed', 'body.mode'],
    ['an unknown mode', { code: CODE, mode: 'grade' }, 400, 'validation_failed', 'body.mode'],
    ['empty code', { code: '', mode: 'run' }, 400, 'validation_failed', 'body.code'],
    ['code that is not a string', { code: 42, mode: 'run' }, 400, 'validation_failed', 'body.code'],
    ['an unknown field', { code: CODE, mode: 'run', language: 'ts' }, 400, 'validation_failed', 'body.language'],
    ['code over 64 KiB', { code: 'x'.repeat(MAX_CODE_BYTES + 1), mode: 'submit' }, 413, 'payload_too_large', 'body.code'],
    [
      'custom inputs in submit mode',
      {
        code: CODE,
        mode: 'submit',
        customTests: [
          {
            args: SEGMENTS,
          },
        ],
      },
      400,
      'validation_failed',
      'body.customTests',
    ],
    [
      'a custom input of the wrong arity',
      {
        code: CODE,
        mode: 'run',
        customTests: [
          {
            args: SEGMENTS,
          },
          { args: [[0, 0]] },
        ],
      },
      400,
      'validation_failed',
      'body.customTests.1.args',
    ],
    [
      'custom inputs over the size limit',
      { code: CODE, mode: 'run', customTests: [{ args: [Array(5000).fill(1.5), [1, 1], [0, 1], [1, 0]] }] },
      413,
      'payload_too_large',
      'body.customTests',
    ],
    [
      'too many custom inputs',
      {
        code: CODE,
        mode: 'run',
        customTests: Array(21).fill({ args: SEGMENTS }),
      },
      400,
      'validation_failed',
      'body.customTests',
    ],
  ])('%s', async (_name, payload, status, code, path) => {
    const learner = await registerLearner(app);
    const res = await submit(learner, payload);
    expect(res.statusCode).toBe(status);
    const error = errorOf(res);
    expect(error.code).toBe(code);
    if (path) expect((error.details as { path: string }[]).map((d) => d.path)).toContain(path);
  });

  it('answers 404 for an unknown problem, 400 for a malformed slug, 401 without a session, and refuses CSRF-shaped requests', async () => {
    const learner = await registerLearner(app);
    expect((await submit(learner, { code: CODE, mode: 'run' }, 'no-such-problem')).statusCode).toBe(404);
    expect((await submit(learner, { code: CODE, mode: 'run' }, 'Bad_Slug')).statusCode).toBe(400);
    expect((await submit(undefined, { code: CODE, mode: 'run' })).statusCode).toBe(401);
    const foreign = await as(learner, {
      method: 'POST',
      url: `/api/problems/${SLUG}/submissions`,
      payload: { code: CODE, mode: 'run' },
      headers: { origin: 'https://evil.example' },
    });
    expect(errorOf(foreign).code).toBe('csrf_rejected');
    const form = await as(learner, {
      method: 'POST',
      url: `/api/problems/${SLUG}/submissions`,
      payload: 'code=x&mode=run',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    const ok = await as(learner, {
      method: 'POST',
      url: `/api/problems/${SLUG}/submissions`,
      payload: {
        code: CODE,
        mode: 'run',
        customTests: [
          {
            args: SEGMENTS,
          },
        ],
      },
      headers: { origin: WEB_ORIGIN },
    });
    expect(ok.statusCode).toBe(202);
  });

  it('allows two in flight per learner, then 429 with Retry-After; other learners are unaffected', async () => {
    const [ada, bob] = [await registerLearner(app), await registerLearner(app)];
    const results = await Promise.all([1, 2, 3, 4].map(() => submit(ada, { code: CODE, mode: 'submit' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([202, 202, 429, 429]);
    const limited = results.find((r) => r.statusCode === 429)!;
    expect(errorOf(limited).code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await submit(bob, { code: CODE, mode: 'run' })).statusCode).toBe(202);
  });

  it('limits submissions per learner per minute, with the seconds left in Retry-After', async () => {
    const limited = await startApp({ SUBMISSIONS_PER_MINUTE: '3', SUBMISSIONS_MAX_IN_FLIGHT: '100' });
    const learner = await registerLearner(limited);
    for (let i = 0; i < 3; i++) expect((await submit(learner, { code: CODE, mode: 'run' }, SLUG, limited)).statusCode).toBe(202);
    const over = await submit(learner, { code: CODE, mode: 'run' }, SLUG, limited);
    expect(over.statusCode).toBe(429);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('sheds load with 429 once jobs wait too long, or too many wait, for a grader', async () => {
    const byCount = await startApp({ GRADING_MAX_BACKLOG: '2' });
    const learners = [await registerLearner(byCount), await registerLearner(byCount), await registerLearner(byCount)];
    expect((await submit(learners[0], { code: CODE, mode: 'submit' }, SLUG, byCount)).statusCode).toBe(202);
    expect((await submit(learners[1], { code: CODE, mode: 'run' }, SLUG, byCount)).statusCode).toBe(202);
    const shed = await submit(learners[2], { code: CODE, mode: 'submit' }, SLUG, byCount);
    expect(shed.statusCode).toBe(429);
    expect(shed.headers['retry-after']).toBeDefined();

    const byWait = await startApp({ GRADING_MAX_WAIT_MS: '300' });
    const [first, second] = [await registerLearner(byWait), await registerLearner(byWait)];
    expect((await submit(first, { code: CODE, mode: 'submit' }, SLUG, byWait)).statusCode).toBe(202);
    expect((await submit(second, { code: CODE, mode: 'run' }, SLUG, byWait)).statusCode).toBe(202); // not waited long yet
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await submit(second, { code: CODE, mode: 'run' }, SLUG, byWait)).statusCode).toBe(429);
  });
});

describe('the grading queue', () => {
  it('holds one job per submission, keyed by its id, and serves runs before submits', async () => {
    const queuePrefix = prefix('priority');
    const ordered = await startTestHttpApp({
      env: { QUEUE_PREFIX: queuePrefix, SUBMISSIONS_MAX_IN_FLIGHT: '10', GRADING_MAX_WAIT_MS: '600000' },
    });
    apps.push({ app: ordered, queuePrefix });
    const learner = await registerLearner(ordered);
    const ids: string[] = [];
    for (const mode of ['submit', 'submit', 'run'] as const) {
      ids.push(ZSubmissionCreated.parse((await submit(learner, { code: CODE, mode }, SLUG, ordered)).json()).id);
    }
    // A worker taking jobs by hand, as the grading worker does: the run first, then the submits in order.
    const connection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
    const taker = new Worker(QueueName.Grading, null, { connection, prefix: queuePrefix, autorun: false });
    try {
      const taken = [];
      for (let i = 0; i < 3; i++) taken.push(await taker.getNextJob('test-token'));
      expect(taken.map((job) => job?.id)).toEqual([ids[2], ids[0], ids[1]]);
      expect(taken.map((job) => job?.data)).toEqual([
        { submissionId: ids[2], mode: 'run' },
        { submissionId: ids[0], mode: 'submit' },
        { submissionId: ids[1], mode: 'submit' },
      ]);
    } finally {
      await taker.close(true);
    }
  });
});

describe('reading submissions', () => {
  it('pages my history newest first, filters by mode, and validates the query', async () => {
    const learner = await registerLearner(app);
    const ids: string[] = [];
    for (const mode of ['run', 'submit'] as const) {
      const res = await submit(learner, { code: CODE, mode } satisfies TCreateSubmissionRequest);
      ids.push(ZSubmissionCreated.parse(res.json()).id);
    }
    const first = ZListSubmissionsResponse.parse((await as(learner, { url: `/api/problems/${SLUG}/submissions?limit=1` })).json());
    expect(first.items.map((s) => s.id)).toEqual([ids[1]]);
    const second = ZListSubmissionsResponse.parse(
      (await as(learner, { url: `/api/problems/${SLUG}/submissions?limit=1&cursor=${first.nextCursor}` })).json(),
    );
    expect(second).toMatchObject({ items: [{ id: ids[0], mode: 'run' }], nextCursor: null });
    const submits = ZListSubmissionsResponse.parse((await as(learner, { url: `/api/problems/${SLUG}/submissions?mode=submit` })).json());
    expect(submits.items.map((s) => s.id)).toEqual([ids[1]]);
    expect((await as(learner, { url: `/api/problems/${SLUG}/submissions?limit=500` })).statusCode).toBe(400);
    expect((await as(learner, { url: `/api/problems/no-such-problem/submissions` })).statusCode).toBe(404);
  });

  it('answers 400 for a malformed id, 404 for an unknown one and 401 without a session', async () => {
    const learner = await registerLearner(app);
    expect((await as(learner, { url: '/api/submissions/not-a-uuid' })).statusCode).toBe(400);
    expect((await as(learner, { url: '/api/submissions/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await as(learner, { url: '/api/submissions/00000000-0000-4000-8000-000000000000/events' })).statusCode).toBe(404);
    for (const url of ['/api/submissions/00000000-0000-4000-8000-000000000000', `/api/problems/${SLUG}/submissions`]) {
      expect((await as(undefined, { url })).statusCode).toBe(401);
    }
  });
});
