import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DateTime } from 'luxon';
import { type AbstractScheduler, type Card, createEmptyCard, fsrs, type FSRS, generatorParameters, Rating, StrategyMode } from 'ts-fsrs';
import {
  ZReviewNextResponse,
  ZReviewResponse,
  ZStatsResponse,
  ZMeResponse,
  ZUndoResponse,
  type TRating,
  type TReviewNextResponse,
  type TReviewResponse,
  type TStudyKind,
} from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { SettingsService } from '../src/modules/settings/settings.service';
import { StatsService } from '../src/modules/stats/stats.service';
import { ReviewsService } from '../src/modules/study/reviews.service';
import { StudyQueueService } from '../src/modules/study/study-queue.service';
import { hashPassword } from '../src/modules/auth/password';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { call, sessionCookie, type TSignedIn } from './support/api-client';
import { buildRegistration } from './support/factories';
import { startTestHttpApp } from './support/http-app';
import { createDeck, useOwnContent, reviewId, type TestDeck } from './support/study-factories';

/**
 * One learner in New York (DST starts 2026-03-08) with the day rolling over at 03:00 studies a deck for 60 simulated
 * days: every due date is checked against ts-fsrs driven independently here, the daily limits and the rollover are
 * checked each day, and retries and undo are exercised along the way.
 */
const ZONE = 'America/New_York';
const ROLLOVER = 3;
const LIMITS = { card: 4, problem: 1, reviews: 5 };
const START = DateTime.fromObject({ year: 2026, month: 2, day: 20, hour: 19 }, { zone: ZONE });
const GRADES: Record<TRating, Rating.Again | Rating.Hard | Rating.Good | Rating.Easy> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const clock = new ManualClock(START.toJSDate());
let app: NestFastifyApplication;
let me: TSignedIn;
let deck: TestDeck;

useOwnContent();

beforeAll(async () => {
  // Sessions expire on the injected clock too: keep the learner signed in through the 60 simulated days.
  app = await startTestHttpApp({ clock, env: { SESSION_TTL_DAYS: '365' } });
  me = await learnerWithFixedId();
  deck = await createDeck(app, { cards: 30, problems: 4, suffix: 'sim60' });
  const settings = await call(app, {
    method: 'PUT',
    url: '/api/settings',
    cookie: me.cookie,
    payload: {
      timezone: ZONE,
      rolloverHour: ROLLOVER,
      newPerDay: { card: LIMITS.card, problem: LIMITS.problem },
      reviewsPerDay: LIMITS.reviews,
    },
  });
  expect(settings.statusCode).toBe(200);
  await call(app, { method: 'POST', url: `/api/decks/${deck.slug}/enroll`, cookie: me.cookie });
});
afterAll(async () => {
  await app.close();
});

/** Fuzz is seeded by learner and item: a fixed learner id and fixed item ids make every run the same run. */
const LEARNER_ID = '00000000-0000-4000-8000-000000000060';
async function learnerWithFixedId(): Promise<TSignedIn> {
  const prisma = app.get(PrismaService);
  const { email, password } = buildRegistration();
  await prisma.user.deleteMany({ where: { id: LEARNER_ID } });
  await prisma.user.create({ data: { id: LEARNER_ID, email, passwordHash: await hashPassword(password) } });
  const res = await call(app, { method: 'POST', url: '/api/auth/login', payload: { email, password } });
  return { user: ZMeResponse.parse(res.json()).user, cookie: sessionCookie(res), email, password };
}

// ── The expected schedule, computed here from ts-fsrs and luxon alone ──────────────────────────────────────────────
/** The learner day of an instant, as a local date: wall-clock time minus the rollover hours. */
const learnerDate = (at: Date) => DateTime.fromJSDate(at, { zone: ZONE }).minus({ hours: ROLLOVER });
const dayStart = (date: DateTime) =>
  DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: ROLLOVER }, { zone: ZONE });
/** ts-fsrs counts UTC days; give it a clock on which each learner day is one UTC day. */
function fsrsTime(at: Date): Date {
  const date = learnerDate(at);
  const midnightUtc = Date.UTC(date.year, date.month - 1, date.day);
  return new Date(midnightUtc + Math.min(at.getTime() - dayStart(date).toMillis(), 86_400_000 - 1));
}
function seed(this: AbstractScheduler): string {
  const card = Reflect.get(this, 'current') as Card & { seed: string };
  return `${card.seed}:${card.reps}`;
}
const engines: Record<TStudyKind, FSRS> = {
  card: fsrs(generatorParameters({ enable_fuzz: true, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] })).useStrategy(
    StrategyMode.SEED,
    seed,
  ),
  problem: fsrs(generatorParameters({ enable_fuzz: true, learning_steps: [], relearning_steps: [] })).useStrategy(StrategyMode.SEED, seed),
  lab: fsrs(generatorParameters({ enable_fuzz: true, learning_steps: [], relearning_steps: [] })).useStrategy(StrategyMode.SEED, seed),
};
const expected = new Map<string, (Card & { seed: string })[]>();

