import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument, ZItemDetailResponse, ZReviewResponse } from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { ReviewsService } from '../src/modules/study/reviews.service';
import { call, errorOf, registerLearner, signInAs, type TResponse, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';
import { createDeck, useOwnContent, retireItem, reviewId, type TestDeck } from './support/study-factories';

/**
 * The learner core's authorization matrix and bad input. Every learner route is listed here; a check against the
 * OpenAPI document fails when a route is added without being listed.
 */
const clock = new ManualClock('2026-04-01T12:00:00.000Z');
let app: NestFastifyApplication;
let alice: TSignedIn;
let bob: TSignedIn;
let admin: TSignedIn;
let deck: TestDeck;
let aliceReviewId: string;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  url: () => string;
  payload?: () => unknown;
}

const card = () => deck.cardItemIds[0]!;
const problem = () => deck.problemItemIds[0]!;
const ROUTES: Route[] = [
  { method: 'GET', path: '/decks', url: () => '/api/decks' },
  { method: 'GET', path: '/decks/{slug}', url: () => `/api/decks/${deck.slug}` },
  { method: 'POST', path: '/decks/{slug}/enroll', url: () => `/api/decks/${deck.slug}/enroll` },
  { method: 'DELETE', path: '/decks/{slug}/enroll', url: () => `/api/decks/${deck.slug}/enroll` },
  { method: 'GET', path: '/review/next', url: () => '/api/review/next' },
  { method: 'POST', path: '/review/undo', url: () => '/api/review/undo', payload: () => ({ reviewId: aliceReviewId }) },
  {
    method: 'POST',
    path: '/review/{itemId}',
    url: () => `/api/review/${card()}`,
    payload: () => ({ rating: 'again', durationMs: 1, clientReviewId: reviewId() }),
  },
  {
    method: 'POST',
    path: '/review/{itemId}/override',
    url: () => `/api/review/${problem()}/override`,
    payload: () => ({ rating: 'again', clientReviewId: reviewId() }),
  },
  { method: 'GET', path: '/items/{itemId}', url: () => `/api/items/${card()}` },
  { method: 'POST', path: '/items/{itemId}/suspend', url: () => `/api/items/${card()}/suspend` },
  { method: 'POST', path: '/items/{itemId}/unsuspend', url: () => `/api/items/${card()}/unsuspend` },
  { method: 'POST', path: '/items/{itemId}/bury', url: () => `/api/items/${card()}/bury` },
  { method: 'POST', path: '/items/{itemId}/unbury', url: () => `/api/items/${card()}/unbury` },
  { method: 'POST', path: '/items/{itemId}/reset', url: () => `/api/items/${card()}/reset`, payload: () => ({ resetCounts: true }) },
  { method: 'POST', path: '/items/{itemId}/set-due', url: () => `/api/items/${card()}/set-due`, payload: () => ({ days: 3 }) },
  { method: 'POST', path: '/items/{itemId}/known', url: () => `/api/items/${problem()}/known`, payload: () => ({ intervalDays: 9 }) },
  { method: 'GET', path: '/settings', url: () => '/api/settings' },
  { method: 'PUT', path: '/settings', url: () => '/api/settings', payload: () => ({ desiredRetention: 0.8, timezone: 'Asia/Tokyo' }) },
  { method: 'POST', path: '/settings/optimize', url: () => '/api/settings/optimize' },
  { method: 'GET', path: '/settings/optimize', url: () => '/api/settings/optimize' },
  { method: 'GET', path: '/stats', url: () => '/api/stats' },
];

const send = (route: Route, who?: TSignedIn): Promise<TResponse> =>
  call(app, { method: route.method, url: route.url(), cookie: who?.cookie, payload: route.payload?.() });

async function aliceView(): Promise<unknown> {
  const items = await Promise.all(
    [card(), problem()].map(async (id) =>
      ZItemDetailResponse.parse((await call(app, { url: `/api/items/${id}`, cookie: alice.cookie })).json()),
    ),
  );
  const settings = (await call(app, { url: '/api/settings', cookie: alice.cookie })).json();
  const stats = (await call(app, { url: '/api/stats', cookie: alice.cookie })).json();
  const decks = (await call(app, { url: '/api/decks', cookie: alice.cookie })).json();
  return { items, settings, stats, decks };
}

useOwnContent();

