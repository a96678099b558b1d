import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ZItemActionResponse,
  ZItemDetailResponse,
  ZReviewNextResponse,
  ZReviewResponse,
  ZUndoResponse,
  type TRating,
  type TReviewNextResponse,
  type TReviewResponse,
} from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { ReviewsService } from '../src/modules/study/reviews.service';
import { call, errorOf, registerLearner, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';
import { createDeck, linkConcepts, useOwnContent, retireItem, reviewId, type TestDeck } from './support/study-factories';

const clock = new ManualClock('2026-03-02T15:00:00.000Z');
let app: NestFastifyApplication;

useOwnContent();

beforeAll(async () => {
  app = await startTestHttpApp({ clock });
});
afterAll(async () => {
  await app.close();
});

async function learnerWithDeck(spec?: Parameters<typeof createDeck>[1]): Promise<{ me: TSignedIn; deck: TestDeck }> {
  const me = await registerLearner(app);
  const deck = await createDeck(app, spec);
  const enrolled = await call(app, { method: 'POST', url: `/api/decks/${deck.slug}/enroll`, cookie: me.cookie });
  expect(enrolled.statusCode).toBe(200);
  return { me, deck };
}

async function next(me: TSignedIn, limit = 10): Promise<TReviewNextResponse> {
  const res = await call(app, { url: `/api/review/next?limit=${limit}`, cookie: me.cookie });
  expect(res.statusCode).toBe(200);
  return ZReviewNextResponse.parse(res.json());
}

async function rate(me: TSignedIn, itemId: string, rating: TRating, clientReviewId = reviewId()): Promise<TReviewResponse> {
  const res = await call(app, {
    method: 'POST',
    url: `/api/review/${itemId}`,
    cookie: me.cookie,
    payload: { rating, durationMs: 4000, clientReviewId },
  });
  expect(res.statusCode).toBe(200);
  return ZReviewResponse.parse(res.json());
}

describe('review queue and ratings', () => {
  it('offers new items of an enrolled deck in deck order with a preview per rating, and nothing before enrolling', async () => {
    const me = await registerLearner(app);
    const deck = await createDeck(app, { cards: 4, problems: 1 });
    expect((await next(me)).items).toHaveLength(0);
    await call(app, { method: 'POST', url: `/api/decks/${deck.slug}/enroll`, cookie: me.cookie });
    const queue = await next(me);
    expect(queue.counts).toEqual({ new: 5, learning: 0, review: 0 });
    expect(queue.items.filter((i) => i.kind === 'card').map((i) => i.id)).toEqual(deck.cardItemIds);
    expect(queue.items.map((i) => i.id)).toContain(deck.problemItemIds[0]);
    const card = queue.items.find((i) => i.kind === 'card')!;
    expect(card.queue).toBe('new');
    expect(card.content).toMatchObject({ kind: 'card', front: expect.stringContaining('Question 0') });
    expect(card.previews.again).toMatchObject({ label: '1m', state: 'learning' });
    expect(card.previews.good).toMatchObject({ label: '10m', state: 'learning' });
    const problem = queue.items.find((i) => i.kind === 'problem')!;
    expect(problem.previews.again.days).toBeGreaterThanOrEqual(1);
  });

  it('applies a rating once per clientReviewId and replays the same body, also for concurrent retries', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 2, problems: 0 });
    const id = deck.cardItemIds[0]!;
    const clientReviewId = reviewId();
    const first = await rate(me, id, 'good', clientReviewId);
    expect(first.state).toMatchObject({ state: 'learning', reps: 1 });
    const again = await call(app, {
      method: 'POST',
      url: `/api/review/${id}`,
      cookie: me.cookie,
      payload: { rating: 'good', durationMs: 4000, clientReviewId },
    });
    expect(again.json()).toEqual(JSON.parse(JSON.stringify(first)));

    const concurrentId = reviewId();
    const other = deck.cardItemIds[1]!;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(app, {
          method: 'POST',
          url: `/api/review/${other}`,
          cookie: me.cookie,
          payload: { rating: 'easy', durationMs: 1, clientReviewId: concurrentId },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    const prisma = app.get(PrismaService);
    expect(await prisma.reviewLog.count({ where: { userId: me.user.id, refId: deck.cardIds[1] } })).toBe(1);

    const reused = await call(app, {
      method: 'POST',
      url: `/api/review/${other}`,
      cookie: me.cookie,
      payload: { rating: 'good', durationMs: 1, clientReviewId },
    });
    expect(reused.statusCode).toBe(409);
    expect(errorOf(reused).code).toBe('conflict');

    // The same clientReviewId sent for two items at once: one applies, the other is told it was used.
    const shared = reviewId();
    const raced = await Promise.all(
      deck.cardItemIds.map((item) =>
        call(app, {
          method: 'POST',
          url: `/api/review/${item}`,
          cookie: me.cookie,
          payload: { rating: 'hard', durationMs: 1, clientReviewId: shared },
        }),
      ),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await prisma.reviewLog.count({ where: { userId: me.user.id, clientReviewId: shared } })).toBe(1);
  });

  it('serialises concurrent ratings of one item: each applies to the state the previous one left', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 1, problems: 0 });
    const id = deck.cardItemIds[0]!;
    const results = await Promise.all((['again', 'hard', 'good', 'easy'] as const).map((r) => rate(me, id, r)));
    const reps = results.map((r) => r.state.reps).sort();
    expect(reps).toEqual([1, 2, 3, 4]);
    const detail = ZItemDetailResponse.parse((await call(app, { url: `/api/items/${id}`, cookie: me.cookie })).json());
    const chain = [...detail.history].reverse();
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.stateBefore).toBe(chain[i - 1]!.stateAfter);
    expect(detail.item.state.reps).toBe(4);
  });

  it('undoes the latest review once, then the one before it', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 2, problems: 0 });
    const [a, b] = deck.cardItemIds as [string, string];
    const ra = await rate(me, a, 'good');
    const rb = await rate(me, b, 'easy');
    const undo = await call(app, { method: 'POST', url: '/api/review/undo', cookie: me.cookie, payload: { reviewId: rb.review.id } });
    expect(undo.statusCode).toBe(200);
    const undone = ZUndoResponse.parse(undo.json());
    expect(undone.undone.undoneAt).not.toBeNull();
    expect(undone.state).toMatchObject({ itemId: b, state: 'new', reps: 0 });
    expect(undone.item).toMatchObject({ id: b, queue: 'new' });
    const twice = await call(app, { method: 'POST', url: '/api/review/undo', cookie: me.cookie, payload: { reviewId: rb.review.id } });
    expect(twice.statusCode).toBe(409);
    const previous = ZUndoResponse.parse(
      (await call(app, { method: 'POST', url: '/api/review/undo', cookie: me.cookie, payload: {} })).json(),
    );
    expect(previous.undone.id).toBe(ra.review.id);
    const nothing = await call(app, { method: 'POST', url: '/api/review/undo', cookie: me.cookie });
    expect(nothing.statusCode).toBe(404);
    expect((await next(me)).counts.new).toBe(2);
  });

  it('accepts a rating of an item that is not due as an early review', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 1, problems: 0 });
    const id = deck.cardItemIds[0]!;
    const first = await rate(me, id, 'easy');
    expect(first.state.state).toBe('review');
    clock.advance(3_600_000);
    const early = await rate(me, id, 'good');
    expect(early.review).toMatchObject({ early: true, stateBefore: 'review', elapsedDays: 0 });
  });

  it('tags and suspends a leech at the eighth lapse, and says so with the problems that practise it', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 1, problems: 1 });
    const id = deck.cardItemIds[0]!;
    await linkConcepts(app, deck.problemSlugs[0]!, [], deck.cardIds);
    await app.get(PrismaService).studySettings.create({
      data: {
        userId: me.user.id,
        desiredRetention: 0.9,
        newCardsPerDay: 20,
        newProblemsPerDay: 3,
        newLabsPerDay: 1,
        reviewsPerDay: 200,
        steps: { card: { learning: [], relearning: [] }, problem: { learning: [], relearning: [] }, lab: { learning: [], relearning: [] } },
        rolloverHour: 4,
        timezone: 'UTC',
        fuzz: false,
        maximumIntervalDays: 36500,
        leechThreshold: 8,
        fsrsWeights: [],
      },
    });
    await rate(me, id, 'good');
    let last: TReviewResponse | undefined;
    for (let lapse = 1; lapse <= 8; lapse++) {
      last = await rate(me, id, 'again');
      expect(last.state.lapses).toBe(lapse);
      expect(last.leech).toBe(lapse === 8);
      expect(last.leechPractice).toEqual(lapse === 8 ? [{ slug: deck.problemSlugs[0], title: expect.stringMatching(/^Problem 0/) }] : []);
      if (lapse < 8) await rate(me, id, 'good');
    }
    expect(last!.state).toMatchObject({ leech: true, suspended: true, dueNow: false });
  });

  it('schedules a failed problem for the next day at the earliest', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 0, problems: 1 });
    const failed = await rate(me, deck.problemItemIds[0]!, 'again');
    expect(failed.state.state).toBe('review');
    expect(new Date(failed.state.due!).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(failed.review.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for unknown and retired items, and keeps a retired item out of the queue', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 2, problems: 0 });
    const unknown = await call(app, {
      method: 'POST',
      url: '/api/review/card:no-such-card',
      cookie: me.cookie,
      payload: { rating: 'good', durationMs: 1, clientReviewId: reviewId() },
    });
    expect(unknown.statusCode).toBe(404);
    await rate(me, deck.cardItemIds[0]!, 'again');
    await retireItem(app, deck.cardItemIds[0]!);
    const retired = await call(app, {
      method: 'POST',
      url: `/api/review/${deck.cardItemIds[0]}`,
      cookie: me.cookie,
      payload: { rating: 'good', durationMs: 1, clientReviewId: reviewId() },
    });
    expect(retired.statusCode).toBe(404);
    clock.advance(3_600_000);
    expect((await next(me)).items.map((i) => i.id)).toEqual([deck.cardItemIds[1]]);
    const detail = ZItemDetailResponse.parse((await call(app, { url: `/api/items/${deck.cardItemIds[0]}`, cookie: me.cookie })).json());
    expect(detail.item.state.retired).toBe(true);
    expect(detail.history).toHaveLength(1);
  });

  it('pauses a deck on unenroll and resumes it on enroll, keeping state', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 2, problems: 0 });
    await rate(me, deck.cardItemIds[0]!, 'again');
    clock.advance(2 * 60_000);
    expect((await next(me)).counts).toMatchObject({ learning: 1, new: 1 });
    const left = await call(app, { method: 'DELETE', url: `/api/decks/${deck.slug}/enroll`, cookie: me.cookie });
    expect(left.json().deck).toMatchObject({ enrolled: false });
    expect((await next(me)).items).toHaveLength(0);
    await call(app, { method: 'POST', url: `/api/decks/${deck.slug}/enroll`, cookie: me.cookie });
    const back = await next(me);
    expect(back.counts).toMatchObject({ learning: 1, new: 1 });
    expect(back.items[0]).toMatchObject({ id: deck.cardItemIds[0], state: { reps: 1 } });
  });

  it('says when the next item is due when the queue is empty', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 1, problems: 0 });
    const res = await rate(me, deck.cardItemIds[0]!, 'easy');
    const empty = await next(me);
    expect(empty.items).toHaveLength(0);
    expect(empty.nextDueAt).toBe(res.state.due);
  });

  it('offers learning steps due within 20 minutes when nothing else is left', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 1, problems: 0 });
    await rate(me, deck.cardItemIds[0]!, 'good'); // 10-minute step
    const ahead = await next(me);
    expect(ahead.items.map((i) => i.id)).toEqual([deck.cardItemIds[0]]);
    expect(ahead.counts.learning).toBe(0);
  });

  it('suspends, buries until the next day, resets and starts a known item in review', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 3, problems: 0 });
    const [a, b, c] = deck.cardItemIds as [string, string, string];
    const act = async (id: string, action: string, payload?: unknown) => {
      const res = await call(app, { method: 'POST', url: `/api/items/${id}/${action}`, cookie: me.cookie, payload });
      expect(res.statusCode).toBe(200);
      return ZItemActionResponse.parse(res.json()).state;
    };
    expect(await act(a, 'suspend')).toMatchObject({ suspended: true });
    expect((await act(b, 'bury')).buriedUntil).not.toBeNull();
    expect((await next(me)).items.map((i) => i.id)).toEqual([c]);
    const known = await act(c, 'known', { intervalDays: 30 });
    expect(known).toMatchObject({ state: 'review', scheduledDays: 30 });
    const twice = await call(app, { method: 'POST', url: `/api/items/${c}/known`, cookie: me.cookie, payload: { intervalDays: 5 } });
    expect(twice.statusCode).toBe(409);
    expect(await act(c, 'reset', { resetCounts: true })).toMatchObject({ state: 'new', reps: 0 });
    expect(await act(a, 'unsuspend')).toMatchObject({ suspended: false });
    expect((await act(c, 'set-due', { days: 0 })).dueNow).toBe(true);
    clock.advance(24 * 3_600_000);
    expect((await next(me)).items.map((i) => i.id)).toEqual(expect.arrayContaining([a, b, c]));
  });
});

