import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ZItemDetailResponse,
  ZListProblemsResponse,
  ZNextHintResponse,
  ZProblemPage,
  ZRevealResponse,
  ZSaveDraftResponse,
  type TProblemListItem,
} from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { call, errorOf, registerLearner, type TRequest, type TSignedIn } from './support/api-client';
import { useBuiltInContent } from './support/content';
import { startTestHttpApp } from './support/http-app';

const SLUG = 'segments-intersect';
const clock = new ManualClock('2026-03-02T10:00:00.000Z');
let app: NestFastifyApplication;

useBuiltInContent();
beforeAll(async () => {
  app = await startTestHttpApp({ clock });
});
afterAll(async () => {
  await app?.close();
});

const as = (learner: TSignedIn | undefined, request: TRequest) => call(app, { ...request, ...(learner ? { cookie: learner.cookie } : {}) });

async function listAll(learner: TSignedIn, query: string, limit = 100): Promise<TProblemListItem[]> {
  const items: TProblemListItem[] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/problems?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await as(learner, { url });
    expect(res.statusCode).toBe(200);
    const page = ZListProblemsResponse.parse(res.json());
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/problems', () => {
  it('lists every live problem, by title, and pages through them with cursors without repeats', async () => {
    const learner = await registerLearner(app);
    const all = await listAll(learner, '');
    expect(all.length).toBeGreaterThanOrEqual(26);
    const titles = all.map((p) => p.title.toLowerCase());
    expect(titles).toEqual([...titles].sort());
    expect(all.every((p) => p.status === 'new' && p.due === null && p.lastSubmittedAt === null)).toBe(true);
    const paged = await listAll(learner, '', 7);
    expect(paged.map((p) => p.slug)).toEqual(all.map((p) => p.slug));
  });

  it('filters by deck (in the deck order), tag, difficulty and text', async () => {
    const learner = await registerLearner(app);
    const deck = await app.get(PrismaService).deck.findUniqueOrThrow({ where: { slug: 'computational-geometry' } });
    expect((await listAll(learner, 'deck=computational-geometry')).map((p) => p.slug)).toEqual(deck.problemSlugs);
    const geometry = await listAll(learner, 'tag=geometry');
    expect(geometry.length).toBeGreaterThan(0);
    expect(geometry.every((p) => p.tags.includes('geometry'))).toBe(true);
    const hard = await listAll(learner, 'difficulty=hard&tag=geometry');
    expect(hard.every((p) => p.difficulty === 'hard' && p.tags.includes('geometry'))).toBe(true);
    const knapsack = await listAll(learner, 'q=KNAPSACK');
    expect(knapsack.map((p) => p.slug)).toEqual(expect.arrayContaining(['complete-knapsack', 'knapsack-01']));
    expect(knapsack.every((p) => /knapsack/i.test(p.title) || p.tags.some((t) => t.includes('knapsack')))).toBe(true);
    expect(await listAll(learner, 'q=no-problem-is-called-this')).toEqual([]);
    expect(await listAll(learner, 'deck=no-such-deck')).toEqual([]);
  });

  it('shows my status: attempted after a failed submit, solved after an accepted one; runs do not count', async () => {
    const learner = await registerLearner(app);
    const prisma = app.get(PrismaService);
    const submit = (problemSlug: string, mode: string, verdict: string) =>
      prisma.submission.create({
        data: {
          userId: learner.user.id,
          problemSlug,
          problemVersion: 1,
          mode,
          code: '//',
          status: 'done',
          verdict,
          createdAt: clock.now(),
        },
      });
    await submit('maximum-gap', 'submit', 'wrong_answer');
    await submit('knapsack-01', 'submit', 'wrong_answer');
    await submit('knapsack-01', 'submit', 'accepted');
    await submit('polygon-area', 'run', 'accepted');
    const bySlug = new Map((await listAll(learner, '')).map((p) => [p.slug, p]));
    expect(bySlug.get('maximum-gap')).toMatchObject({ status: 'attempted', lastSubmittedAt: clock.now().toISOString() });
    expect(bySlug.get('knapsack-01')?.status).toBe('solved');
    expect(bySlug.get('polygon-area')?.status).toBe('new');
    expect((await listAll(learner, 'status=solved')).map((p) => p.slug)).toEqual(['knapsack-01']);
    // Another learner's submissions are not mine.
    const other = await registerLearner(app);
    expect(await listAll(other, 'status=solved')).toEqual([]);
  });

  it('rejects bad filters and forged cursors with the field named', async () => {
    const learner = await registerLearner(app);
    const res = await as(learner, { url: '/api/problems?difficulty=extreme&limit=0&sort=x' });
    expect(res.statusCode).toBe(400);
    expect((errorOf(res).details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'query.difficulty',
      'query.limit',
      'query.sort',
    ]);
    const forged = await as(learner, { url: '/api/problems?cursor=bm9wZQ' });
    expect(forged.statusCode).toBe(400);
    expect(errorOf(forged).details).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
  });
});