beforeAll(async () => {
  app = await startTestHttpApp({ clock });
  [alice, bob, admin] = await Promise.all([registerLearner(app), registerLearner(app), signInAs(app, 'admin')]);
  deck = await createDeck(app, { cards: 2, problems: 1 });
  await call(app, { method: 'POST', url: `/api/decks/${deck.slug}/enroll`, cookie: alice.cookie });
  const rated = await call(app, {
    method: 'POST',
    url: `/api/review/${card()}`,
    cookie: alice.cookie,
    payload: { rating: 'good', durationMs: 1000, clientReviewId: reviewId() },
  });
  aliceReviewId = ZReviewResponse.parse(rated.json()).review.id;
  await app
    .get(ReviewsService)
    .recordOutcome({ userId: alice.user.id, problemSlug: deck.problemSlugs[0]!, rating: 'hard', outcomeId: crypto.randomUUID() });
});
afterAll(async () => {
  await app.close();
});

describe('learner routes: who may do what', () => {
  it('lists every learner-core route of the OpenAPI document', () => {
    const documented = Object.entries(buildOpenApiDocument().paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((m) => ['get', 'post', 'put', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const mine = documented.filter((r) => /^\w+ \/(decks|review|items|settings|stats)/.test(r));
    expect(mine.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('answers 401 to a caller without a session on every route', async () => {
    for (const route of ROUTES) {
      const res = await send(route);
      expect({ route: route.path, status: res.statusCode, code: errorOf(res).code }).toEqual({
        route: route.path,
        status: 401,
        code: 'unauthenticated',
      });
    }
  });

  it('never shows or changes another learner’s data: with her ids, Bob and the admin get 404 or their own state', async () => {
    const before = await aliceView();
    for (const other of [bob, admin]) {
      for (const route of ROUTES) {
        const res = await send(route, other);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.body).not.toContain(alice.user.id);
        expect(res.body).not.toContain(aliceReviewId);
        if (route.path === '/review/undo' || route.path === '/review/{itemId}/override') {
          expect({ route: route.path, status: res.statusCode }).toEqual({ route: route.path, status: 404 });
        }
      }
      const fresh = ZItemDetailResponse.parse((await call(app, { url: `/api/items/${problem()}`, cookie: other.cookie })).json());
      expect(fresh.item.state.lastOutcome).toBeNull();
    }
    expect(await aliceView()).toEqual(before);
  });
});

describe('learner routes: bad input answers 400/404 naming the field, never 500', () => {
  const cases: { name: string; method: Method; url: string | (() => string); payload?: unknown; status: number; path?: string }[] = [
    { name: 'limit 0', method: 'GET', url: '/api/review/next?limit=0', status: 400, path: 'query.limit' },
    { name: 'limit 10^9', method: 'GET', url: '/api/review/next?limit=1000000000', status: 400, path: 'query.limit' },
    { name: 'limit not a number', method: 'GET', url: '/api/review/next?limit=ten', status: 400, path: 'query.limit' },
    { name: 'unknown query key', method: 'GET', url: '/api/review/next?colour=red', status: 400, path: 'query.colour' },
    {
      name: 'unknown rating',
      method: 'POST',
      url: () => `/api/review/${card()}`,
      payload: { rating: 'perfect', durationMs: 1, clientReviewId: 'abcdefgh1' },
      status: 400,
      path: 'body.rating',
    },
    {
      name: 'duration as a string',
      method: 'POST',
      url: () => `/api/review/${card()}`,
      payload: { rating: 'good', durationMs: '5', clientReviewId: 'abcdefgh2' },
      status: 400,
      path: 'body.durationMs',
    },
    {
      name: 'missing clientReviewId',
      method: 'POST',
      url: () => `/api/review/${card()}`,
      payload: { rating: 'good', durationMs: 1 },
      status: 400,
      path: 'body.clientReviewId',
    },
    { name: 'no body', method: 'POST', url: () => `/api/review/${card()}`, status: 400 },
    { name: 'malformed JSON', method: 'POST', url: () => `/api/review/${card()}`, payload: '{"rating":', status: 400 },
    {
      name: 'malformed item id',
      method: 'POST',
      url: '/api/review/deck:x',
      payload: { rating: 'good', durationMs: 1, clientReviewId: 'abcdefgh3' },
      status: 400,
      path: 'param.itemId',
    },
    {
      name: 'unknown item',
      method: 'POST',
      url: '/api/review/card:no-such-card',
      payload: { rating: 'good', durationMs: 1, clientReviewId: 'abcdefgh4' },
      status: 404,
    },
    { name: 'unknown item detail', method: 'GET', url: '/api/items/problem:no-such-problem', status: 404 },
    { name: 'unknown deck', method: 'GET', url: '/api/decks/no-such-deck', status: 404 },
    { name: 'deck slug not kebab-case', method: 'POST', url: '/api/decks/Not_A_Slug/enroll', status: 400, path: 'param.slug' },
    { name: 'deck page limit 0', method: 'GET', url: () => `/api/decks/${deck.slug}?limit=0`, status: 400, path: 'query.limit' },
    {
      name: 'deck filter by unknown state',
      method: 'GET',
      url: () => `/api/decks/${deck.slug}?state=asleep`,
      status: 400,
      path: 'query.state',
    },
    {
      name: 'undo with a malformed id',
      method: 'POST',
      url: '/api/review/undo',
      payload: { reviewId: 'nope' },
      status: 400,
      path: 'body.reviewId',
    },
    { name: 'undo of an unknown review', method: 'POST', url: '/api/review/undo', payload: { reviewId: crypto.randomUUID() }, status: 404 },
    {
      name: 'set-due in the past',
      method: 'POST',
      url: () => `/api/items/${card()}/set-due`,
      payload: { days: -1 },
      status: 400,
      path: 'body.days',
    },
    {
      name: 'known with 0 days',
      method: 'POST',
      url: () => `/api/items/${card()}/known`,
      payload: { intervalDays: 0 },
      status: 400,
      path: 'body.intervalDays',
    },
    {
      name: 'malformed timezone',
      method: 'PUT',
      url: '/api/settings',
      payload: { timezone: 'Mars/Olympus_Mons' },
      status: 400,
      path: 'body.timezone',
    },
    {
      name: 'retention too high',
      method: 'PUT',
      url: '/api/settings',
      payload: { desiredRetention: 0.99 },
      status: 400,
      path: 'body.desiredRetention',
    },
    {
      name: 'retention too low',
      method: 'PUT',
      url: '/api/settings',
      payload: { desiredRetention: 0.5 },
      status: 400,
      path: 'body.desiredRetention',
    },
    {
      name: 'rollover hour 24',
      method: 'PUT',
      url: '/api/settings',
      payload: { rolloverHour: 24 },
      status: 400,
      path: 'body.rolloverHour',
    },
    {
      name: 'a bad learning step',
      method: 'PUT',
      url: '/api/settings',
      payload: { steps: { card: { learning: ['10s'] } } },
      status: 400,
      path: 'body.steps.card.learning.0',
    },
    {
      name: 'negative new limit',
      method: 'PUT',
      url: '/api/settings',
      payload: { newPerDay: { card: -1 } },
      status: 400,
      path: 'body.newPerDay.card',
    },
    {
      name: 'FSRS parameters of the wrong length',
      method: 'PUT',
      url: '/api/settings',
      payload: { fsrsWeights: [1, 2, 3] },
      status: 400,
      path: 'body.fsrsWeights',
    },
    { name: 'unknown settings key', method: 'PUT', url: '/api/settings', payload: { colour: 'red' }, status: 400, path: 'body.colour' },
  ];

  it.each(cases)('$name → $status', async ({ method, url, payload, status, path }) => {
    const res = await call(app, { method, url: typeof url === 'function' ? url() : url, cookie: bob.cookie, payload });
    expect(res.statusCode).toBe(status);
    const error = errorOf(res);
    if (path) expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('answers 404 for a retired item and keeps its history', async () => {
    const own = await createDeck(app, { cards: 1, problems: 0 });
    const id = own.cardItemIds[0]!;
    await call(app, {
      method: 'POST',
      url: `/api/review/${id}`,
      cookie: bob.cookie,
      payload: { rating: 'good', durationMs: 1, clientReviewId: reviewId() },
    });
    await retireItem(app, id);
    for (const action of ['suspend', 'bury', 'reset']) {
      expect((await call(app, { method: 'POST', url: `/api/items/${id}/${action}`, cookie: bob.cookie })).statusCode).toBe(404);
    }
    const detail = ZItemDetailResponse.parse((await call(app, { url: `/api/items/${id}`, cookie: bob.cookie })).json());
    expect(detail.history).toHaveLength(1);
  });
});