describe('recordOutcome', () => {
  it('records inside the caller’s transaction: rolled back with it, applied once per submission, overridable once', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 0, problems: 1 });
    const reviews = app.get(ReviewsService);
    const prisma = app.get(PrismaService);
    const problemSlug = deck.problemSlugs[0]!;
    const submissionId = '11111111-1111-4111-8111-' + Date.now().toString().padStart(12, '0').slice(-12);

    await expect(
      prisma.$transaction(async (tx) => {
        await reviews.recordOutcome({ userId: me.user.id, problemSlug, rating: 'good', outcomeId: submissionId }, tx);
        throw new Error('verdict write failed');
      }),
    ).rejects.toThrow('verdict write failed');
    expect(await prisma.reviewLog.count({ where: { userId: me.user.id } })).toBe(0);

    const first = await prisma.$transaction((tx) =>
      reviews.recordOutcome({ userId: me.user.id, problemSlug, rating: 'good', outcomeId: submissionId }, tx),
    );
    const retried = await reviews.recordOutcome({ userId: me.user.id, problemSlug, rating: 'good', outcomeId: submissionId });
    expect(retried).toEqual(first);
    expect(first.review.source).toBe('outcome');
    expect(first.state.lastOutcome).toMatchObject({ reviewId: first.review.id, rating: 'good', overridable: true });
    expect(await prisma.reviewLog.count({ where: { userId: me.user.id } })).toBe(1);

    const state = await reviews.itemState(me.user.id, deck.problemItemIds[0]!);
    expect(state).toMatchObject({ state: 'review', dueNow: false });
    const batch = await prisma.$transaction((tx) => reviews.problemStates(me.user.id, [problemSlug, 'never-studied'], tx));
    expect([...batch.keys()]).toEqual([problemSlug]);
    expect(batch.get(problemSlug)).toEqual(state);

    const override = await call(app, {
      method: 'POST',
      url: `/api/review/${deck.problemItemIds[0]}/override`,
      cookie: me.cookie,
      payload: { rating: 'again', clientReviewId: reviewId() },
    });
    expect(override.statusCode).toBe(200);
    const overridden = ZReviewResponse.parse(override.json());
    expect(overridden.review).toMatchObject({ source: 'override', rating: 'again' });
    expect(overridden.state.lastOutcome).toMatchObject({ overridable: false, overriddenBy: 'again' });
    expect(new Date(overridden.state.due!).getTime()).toBeLessThan(new Date(first.state.due!).getTime());
    const again = await call(app, {
      method: 'POST',
      url: `/api/review/${deck.problemItemIds[0]}/override`,
      cookie: me.cookie,
      payload: { rating: 'easy', clientReviewId: reviewId() },
    });
    expect(again.statusCode).toBe(409);
  });

  it('counts an outcome at the time the attempt was decided', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 0, problems: 1 });
    const at = new Date(clock.now().getTime() - 2 * 3_600_000);
    const recorded = await app
      .get(ReviewsService)
      .recordOutcome({ userId: me.user.id, problemSlug: deck.problemSlugs[0]!, rating: 'good', outcomeId: crypto.randomUUID(), at });
    expect(recorded.review.reviewedAt).toBe(at.toISOString());
    expect(recorded.state.lastReviewedAt).toBe(at.toISOString());
  });

  it('refuses to override an outcome once the problem was reviewed again, and has nothing to override before an outcome', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 0, problems: 1 });
    const id = deck.problemItemIds[0]!;
    const override = () =>
      call(app, {
        method: 'POST',
        url: `/api/review/${id}/override`,
        cookie: me.cookie,
        payload: { rating: 'easy', clientReviewId: reviewId() },
      });
    expect((await override()).statusCode).toBe(404);
    const outcome = await app
      .get(ReviewsService)
      .recordOutcome({ userId: me.user.id, problemSlug: deck.problemSlugs[0]!, rating: 'hard', outcomeId: crypto.randomUUID() });
    // Until it is due again the outcome answers the problem's review: a rating by hand is refused, the override is the way.
    const early = await call(app, {
      method: 'POST',
      url: `/api/review/${id}`,
      cookie: me.cookie,
      payload: { rating: 'good', durationMs: 1, clientReviewId: reviewId() },
    });
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).message).toMatch(/override/);
    clock.set(new Date(outcome.state.due!));
    await rate(me, id, 'good');
    const res = await override();
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toMatch(/reviewed again/);
  });
});