describe('GET /api/problems/:slug', () => {
  it('shows statement, examples, constraints, starter and samples; no hints, editorial or reference', async () => {
    const learner = await registerLearner(app);
    const res = await as(learner, { url: `/api/problems/${SLUG}` });
    expect(res.statusCode).toBe(200);
    const page = ZProblemPage.parse(res.json());
    expect(page.problem).toMatchObject({
      slug: SLUG,
      functionName: 'segmentsIntersect',
      hintCount: 4,
      hasEditorial: true,
      expectedMinutes: 25,
    });
    expect(page.problem.examples.map((e) => e.title)).toEqual(['Example 1', 'Example 2', 'Example 3']);
    expect(page.problem.constraints).toMatch(/-100 \\le x, y \\le 100/);
    expect(page.problem.statement).not.toMatch(/Example|Constraints/);
    expect(page.problem.sampleTests.map((t) => t.index)).toEqual(page.problem.sampleTests.map((_, i) => i));
    expect(page).toMatchObject({ status: 'new', hints: [], draft: null, lastSubmission: null });
    expect(page.review).toMatchObject({ itemId: `problem:${SLUG}`, state: 'new', due: null, dueNow: false, reps: 0, lastOutcome: null });
    expect(page.attempt).toEqual({
      counts: true,
      openedAt: clock.now().toISOString(),
      hintsRevealed: 0,
      revealed: false,
      failedSubmits: 0,
      outcome: null,
    });
    expect(res.body).not.toMatch(/withinBox|orientation\(/); // nothing of the reference or editorial
  });

  it('lists the concepts behind it with my state of each; a concept card lists the problems that practise it', async () => {
    const learner = await registerLearner(app);
    const page = async () => ZProblemPage.parse((await as(learner, { url: `/api/problems/${SLUG}` })).json());
    const before = await page();
    expect(before.concepts.length).toBeGreaterThan(1);
    expect(before.concepts[0]).toEqual({ id: 'geo-orientation-test', front: expect.stringMatching(/\S/), state: 'new' });
    expect(before.concepts.every((c) => c.state === 'new')).toBe(true);

    const card = `card:${before.concepts[0]!.id}`;
    const payload = { rating: 'good', durationMs: 1000, clientReviewId: `concept-${learner.user.id}` };
    expect((await as(learner, { method: 'POST', url: `/api/review/${card}`, payload })).statusCode).toBe(200);
    const after = await page();
    expect(after.concepts.map((c) => c.state)).toEqual(['learning', ...before.concepts.slice(1).map(() => 'new')]);

    const detail = ZItemDetailResponse.parse((await as(learner, { url: `/api/items/${card}` })).json());
    expect(detail.item.content).toMatchObject({ kind: 'card' });
    expect(detail.item.content.kind === 'card' && detail.item.content.practice).toContainEqual({ slug: SLUG, title: before.problem.title });
  });

  it('answers 404 for an unknown or retired problem and 400 for a malformed slug', async () => {
    const learner = await registerLearner(app);
    expect(errorOf(await as(learner, { url: '/api/problems/no-such-problem' })).code).toBe('not_found');
    const bad = await as(learner, { url: '/api/problems/Not_A_Slug' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details).toEqual([expect.objectContaining({ path: 'param.slug' })]);
  });
});

describe('hints, reveal and drafts', () => {
  it('reveals hints one at a time, counts them in my attempt, and says when none are left', async () => {
    const learner = await registerLearner(app);
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await as(learner, { method: 'POST', url: `/api/problems/${SLUG}/hints/next` });
      expect(res.statusCode).toBe(200);
      const { hint, revealed, total } = ZNextHintResponse.parse(res.json());
      expect({ index: hint.index, revealed, total }).toEqual({ index: i, revealed: i + 1, total: 4 });
      texts.push(hint.text);
    }
    const none = await as(learner, { method: 'POST', url: `/api/problems/${SLUG}/hints/next` });
    expect(none.statusCode).toBe(409);
    expect(errorOf(none).code).toBe('conflict');
    const page = ZProblemPage.parse((await as(learner, { url: `/api/problems/${SLUG}` })).json());
    expect(page.hints.map((h) => h.text)).toEqual(texts);
    expect(page.attempt.hintsRevealed).toBe(4);
    // Hints are mine: another learner starts with none.
    const other = ZProblemPage.parse((await as(await registerLearner(app), { url: `/api/problems/${SLUG}` })).json());
    expect(other.hints).toEqual([]);
  });

  it('reveal shows the editorial and reference and, before any acceptance, rates the attempt again once', async () => {
    const learner = await registerLearner(app);
    await as(learner, { url: `/api/problems/${SLUG}` });
    const first = ZRevealResponse.parse((await as(learner, { method: 'POST', url: `/api/problems/${SLUG}/reveal` })).json());
    expect(first.editorial).toMatch(/orientation/);
    expect(first.reference).toMatch(/function segmentsIntersect/);
    expect(first.reference).not.toMatch(/^export /m);
    expect(first.myLastAccepted).toBeNull();
    expect(first.outcome).toMatchObject({ rating: 'again', reason: 'revealed', submissionId: null });
    expect(first.attempt).toMatchObject({ revealed: true, outcome: { rating: 'again' } });
    const second = ZRevealResponse.parse((await as(learner, { method: 'POST', url: `/api/problems/${SLUG}/reveal` })).json());
    expect(second.outcome).toBeNull();
    expect(second.attempt.outcome).toEqual(first.outcome);
  });

  it('keeps the draft with the latest client time, whatever order saves arrive in', async () => {
    const learner = await registerLearner(app);
    const save = (code: string, clientUpdatedAt: string) =>
      as(learner, { method: 'PUT', url: `/api/problems/${SLUG}/draft`, payload: { code, clientUpdatedAt } });
    const t = (s: number) => new Date(clock.now().getTime() - 60_000 + s * 1000).toISOString();
    expect(ZSaveDraftResponse.parse((await save('second', t(2))).json())).toMatchObject({ applied: true, draft: { code: 'second' } });
    const late = ZSaveDraftResponse.parse((await save('first', t(1))).json());
    expect(late).toMatchObject({ applied: false, draft: { code: 'second', clientUpdatedAt: t(2) } });
    expect(ZSaveDraftResponse.parse((await save('third', t(3))).json()).applied).toBe(true);
    const page = ZProblemPage.parse((await as(learner, { url: `/api/problems/${SLUG}` })).json());
    expect(page.draft).toMatchObject({ code: 'third', clientUpdatedAt: t(3), savedAt: clock.now().toISOString() });

    // A client clock far ahead cannot lock out other devices for more than a minute.
    const ahead = ZSaveDraftResponse.parse((await save('from the future', '2100-01-01T00:00:00.000Z')).json());
    expect(ahead.draft.clientUpdatedAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    clock.advance(61_000);
    expect(ZSaveDraftResponse.parse((await save('now', clock.now().toISOString())).json()).applied).toBe(true);
  });

  it('refuses oversized, malformed and misaddressed drafts', async () => {
    const learner = await registerLearner(app);
    const big = await as(learner, {
      method: 'PUT',
      url: `/api/problems/${SLUG}/draft`,
      payload: { code: 'é'.repeat(33 * 1024), clientUpdatedAt: clock.now().toISOString() },
    });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big)).toMatchObject({ code: 'payload_too_large', details: [{ path: 'body.code' }] });
    const noTime = await as(learner, { method: 'PUT', url: `/api/problems/${SLUG}/draft`, payload: { code: 'x' } });
    expect(noTime.statusCode).toBe(400);
    const unknown = await as(learner, {
      method: 'PUT',
      url: '/api/problems/no-such-problem/draft',
      payload: { code: 'x', clientUpdatedAt: clock.now().toISOString() },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('every problem route needs a session', () => {
  it.each([
    ['GET', '/api/problems'],
    ['GET', `/api/problems/${SLUG}`],
    ['PUT', `/api/problems/${SLUG}/draft`],
    ['POST', `/api/problems/${SLUG}/hints/next`],
    ['POST', `/api/problems/${SLUG}/reveal`],
  ] as const)('%s %s → 401', async (method, url) => {
    const res = await as(undefined, {
      method,
      url,
      ...(method === 'PUT' ? { payload: { code: 'x', clientUpdatedAt: clock.now().toISOString() } } : {}),
    });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
  });
});