function expectMatchesFsrs(itemId: string, kind: TStudyKind, rating: TRating, at: Date, response: TReviewResponse): void {
  const history = expected.get(itemId) ?? [{ ...createEmptyCard(fsrsTime(at)), seed: `${me.user.id}:${itemId}` }];
  const current = history[history.length - 1]!;
  const next = engines[kind].next(current, fsrsTime(at), GRADES[rating]).card;
  const due =
    next.scheduled_days >= 1
      ? dayStart(learnerDate(at).plus({ days: next.scheduled_days })).toJSDate()
      : new Date(at.getTime() + next.due.getTime() - fsrsTime(at).getTime());
  expect({ item: itemId, due: response.state.due, state: response.state.state, reps: response.state.reps }).toEqual({
    item: itemId,
    due: due.toISOString(),
    state: ['new', 'learning', 'review', 'relearning'][next.state],
    reps: next.reps,
  });
  expect(response.state.stability).toBeCloseTo(next.stability, 6);
  expected.set(itemId, [...history, { ...next, seed: current.seed }]);
}

// ── Driving the API ─────────────────────────────────────────────────────────────────────────────────────────────────
async function next(): Promise<TReviewNextResponse> {
  return ZReviewNextResponse.parse((await call(app, { url: '/api/review/next?limit=1', cookie: me.cookie })).json());
}

/** A rating that depends only on the item, the day and its repetitions, so the run is reproducible. */
function ratingFor(itemId: string, day: number, reps: number): TRating {
  let h = day * 7919 + reps * 104_729;
  for (const c of itemId) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  const x = h % 20;
  return x < 3 ? 'again' : x < 6 ? 'hard' : x < 17 ? 'good' : 'easy';
}

interface DayTally {
  date: string;
  newByKind: Record<TStudyKind, number>;
  reviews: number;
  total: number;
}
const tallies = new Map<string, DayTally>();
/** UTC hours at which day intervals came due: 08:00 before DST (03:00 EST), 07:00 after (03:00 EDT). */
const dueHoursUtc = new Set<number>();

async function rateOne(itemId: string, kind: TStudyKind, rating: TRating, day: number): Promise<TReviewResponse> {
  const at = clock.now();
  let response: TReviewResponse;
  if (kind === 'problem' && day % 2 === 0) {
    // Problems are graded by the submissions pipeline on even days, rated by hand on odd ones.
    response = await app
      .get(ReviewsService)
      .recordOutcome({ userId: me.user.id, problemSlug: itemId.slice(8), rating, outcomeId: crypto.randomUUID() });
  } else {
    const clientReviewId = reviewId();
    const payload = { rating, durationMs: 5000, clientReviewId };
    const res = await call(app, { method: 'POST', url: `/api/review/${itemId}`, cookie: me.cookie, payload });
    response = ZReviewResponse.parse(res.json());
    if (day % 5 === 0) {
      // A retry of the same rating applies nothing and answers the same body.
      const retry = await call(app, { method: 'POST', url: `/api/review/${itemId}`, cookie: me.cookie, payload });
      expect(retry.body).toBe(res.body);
    }
  }
  expectMatchesFsrs(itemId, kind, rating, at, response);
  const date = learnerDate(at).toISODate()!;
  const tally = tallies.get(date) ?? { date, newByKind: { card: 0, problem: 0, lab: 0 }, reviews: 0, total: 0 };
  if (response.review.stateBefore === 'new') tally.newByKind[kind]++;
  if (response.review.stateBefore === 'review') tally.reviews++;
  tally.total++;
  tallies.set(date, tally);
  if (response.review.scheduledDays >= 1) dueHoursUtc.add(new Date(response.state.due!).getUTCHours());
  return response;
}