describe('a failed problem and its concept cards', () => {
  const cardsIn = (queue: TReviewNextResponse, name: 'review' | 'new') =>
    queue.items.filter((i) => i.kind === 'card' && i.queue === name).map((i) => i.id);

  it('brings studied concepts due and introduces new ones first, from any deck, once per lapse, and undo takes it back', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 4, problems: 1 });
    const other = await createDeck(app, { cards: 2, problems: 0 }); // not enrolled
    const [a, b, c, d] = deck.cardItemIds as [string, string, string, string];
    const [e, f] = other.cardItemIds as [string, string];
    const [problem] = deck.problemItemIds as [string];
    const [ia, ib, ic, id] = deck.cardIds as [string, string, string, string];
    const [ie, iff] = other.cardIds as [string, string];
    // c only names the problem as practice: not one of its concepts.
    await linkConcepts(app, deck.problemSlugs[0]!, [id, ia, ie, ib, iff], [ic]);
    await rate(me, a, 'easy');
    await rate(me, b, 'easy');
    expect((await call(app, { method: 'POST', url: `/api/items/${f}/suspend`, cookie: me.cookie })).statusCode).toBe(200);
    expect(cardsIn(await next(me), 'new')).toEqual([c, d]);

    const failedId = reviewId();
    const failed = await rate(me, problem, 'again', failedId);
    const queue = await next(me);
    expect(cardsIn(queue, 'review').sort()).toEqual([a, b].sort());
    expect(cardsIn(queue, 'new')).toEqual([d, e, c]);
    const practice = [{ slug: deck.problemSlugs[0], title: expect.stringMatching(/^Problem 0/) }];
    expect(queue.items.find((i) => i.id === c)!.content).toMatchObject({ kind: 'card', practice });
    const suspended = ZItemDetailResponse.parse((await call(app, { url: `/api/items/${f}`, cookie: me.cookie })).json());
    expect(suspended.item.state).toMatchObject({ suspended: true, state: 'new' });
    expect(suspended.item.content).toMatchObject({ practice });

    // b is reviewed after the lapse; a retried request of that lapse changes nothing, so b is not brought due again.
    await rate(me, b, 'good');
    expect(await rate(me, problem, 'again', failedId)).toEqual(failed);
    expect(cardsIn(await next(me), 'review')).toEqual([a]);

    // Undo takes back what is still as the lapse left it: a is due when it was, d back in deck order, e paused again.
    const undo = await call(app, { method: 'POST', url: '/api/review/undo', cookie: me.cookie, payload: { reviewId: failed.review.id } });
    expect(undo.statusCode).toBe(200);
    const after = await next(me);
    expect(cardsIn(after, 'review')).toEqual([]);
    expect(cardsIn(after, 'new')).toEqual([c, d]);
  });

  it('does the same for a graded outcome, inside its transaction, and an override of it takes it back', async () => {
    const { me, deck } = await learnerWithDeck({ cards: 2, problems: 1 });
    const [a] = deck.cardItemIds as [string];
    await linkConcepts(app, deck.problemSlugs[0]!, [deck.cardIds[0]!]);
    await rate(me, a, 'easy');
    const reviews = app.get(ReviewsService);
    const outcome = { userId: me.user.id, problemSlug: deck.problemSlugs[0]!, rating: 'again' as const, outcomeId: crypto.randomUUID() };
    await expect(
      app.get(PrismaService).$transaction(async (tx) => {
        await reviews.recordOutcome(outcome, tx);
        throw new Error('verdict write failed');
      }),
    ).rejects.toThrow('verdict write failed');
    expect(cardsIn(await next(me), 'review')).toEqual([]);

    await reviews.recordOutcome(outcome);
    expect(cardsIn(await next(me), 'review')).toEqual([a]);
    const override = await call(app, {
      method: 'POST',
      url: `/api/review/${deck.problemItemIds[0]}/override`,
      cookie: me.cookie,
      payload: { rating: 'good', clientReviewId: reviewId() },
    });
    expect(override.statusCode).toBe(200);
    expect(cardsIn(await next(me), 'review')).toEqual([]);
    await reviews.recordOutcome(outcome); // a replay of the outcome: answered from the log, nothing moves
    expect(cardsIn(await next(me), 'review')).toEqual([]);
  });
});
