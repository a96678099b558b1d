import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import {
  QueueName,
  ZAdminProblem,
  ZAdminProblemListResponse,
  ZAuditPage,
  ZListProblemsResponse,
  ZProblemCheckStatus,
  ZProblemPage,
  ZProblemVersion,
  ZProblemVersionDiff,
  ZProblemVersionListResponse,
  ZSubmissionCreated,
  ZSubmissionView,
  type TAdminProblem,
  type TAuthoredProblemInput,
  type TProblemCheckStatus,
} from '@prep/contracts';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { WorkerModule } from '../src/worker.module';
import { call, errorOf, signInAs, registerLearner, type TRequest, type TSignedIn } from './support/api-client';
import { useBuiltInContent } from './support/content';
import { startTestHttpApp } from './support/http-app';
import { testWorkerEnv, WEB_ORIGIN } from './support/test-env';

// The API and a real worker (grader sandbox pool, `authoring` and `grading` queues) on a queue prefix of their own.
const queuePrefix = `${process.env.QUEUE_PREFIX ?? 'test'}:authoring-${Math.random().toString(36).slice(2, 8)}`;
let app: NestFastifyApplication;
let worker: INestApplicationContext;
let prisma: PrismaService;
let admin: TSignedIn;

useBuiltInContent();
beforeAll(async () => {
  app = await startTestHttpApp({ env: { QUEUE_PREFIX: queuePrefix } });
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(testWorkerEnv({ QUEUE_PREFIX: queuePrefix, SWEEP_INTERVAL_MS: '3600000' })),
    { logger: false },
  );
  prisma = app.get(PrismaService);
  admin = await signInAs(app, 'admin');
}, 300_000);
afterAll(async () => {
  await worker?.close();
  await app?.close();
  for (const name of [QueueName.Grading, QueueName.Authoring]) {
    const queue = new Queue(name, { connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, prefix: queuePrefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

const REFERENCE = 'function sumPair(a: number, b: number): number {\n  return a + b;\n}\n';
function problem(overrides: Partial<TAuthoredProblemInput> = {}): TAuthoredProblemInput {
  return {
    slug: `sum-pair-${randomUUID().slice(0, 8)}`,
    title: 'Sum of a pair',
    difficulty: 'easy',
    tags: ['math'],
    statement: 'Return the sum of the integers `a` and `b`, each between $-1000$ and $1000$.',
    hints: ['Add them.'],
    editorial: 'Addition is all there is to it: return `a + b`. It runs in constant time and constant memory, for any input.',
    functionName: 'sumPair',
    signature: 'function sumPair(a: number, b: number): number',
    starter: 'function sumPair(a: number, b: number): number {\n  return 0;\n}\n',
    reference: REFERENCE,
    limits: { timeMsPerTest: 1_000, timeMsTotal: 5_000, memoryMb: 128 },
    tests: {
      cases: [
        { name: 'small', sample: true, args: [1, 2] },
        { name: 'negative', args: [-5, 3], expected: -2 },
      ],
    },
    ...overrides,
  };
}

const as = (who: TSignedIn | undefined, request: TRequest) =>
  call(app, {
    ...request,
    ...(who ? { cookie: who.cookie } : {}),
    ...(request.method && request.method !== 'GET' ? { headers: { origin: WEB_ORIGIN } } : {}),
  });
const adminCall = (request: TRequest) => as(admin, request);

async function create(source: TAuthoredProblemInput): Promise<TAdminProblem> {
  const res = await adminCall({ method: 'POST', url: '/api/admin/problems', payload: { problem: source } });
  expect(res.statusCode).toBe(201);
  return ZAdminProblem.parse(res.json());
}

/** Asks for a check and waits for the worker's report. */
async function checked(slug: string, timeoutMs = 90_000): Promise<TProblemCheckStatus> {
  const res = await adminCall({ method: 'POST', url: `/api/admin/problems/${slug}/check` });
  expect(res.statusCode).toBe(202);
  expect(ZProblemCheckStatus.parse(res.json()).state).toBe('queued');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = ZProblemCheckStatus.parse((await adminCall({ url: `/api/admin/problems/${slug}/check` })).json());
    if (status.state !== 'queued' || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const publish = (slug: string) => adminCall({ method: 'POST', url: `/api/admin/problems/${slug}/publish` });

async function graded(learner: TSignedIn, slug: string, code: string) {
  const res = await as(learner, { method: 'POST', url: `/api/problems/${slug}/submissions`, payload: { code, mode: 'submit' } });
  expect(res.statusCode).toBe(202);
  const { id } = ZSubmissionCreated.parse(res.json());
  const deadline = Date.now() + 60_000;
  while ((await prisma.submission.findUniqueOrThrow({ where: { id } })).status !== 'done' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return ZSubmissionView.parse((await as(learner, { url: `/api/submissions/${id}` })).json());
}

describe('authoring a problem: create, check, publish, solve, edit, restore', () => {
  it('keeps a draft from learners, publishes it after a passing check, grades learners against the published version', async () => {
    const source = problem();
    const { slug } = source;
    const created = await create(source);
    expect(created.problem).toMatchObject({ slug, source: 'authored', status: 'draft', hasDraft: true, readOnly: false });
    expect(created.draft).toMatchObject({ number: 1, state: 'draft', check: 'none' });

    const learner = await registerLearner(app);
    expect((await as(learner, { url: `/api/problems/${slug}` })).statusCode).toBe(404);
    const catalog = ZListProblemsResponse.parse((await as(learner, { url: `/api/problems?q=${slug}` })).json());
    expect(catalog.items).toEqual([]);
    expect((await publish(slug)).statusCode).toBe(422);
    expect(errorOf(await publish(slug)).details).toMatchObject({ reason: 'not_checked' });

    const check = await checked(slug);
    expect(check.state).toBe('passed');
    expect(check.report).toMatchObject({ ok: true, tests: { total: 2, samples: 1 }, starter: { verdict: 'wrong_answer' } });

    const published = await publish(slug);
    expect(published.statusCode).toBe(200);
    const v1 = ZAdminProblem.parse(published.json());
    expect(v1.problem).toMatchObject({ status: 'published', version: 1, hasDraft: false });
    expect(v1.published).toMatchObject({ number: 1, state: 'published' });

    const page = ZProblemPage.parse((await as(learner, { url: `/api/problems/${slug}` })).json());
    expect(page.problem).toMatchObject({ slug, version: 1, functionName: 'sumPair', starter: source.starter });
    expect(page.problem.sampleTests).toEqual([{ index: 0, name: 'small', args: [1, 2], expected: 3 }]);

    const wrong = await graded(learner, slug, 'function sumPair(a: number, b: number): number { return a - b; }');
    expect(wrong.verdict).toBe('wrong_answer');
    const solved = await graded(learner, slug, REFERENCE);
    expect(solved).toMatchObject({ verdict: 'accepted', problemVersion: 1 });
    const firstRow = await prisma.submission.findUniqueOrThrow({ where: { id: solved.id } });
    expect(firstRow.problemVersionId).toBe(v1.published!.id);
    const stateBefore = ZProblemPage.parse((await as(learner, { url: `/api/problems/${slug}` })).json()).review;
    expect(stateBefore.state).not.toBe('new');

    // Editing the published problem makes a draft; learners still see version 1 until it is published.
    const edited = problem({
      slug,
      title: 'Sum of a pair, edited',
      tests: { cases: [...source.tests.cases, { name: 'zeros', args: [0, 7], expected: 7 }] },
    });
    const saved = ZAdminProblem.parse(
      (await adminCall({ method: 'PUT', url: `/api/admin/problems/${slug}/draft`, payload: { problem: edited } })).json(),
    );
    expect(saved.draft).toMatchObject({ number: 2, state: 'draft' });
    expect(saved.published).toMatchObject({ number: 1 });
    expect(ZProblemPage.parse((await as(learner, { url: `/api/problems/${slug}` })).json()).problem.title).toBe('Sum of a pair');

    expect((await checked(slug)).state).toBe('passed');
    const v2 = ZAdminProblem.parse((await publish(slug)).json());
    // The tests changed, so learners' work now records content version 2.
    expect(v2.problem).toMatchObject({ version: 2, title: 'Sum of a pair, edited' });
    expect(ZProblemPage.parse((await as(learner, { url: `/api/problems/${slug}` })).json()).problem).toMatchObject({ version: 2 });
    // The learner's scheduling state stays with the problem; old submissions keep the version they were graded against.
    const stateAfter = ZProblemPage.parse((await as(learner, { url: `/api/problems/${slug}` })).json()).review;
    expect(stateAfter).toMatchObject({ state: stateBefore.state, due: stateBefore.due });
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: solved.id } })).toMatchObject({
      problemVersion: 1,
      problemVersionId: v1.published!.id,
    });
    const again = await graded(learner, slug, REFERENCE);
    expect(again).toMatchObject({ verdict: 'accepted', problemVersion: 2 });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: again.id } })).problemVersionId).toBe(v2.published!.id);

    // History: each version with a diff; restoring version 1 makes a new draft, history is not rewritten.
    const history = ZProblemVersionListResponse.parse((await adminCall({ url: `/api/admin/problems/${slug}/versions` })).json());
    expect(history.versions.map((v) => [v.number, v.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const first = ZProblemVersion.parse((await adminCall({ url: `/api/admin/problems/${slug}/versions/1` })).json());
    expect(first).toMatchObject({ number: 1, state: 'superseded', check: 'passed', source: { title: 'Sum of a pair' } });
    const diff = ZProblemVersionDiff.parse((await adminCall({ url: `/api/admin/problems/${slug}/versions/2/diff` })).json());
    expect(diff.from).toBe(1);
    expect(diff.fields.map((f) => f.field)).toEqual(['title', 'tests', 'version']);
    expect(diff.fields[1]!.chunks.some((c) => c.op === 'add' && c.text.includes('"zeros"'))).toBe(true);
    const restored = ZAdminProblem.parse(
      (await adminCall({ method: 'POST', url: `/api/admin/problems/${slug}/versions/1/restore` })).json(),
    );
    expect(restored.draft).toMatchObject({ number: 3, forkedFrom: 'version:1', title: 'Sum of a pair' });
    expect(restored.published).toMatchObject({ number: 2 });

    // Archive hides it from learners and keeps their progress; every change is in the audit log.
    const archived = ZAdminProblem.parse((await adminCall({ method: 'POST', url: `/api/admin/problems/${slug}/archive` })).json());
    expect(archived.problem.status).toBe('archived');
    expect((await as(learner, { url: `/api/problems/${slug}` })).statusCode).toBe(404);
    expect(await prisma.studyState.count({ where: { userId: learner.user.id, refId: slug } })).toBe(1);
    const audit = ZAuditPage.parse((await adminCall({ url: `/api/admin/audit?entityType=problem&entityId=${slug}` })).json());
    expect(audit.events.map((e) => e.action).reverse()).toEqual([
      'problem.created',
      'problem.check_requested',
      'problem.published',
      'problem.draft_updated',
      'problem.check_requested',
      'problem.published',
      'problem.restored',
      'problem.archived',
    ]);
    expect(audit.events.every((e) => e.actor.id === admin.user.id)).toBe(true);
  }, 240_000);
});

describe('publishing needs a passing check of the current source', () => {
  it('refuses a reference that fails its own tests, and a starter that passes, naming why (422)', async () => {
    const badExpected = problem({
      tests: { cases: [{ name: 'small', sample: true, args: [1, 2], expected: 4 }] },
    });
    const solvedStarter = problem({ starter: REFERENCE });
    await create(badExpected);
    await create(solvedStarter);
    const [a, b] = await Promise.all([checked(badExpected.slug), checked(solvedStarter.slug)]);
    expect(a.state).toBe('failed');
    expect(a.report!.failures.map((f) => f.code)).toContain('expected_mismatch');
    expect(b.report!.failures.map((f) => f.code)).toEqual(['starter_accepted']);
    for (const [slug, code] of [
      [badExpected.slug, 'expected_mismatch'],
      [solvedStarter.slug, 'starter_accepted'],
    ] as const) {
      const res = await publish(slug);
      expect(res.statusCode).toBe(422);
      expect(errorOf(res)).toMatchObject({ code: 'check_failed', details: { reason: 'check_failed' } });
      expect(errorOf(res).message).toContain(code);
    }
    // Editing after a check makes the check stale: publishing needs a new one.
    const fixed = { ...solvedStarter, starter: 'function sumPair(a: number, b: number): number {\n  return 0;\n}\n' };
    await adminCall({ method: 'PUT', url: `/api/admin/problems/${solvedStarter.slug}/draft`, payload: { problem: fixed } });
    expect(errorOf(await publish(solvedStarter.slug)).details).toMatchObject({ reason: 'not_checked', checkState: 'stale' });
  }, 180_000);

  it('contains a hostile reference (escape attempts, an endless loop) and generator: the checks fail, nothing escapes, the API answers', async () => {
    const marker = path.join(os.tmpdir(), `authoring-escape-${randomUUID()}`);
    const hostile = problem({
      limits: { timeMsPerTest: 200, timeMsTotal: 1_000, memoryMb: 64 },
      reference: `function sumPair(a: number, b: number): number {
  const g = globalThis as any;
  for (const get of [() => g.process.mainModule.require, () => g.require, () => eval('require'), () => g.process.binding]) {
    try { get()('child_process').execSync(${JSON.stringify(`touch ${marker}`)}); } catch {}
  }
  try { g.process.exit(0); } catch {}
  while (true) {}
}
`,
    });
    const hostileGenerator = problem({
      limits: { timeMsPerTest: 200, timeMsTotal: 1_000, memoryMb: 64 },
      tests: {
        cases: [{ name: 'small', sample: true, args: [1, 2] }],
        generators: [{ name: 'forever', count: 2, seed: 1, make: '(rng: Rng, i: number): Args => { while (true) {} }' }],
      },
    });
    await create(hostile);
    await create(hostileGenerator);
    const [status, generated] = await Promise.all([checked(hostile.slug), checked(hostileGenerator.slug)]);
    expect(status.state).toBe('failed');
    expect(status.report!.ok).toBe(false);
    expect(fs.existsSync(marker)).toBe(false);
    expect(generated.state).toBe('failed');
    expect(generated.report!.failures.map((f) => f.code)).toEqual(['generator_failed']);
    expect((await publish(hostile.slug)).statusCode).toBe(422);
    expect((await publish(hostileGenerator.slug)).statusCode).toBe(422);
    expect((await call(app, { url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);
});

describe('built-in problems, guards and validation', () => {
  const BUILTIN = 'merge-sorted-array';

  it('lists built-in problems read-only, refuses to edit them (409) and forks one into an authored draft', async () => {
    const list = ZAdminProblemListResponse.parse((await adminCall({ url: `/api/admin/problems?source=builtin&q=${BUILTIN}` })).json());
    expect(list.problems.map((p) => [p.slug, p.status])).toEqual([[BUILTIN, 'published']]);
    const view = ZAdminProblem.parse((await adminCall({ url: `/api/admin/problems/${BUILTIN}` })).json());
    expect(view.problem.readOnly).toBe(true);
    expect(view.builtinSource).toMatchObject({ slug: BUILTIN });
    const edit = await adminCall({ method: 'PUT', url: `/api/admin/problems/${BUILTIN}/draft`, payload: { problem: view.builtinSource } });
    expect(edit.statusCode).toBe(409);
    expect(errorOf(edit).details).toMatchObject({ reason: 'builtin_read_only' });
    expect((await publish(BUILTIN)).statusCode).toBe(409);

    const slug = `merge-copy-${randomUUID().slice(0, 8)}`;
    const forked = await adminCall({ method: 'POST', url: `/api/admin/problems/${BUILTIN}/fork`, payload: { slug } });
    expect(forked.statusCode).toBe(201);
    const copy = ZAdminProblem.parse(forked.json());
    expect(copy.problem).toMatchObject({ slug, source: 'authored', status: 'draft', forkedFrom: `builtin:${BUILTIN}@1` });
    expect(copy.draft!.source).toMatchObject({ ...view.builtinSource, slug, version: 1 });
    const taken = await adminCall({ method: 'POST', url: `/api/admin/problems/${BUILTIN}/fork`, payload: { slug } });
    expect(errorOf(taken)).toMatchObject({ code: 'conflict', details: { reason: 'slug_taken' } });
  });

  it('answers 401 anonymous and 403 learners; validates the source and the slug', async () => {
    const learner = await registerLearner(app);
    expect((await as(undefined, { url: '/api/admin/problems' })).statusCode).toBe(401);
    expect((await as(learner, { method: 'POST', url: '/api/admin/problems', payload: { problem: problem() } })).statusCode).toBe(403);
    const bad = await adminCall({ method: 'POST', url: '/api/admin/problems', payload: { problem: { ...problem(), statement: 'short' } } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.problem.statement' })]));
    const source = problem();
    await create(source);
    const moved = await adminCall({
      method: 'PUT',
      url: `/api/admin/problems/${source.slug}/draft`,
      payload: { problem: { ...source, slug: 'other' } },
    });
    expect(moved.statusCode).toBe(400);
    expect((await adminCall({ url: '/api/admin/problems/no-such-problem' })).statusCode).toBe(404);
  });
});