/** Studies until the queue is empty; on some days undoes a review and rates it again. */
async function session(day: number): Promise<void> {
  for (let guard = 0; guard < 200; guard++) {
    const queue = await next();
    expect(queue.day.date).toBe(learnerDate(clock.now()).toISODate());
    const item = queue.items[0];
    if (!item) return;
    const rating = ratingFor(item.id, day, item.state.reps);
    const response = await rateOne(item.id, item.kind, rating, day);
    expect(response.state.due).toBe(item.previews[rating].due);
    if (day % 7 === 3 && guard === 0 && response.review.source === 'review') {
      const undo = ZUndoResponse.parse(
        (await call(app, { method: 'POST', url: '/api/review/undo', cookie: me.cookie, payload: { reviewId: response.review.id } })).json(),
      );
      expect(undo.state).toEqual(item.state);
      expected.get(item.id)!.pop();
      const tally = tallies.get(learnerDate(clock.now()).toISODate()!)!;
      if (response.review.stateBefore === 'new') tally.newByKind[item.kind]--;
      if (response.review.stateBefore === 'review') tally.reviews--;
      tally.total--;
      const redo = await rateOne(item.id, item.kind, rating, day);
      expect(redo.state.due).toBe(response.state.due);
    }
    clock.advance(20_000);
  }
  throw new Error('session did not end');
}

describe('60 simulated days in New York across the start of DST', () => {
  it('schedules as ts-fsrs does, keeps the daily limits per learner day and rolls the day over at 03:00', async () => {
    for (let day = 0; day < 60; day++) {
      const evening = START.plus({ days: day });
      clock.set(evening.toJSDate());
      await session(day);

      // 01:30 the next calendar morning is still the same learner day: nothing new, the same date.
      clock.set(evening.plus({ days: 1 }).set({ hour: 1, minute: 30 }).toJSDate());
      const lateNight = await next();
      expect(lateNight.day.date).toBe(evening.toISODate());
      expect(lateNight.items.filter((i) => i.queue === 'new')).toHaveLength(0);

      // After the rollover the new day's queue holds new items again (while the deck has any).
      clock.set(evening.plus({ days: 1 }).set({ hour: 3, minute: 1 }).toJSDate());
      const morning = await next();
      expect(morning.day.date).toBe(evening.plus({ days: 1 }).toISODate());
      expect(morning.day.startsAt).toBe(
        dayStart(evening.plus({ days: 1 }))
          .toUTC()
          .toISO(),
      );
    }
    expect([...dueHoursUtc].sort()).toEqual([7, 8]);

    const days = [...tallies.values()];
    expect(days.length).toBeGreaterThanOrEqual(50);
    for (const t of days) {
      expect(t.newByKind.card).toBeLessThanOrEqual(LIMITS.card);
      expect(t.newByKind.problem).toBeLessThanOrEqual(LIMITS.problem);
      expect(t.reviews).toBeLessThanOrEqual(LIMITS.reviews);
    }
    // The limits were reached, so they were what stopped the sessions.
    expect(days.some((t) => t.newByKind.card === LIMITS.card)).toBe(true);
    expect(days.some((t) => t.reviews === LIMITS.reviews)).toBe(true);

    const stats = ZStatsResponse.parse((await call(app, { url: '/api/stats', cookie: me.cookie })).json());
    const counted = days.reduce((n, t) => n + t.total, 0);
    expect(stats.totals.reviews).toBe(counted);
    for (const t of days)
      expect({ date: t.date, reviews: stats.heatmap.find((d) => d.date === t.date)?.reviews }).toEqual({ date: t.date, reviews: t.total });
    // Streaks from the days the simulation reviewed on; "today" is the 61st day, with no reviews yet.
    const studied = Array.from({ length: 61 }, (_, i) => (tallies.get(START.plus({ days: i }).toISODate()!)?.total ?? 0) > 0);
    let longest = 0;
    let run = 0;
    for (const d of studied) longest = Math.max(longest, (run = d ? run + 1 : 0));
    const current = studied
      .slice(0, 60)
      .reverse()
      .findIndex((d) => !d);
    expect(stats.streak).toEqual({ current: current < 0 ? 60 : current, longest });
    expect(longest).toBeGreaterThan(5);
    // What reminders read: the streak, the timezone, and what is due by kind (as the queue would show it).
    expect(await app.get(StatsService).currentStreak(me.user.id, clock.now())).toBe(stats.streak.current);
    expect((await app.get(SettingsService).timezones([me.user.id, LEARNER_ID.replace(/0$/, '1')])).get(me.user.id)).toBe(ZONE);
    const { due } = await app.get(StudyQueueService).countDue(me.user.id, clock.now());
    const queue = ZReviewNextResponse.parse((await call(app, { url: '/api/review/next?limit=50', cookie: me.cookie })).json());
    const shown = queue.items.filter((i) => i.queue !== 'new' && i.state.dueNow);
    expect(due).toEqual({
      card: shown.filter((i) => i.kind === 'card').length,
      problem: shown.filter((i) => i.kind === 'problem').length,
      lab: 0,
      total: shown.length,
    });
    expect(queue.counts.review + queue.counts.learning).toBe(due.total);
    expect(stats.today.dueNow).toEqual(due);
  }, 120_000);
});
