import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import {
  QueueName,
  reminderJobId,
  ZAccountExport,
  ZSettingsResponse,
  ZStatsResponse,
  ZUnsubscribePreview,
  ZUnsubscribeResponse,
  type TItemId,
  type TRating,
  type TReminderSettingsUpdate,
  type TUpdateSettingsRequest,
} from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { DecksService } from '../src/modules/decks/decks.service';
import { ReminderScheduler } from '../src/modules/reminders/jobs/reminder-scheduler';
import { ReminderSender } from '../src/modules/reminders/jobs/reminder-sender';
import { TICK_SCHEDULER_ID } from '../src/modules/reminders/jobs/reminder-queues';
import { RemindersService } from '../src/modules/reminders/reminders.service';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { LearnerSettingsService } from '../src/modules/settings/learner-settings.service';
import { ItemsService } from '../src/modules/study/items.service';
import { ReviewsService } from '../src/modules/study/reviews.service';
import { WorkerModule } from '../src/worker.module';
import { call, errorOf, registerLearner, type TSignedIn } from './support/api-client';
import { createAccount } from './support/factories';
import { startTestHttpApp } from './support/http-app';
import { SmtpSink, type CapturedMail } from './support/smtp-sink';
import { createDeck, reviewId, useOwnContent, type TestDeck } from './support/study-factories';
import { testWorkerEnv, uniqueQueuePrefix } from './support/test-env';

/**
 * Reminders end to end against real Postgres, Redis and an in-process SMTP server, with simulated time: the test sets
 * the shared ManualClock and calls the scheduler's tick every simulated 15 minutes (as the job scheduler would).
 * What is due comes from the learner core: learners enroll in a small deck and rate its items on the manual clock.
 * One file, so no other test's scheduler sees these learners.
 */

// Each simulated week is 672 ticks against the real services; a busy 2-core machine needs the headroom.
jest.setTimeout(60_000);

const WEB = 'https://prep.example.test';
const QUARTER = 15 * 60_000;
const WEEK_START = '2026-03-05T00:00:00Z'; // a Thursday; New York springs forward on Sunday 2026-03-08
const WEEK_END = '2026-03-11T23:45:00Z';
/** When the week's learners sign up and enroll, before their first reviews. */
const SEED_START = '2026-03-02T00:00:00Z';

const clock = new ManualClock(WEEK_START);
const QUEUE_PREFIX = uniqueQueuePrefix();
let sink: SmtpSink;
let api: NestFastifyApplication;
let prisma: PrismaService;
let emails: Queue;
/** 6 concept cards (c0-c5) and 2 problems (p0, p1). */
let deck: TestDeck;

useOwnContent();

beforeAll(async () => {
  sink = await SmtpSink.start();
  api = await startTestHttpApp({ clock, env: { WEB_ORIGIN: WEB, QUEUE_PREFIX } });
  prisma = api.get(PrismaService);
  emails = new Queue(QueueName.ReminderEmails, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: QUEUE_PREFIX,
  });
  deck = await createDeck(api, { cards: 6, problems: 2 });
});

afterAll(async () => {
  await emails.close();
  await api.close();
  await sink.stop();
});

type Worker = { app: INestApplicationContext; scheduler: ReminderScheduler };

async function startWorker(): Promise<Worker> {
  const env = testWorkerEnv({
    QUEUE_PREFIX,
    WEB_ORIGIN: WEB,
    SMTP_URL: sink.url,
    REMINDER_SEND_ATTEMPTS: '3',
    REMINDER_RETRY_DELAY_MS: '100',
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, { clock }), { logger: false });
  await app.init();
  return { app, scheduler: app.get(ReminderScheduler) };
}

/** Until every send job has finished (retries included). */
async function drained(): Promise<void> {
  for (;;) {
    const counts = await emails.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    if (Object.values(counts).every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Hook = (at: number) => Promise<void>;

/** Ticks every 15 simulated minutes on every running worker at once (a duplicate tick, as with two schedulers). */
async function simulate(from: string, to: string, workers: () => Worker[], ...before: Hook[]): Promise<void> {
  for (let at = Date.parse(from); at <= Date.parse(to); at += QUARTER) {
    clock.set(new Date(at));
    for (const hook of before) await hook(at);
    const running = workers();
    const reports = await Promise.all(running.map((w) => w.scheduler.tick()));
    if (reports.some((r) => r.enqueued > 0)) await drained();
  }
}

/** A card (c0…) or problem (p0…) of the deck. */
type ItemName = `c${number}` | `p${number}`;
/** Something a learner does at a time (UTC, on a tick during a simulation): rate an item, or suspend it. */
type Step = { at: string; item: ItemName; do: TRating | 'suspend' };

const itemId = (name: ItemName): TItemId => (name.startsWith('c') ? deck.cardItemIds : deck.problemItemIds)[Number(name.slice(1))]!;

async function act(userId: string, step: Step): Promise<void> {
  clock.set(step.at);
  if (step.do === 'suspend') await api.get(ItemsService).suspend(userId, itemId(step.item));
  else await api.get(ReviewsService).rate(userId, itemId(step.item), { rating: step.do, durationMs: 20_000, clientReviewId: reviewId() });
}

const settings = () => api.get(LearnerSettingsService);

type Learner = { id: string; email: string; name: string; during: Step[] };

interface Plan {
  /** Study settings (timezone, rollover, limits); fuzz is off so intervals are exact. */
  study: TUpdateSettingsRequest;
  /** Reviews before the reminders are turned on. */
  before?: Step[];
  /** Reminder settings, saved at `optInAt`. */
  reminders: TReminderSettingsUpdate;
  /** Reviews while the simulation runs (each at a tick). */
  during?: Step[];
  createdAt?: string;
  optInAt?: string;
}

/** A learner enrolled in the deck, with real review history, who then sets up reminders (as PUT /api/settings does). */
async function learner(name: string, plan: Plan): Promise<Learner> {
  clock.set(plan.createdAt ?? SEED_START);
  const account = await createAccount(prisma, { displayName: name });
  await settings().update(account.id, { fuzz: false, ...plan.study });
  await api.get(DecksService).enroll(account.id, deck.slug);
  for (const step of plan.before ?? []) await act(account.id, step);
  clock.set(plan.optInAt ?? WEEK_START);
  await settings().update(account.id, { reminders: plan.reminders });
  return { ...account, name, during: plan.during ?? [] };
}

/** The steps of the cast that fall on this tick. */
const during =
  (cast: Learner[]): Hook =>
  async (at) => {
    for (const l of cast) for (const step of l.during) if (Date.parse(step.at) === at) await act(l.id, step);
  };

/**
 * The week's cast, enrolled from Monday 2 March, reminders on from Thursday the 5th:
 * - ny: New York, day rolls over at midnight, 02:30 every day (on 2026-03-08 02:30 does not exist: it goes at 03:30
 *   EDT). Reviewed on the 2nd, 3rd and 4th (a 3-day streak), again on Thursday the 5th (4 days), then not at all.
 *   Due: c1 (a learning step), p0 and p1 from Thursday; p0 leaves on Thursday; c0 comes due on Tuesday the 10th.
 *   c2 is due but suspended. Two new cards a day would be offered on top (not counted).
 * - kolkata: 09:00 Monday to Friday, at least 3 due. c0, p0 and p1 due from Thursday; on Monday evening the learner
 *   reviews p0 (gone for weeks) and learns c2 (due Wednesday): on Tuesday only 2 are due, so no email.
 * - idle: New York 18:00, enrolled, nothing studied: new items only, never an email.
 * - off: due items, never opted in.
 */
async function weekCast(): Promise<Learner[]> {
  const ny = await learner('ny', {
    study: { timezone: 'America/New_York', rolloverHour: 0, newPerDay: { card: 2 } },
    before: [
      { at: '2026-03-02T17:00:00Z', item: 'c0', do: 'easy' }, // 8 days: due Tuesday the 10th
      { at: '2026-03-03T17:00:00Z', item: 'p0', do: 'good' }, // 2 days: due Thursday
      { at: '2026-03-04T17:00:00Z', item: 'p1', do: 'hard' }, // 1 day: due Thursday
      { at: '2026-03-04T17:00:00Z', item: 'c1', do: 'again' }, // a learning step, due a minute later
      { at: '2026-03-04T17:00:00Z', item: 'c2', do: 'hard' },
      { at: '2026-03-04T17:00:00Z', item: 'c2', do: 'suspend' },
    ],
    reminders: { enabled: true, localTime: '02:30' },
    during: [{ at: '2026-03-05T17:00:00Z', item: 'p0', do: 'easy' }], // Thursday noon: 19 days
  });
  const kolkata = await learner('kolkata', {
    study: { timezone: 'Asia/Kolkata' },
    before: [
      { at: '2026-03-03T04:30:00Z', item: 'c0', do: 'good' },
      { at: '2026-03-03T04:45:00Z', item: 'c0', do: 'good' }, // graduates: 2 days, due Thursday
      { at: '2026-03-03T04:45:00Z', item: 'p0', do: 'hard' }, // due Wednesday the 4th
      { at: '2026-03-03T04:45:00Z', item: 'p1', do: 'good' }, // due Thursday
      { at: '2026-03-04T04:30:00Z', item: 'c1', do: 'easy' }, // due Thursday the 12th, after the week
    ],
    reminders: { enabled: true, localTime: '09:00', weekdays: [1, 2, 3, 4, 5], minDue: 3 },
    during: [
      { at: '2026-03-09T14:30:00Z', item: 'p0', do: 'easy' }, // Monday 20:00: 19 days
      { at: '2026-03-09T14:30:00Z', item: 'c2', do: 'good' },
      { at: '2026-03-09T14:45:00Z', item: 'c2', do: 'good' }, // graduates: due Wednesday
    ],
  });
  const idle = await learner('idle', { study: { timezone: 'America/New_York' }, reminders: { enabled: true, localTime: '18:00' } });
  const off = await learner('off', {
    study: { timezone: 'Asia/Kolkata' },
    before: [{ at: '2026-03-03T04:30:00Z', item: 'p0', do: 'hard' }],
    reminders: { localTime: '09:00' },
  });
  return [ny, kolkata, idle, off];
}

/** Expected: [learner, local date] for every email of the week. */
const WEEK_EMAILS = [
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `ny 2026-03-${d}`),
  ...['05', '06', '09', '11'].map((d) => `kolkata 2026-03-${d}`),
];

/** Every decision of the week: outcome, due concept cards and problems, streak. */
const WEEK_LOG = [
  'ny 2026-03-05 sent cards 1 problems 2 streak 3',
  'ny 2026-03-06 sent cards 1 problems 1 streak 4',
  ...['07', '08', '09'].map((d) => `ny 2026-03-${d} sent cards 1 problems 1 streak 0`),
  ...['10', '11'].map((d) => `ny 2026-03-${d} sent cards 2 problems 1 streak 0`),
  'kolkata 2026-03-05 sent cards 1 problems 2 streak 2',
  'kolkata 2026-03-06 sent cards 1 problems 2 streak 0',
  'kolkata 2026-03-09 sent cards 1 problems 2 streak 0',
  'kolkata 2026-03-10 skipped below_minimum cards 1 problems 1 streak 1',
  'kolkata 2026-03-11 sent cards 2 problems 1 streak 0',
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `idle 2026-03-${d} skipped nothing_due cards 0 problems 0 streak 0`),
];

const localDateOf = (mail: CapturedMail) => /^<reminder\.[^.]+\.(\d{4}-\d{2}-\d{2})@/.exec(mail.messageId)?.[1];

function received(cast: Learner[]): string[] {
  const byEmail = new Map(cast.map((l) => [l.email, l.name]));
  return sink.mails
    .filter((m) => byEmail.has(m.to))
    .map((m) => `${byEmail.get(m.to)} ${localDateOf(m)}`)
    .sort();
}

/**
 * The log in a month of simulated time. Other test files' workers may tick in real time over the same database (at
 * today's real date); the simulated dates are what these tests decide.
 */
async function sendLog(cast: { id: string }[], month = '2026-03') {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return prisma.reminderSend.findMany({
    where: {
      userId: { in: cast.map((l) => l.id) },
      localDate: { gte: new Date(Date.UTC(year, mm - 1, 1)), lt: new Date(Date.UTC(year, mm, 1)) },
    },
    select: {
      userId: true,
      localDate: true,
      status: true,
      reason: true,
      attempts: true,
      scheduledFor: true,
      sentAt: true,
      due: true,
      dueTotal: true,
      streakDays: true,
      error: true,
    },
    orderBy: [{ userId: 'asc' }, { localDate: 'asc' }],
  });
}

type LogRow = Awaited<ReturnType<typeof sendLog>>[number];
const dayOf = (row: LogRow) => row.localDate.toISOString().slice(0, 10);

function describeLog(cast: Learner[], log: LogRow[]): string[] {
  const names = new Map(cast.map((l) => [l.id, l.name]));
  return log
    .map((r) => {
      const due = (r.due ?? { card: 0, problem: 0 }) as { card: number; problem: number };
      const outcome = r.reason ? `${r.status} ${r.reason}` : r.status;
      return `${names.get(r.userId)} ${dayOf(r)} ${outcome} cards ${due.card} problems ${due.problem} streak ${r.streakDays}`;
    })
    .sort();
}

async function remove(cast: { id: string }[]): Promise<void> {
  await prisma.user.deleteMany({ where: { id: { in: cast.map((l) => l.id) } } });
}

describe('a simulated week across the New York DST change', () => {
  it('one worker: exactly the expected emails, with what the queue holds by kind and the streak, each within 15 minutes of its local time', async () => {
    const cast = await weekCast();
    const worker = await startWorker();
    try {
      await simulate(WEEK_START, WEEK_END, () => [worker], during(cast));
    } finally {
      await worker.app.close();
    }
    expect(received(cast)).toEqual([...WEEK_EMAILS].sort());

    const log = await sendLog(cast);
    expect(describeLog(cast, log)).toEqual([...WEEK_LOG].sort());
    const [ny, , , off] = cast.map((l) => log.filter((r) => r.userId === l.id));
    expect(ny!.map((r) => r.scheduledFor.toISOString())).toEqual([
      '2026-03-05T07:30:00.000Z',
      '2026-03-06T07:30:00.000Z',
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z', // 03:30 EDT: 02:30 did not exist that day
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
      '2026-03-11T06:30:00.000Z',
    ]);
    for (const row of log.filter((r) => r.status === 'sent')) {
      const lateness = row.sentAt!.getTime() - row.scheduledFor.getTime();
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(QUARTER);
    }
    expect(off).toHaveLength(0);

    const mailOf = (who: Learner, date: string) => sink.to(who.email).find((m) => localDateOf(m) === date)!;
    const thursday = mailOf(cast[0]!, '2026-03-05');
    expect(thursday.subject).toBe('3 items are due for review');
    expect(thursday.text).toContain('You have 3 items due: 1 concept card and 2 coding problems.');
    expect(thursday.text).toContain('2 new items are ready to learn today as well.');
    expect(thursday.text).toContain('3-day streak');
    expect(mailOf(cast[0]!, '2026-03-06').text).toContain('4-day streak');
    expect(mailOf(cast[0]!, '2026-03-07').text).toContain('A short session today starts a new streak.');
    const wednesday = mailOf(cast[1]!, '2026-03-11');
    expect(wednesday.subject).toBe('3 items are due for review');
    expect(wednesday.text).toContain('2 concept cards and 1 coding problem.');
    expect(wednesday.text).toContain('3 new items are ready to learn today as well.');
    await remove(cast);
  });

  it('two workers ticking at once: the same emails, none twice', async () => {
    const cast = await weekCast();
    const workers = [await startWorker(), await startWorker()];
    try {
      await simulate(WEEK_START, WEEK_END, () => workers, during(cast));
    } finally {
      await Promise.all(workers.map((w) => w.app.close()));
    }
    expect(received(cast)).toEqual([...WEEK_EMAILS].sort());
    await remove(cast);
  });

  it('the worker stopped on Sunday before the New York reminder and restarted 90 minutes later: caught up once', async () => {
    const cast = await weekCast();
    let worker: Worker | null = await startWorker();
    const stopAt = Date.parse('2026-03-08T07:00:00Z');
    const restartAt = Date.parse('2026-03-08T08:30:00Z');
    try {
      await simulate(
        WEEK_START,
        WEEK_END,
        () => (worker ? [worker] : []),
        during(cast),
        async (at) => {
          if (at === stopAt) {
            await worker!.app.close();
            worker = null;
          }
          if (at === restartAt) worker = await startWorker();
        },
      );
    } finally {
      await worker?.app.close();
    }
    expect(received(cast)).toEqual([...WEEK_EMAILS].sort());
    const sunday = (await sendLog(cast)).find((r) => r.userId === cast[0]!.id && dayOf(r) === '2026-03-08')!;
    expect(sunday.sentAt?.toISOString()).toBe('2026-03-08T08:30:00.000Z');
    // A late or repeated tick over the whole week afterwards sends nothing more.
    const again = await startWorker();
    try {
      await simulate('2026-03-11T12:00:00Z', '2026-03-11T23:45:00Z', () => [again]);
    } finally {
      await again.app.close();
    }
    expect(received(cast)).toEqual([...WEEK_EMAILS].sort());
    await remove(cast);
  });

  it('SMTP failing for a while: retried and sent once; down through every retry: recorded as failed; a bounce never delays the others', async () => {
    const cast = await weekCast();
    // Bounces Monday to Wednesday, at the same local time (so in the same ticks) as New York's reminders.
    const bounce = await learner('bounce', {
      study: { timezone: 'America/New_York', rolloverHour: 0 },
      before: [{ at: '2026-03-04T17:00:00Z', item: 'c0', do: 'again' }],
      reminders: { enabled: true, localTime: '02:30', weekdays: [1, 2, 3] },
    });
    sink.bounce(bounce.email);
    const worker = await startWorker();
    const refusedBefore = sink.refused;
    try {
      await simulate(
        WEEK_START,
        WEEK_END,
        () => [worker],
        during(cast),
        async (at) => {
          // Two refused connections just before Kolkata's Friday reminder (03:30Z): the third attempt gets through.
          if (at === Date.parse('2026-03-06T03:30:00Z')) sink.refuseNext(2);
          // Down for longer than every retry around New York's Saturday reminder (07:30Z).
          sink.setDown(at >= Date.parse('2026-03-07T07:30:00Z') && at < Date.parse('2026-03-07T08:30:00Z'));
        },
      );
    } finally {
      sink.setDown(false);
      await worker.app.close();
    }
    expect(received([...cast, bounce])).toEqual(WEEK_EMAILS.filter((e) => e !== 'ny 2026-03-07').sort());
    expect(sink.refused - refusedBefore).toBe(2 + 3);

    const log = await sendLog([...cast, bounce]);
    const row = (who: Learner, date: string) => log.find((r) => r.userId === who.id && dayOf(r) === date)!;
    expect(row(cast[1]!, '2026-03-06')).toMatchObject({ status: 'sent', attempts: 3 });
    expect(row(cast[0]!, '2026-03-07')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row(cast[0]!, '2026-03-07').error).toMatch(/421|not available/i);
    expect(row(cast[0]!, '2026-03-08')).toMatchObject({ status: 'sent', attempts: 1 });
    // The bounce fails at once (no retries), in the same ticks as New York's emails, which go out on time.
    const bounced = log.filter((r) => r.userId === bounce.id);
    expect(bounced.map(dayOf)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    expect(bounced.every((r) => r.status === 'failed' && r.attempts === 1 && /550/.test(r.error ?? ''))).toBe(true);
    for (const date of ['2026-03-09', '2026-03-10', '2026-03-11']) {
      const sent = row(cast[0]!, date);
      expect(sent.status).toBe('sent');
      expect(sent.sentAt!.getTime() - sent.scheduledFor.getTime()).toBeLessThan(QUARTER);
    }
    await remove([...cast, bounce]);
  });
});

describe('one schedule however many workers run', () => {
  it('three workers register the 15-minute job scheduler once', async () => {
    const workers = await Promise.all([startWorker(), startWorker(), startWorker()]);
    try {
      const ticks = new Queue(QueueName.Reminders, {
        connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
        prefix: QUEUE_PREFIX,
      });
      try {
        const schedulers = await ticks.getJobSchedulers();
        expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[TICK_SCHEDULER_ID, '*/15 * * * *']]);
        expect(await ticks.getDelayedCount()).toBe(1);
      } finally {
        await ticks.close();
      }
    } finally {
      await Promise.all(workers.map((w) => w.app.close()));
    }
  });
});

describe('the email and its unsubscribe link', () => {
  let ny: Learner;
  let mail: CapturedMail;
  let worker: Worker;

  beforeAll(async () => {
    const at = '2026-06-01T12:00:00Z';
    ny = await learner('links', {
      study: { timezone: 'America/New_York' },
      before: [
        { at, item: 'c0', do: 'again' },
        { at, item: 'p0', do: 'hard' },
        { at, item: 'p1', do: 'hard' },
      ],
      reminders: { enabled: true, localTime: '09:00' },
      createdAt: at,
      optInAt: at,
    });
    worker = await startWorker();
    await simulate('2026-06-02T12:45:00Z', '2026-06-02T13:15:00Z', () => [worker]);
    mail = sink.to(ny.email)[0]!;
  });
  afterAll(async () => {
    await worker.app.close();
    await remove([ny]);
  });

  const unsubscribeUrl = () => /^<(.+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')![1]!;
  const pathOf = (url: string) => url.slice(WEB.length);
  const remindersEnabled = async () => (await api.get(RemindersService).getSettings(ny.id)).enabled;

  it('carries the one-click headers, and every link points at the configured web origin', () => {
    expect(mail.subject).toBe('3 items are due for review');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeUrl().startsWith(`${WEB}/api/reminders/unsubscribe?token=`)).toBe(true);
    const links = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links).toEqual(expect.arrayContaining([`${WEB}/review`, `${WEB}/settings`, unsubscribeUrl()]));
    expect(links.every((l) => l.startsWith(`${WEB}/`))).toBe(true);
    expect(mail.text).toContain(`${WEB}/review`);
    expect(mail.text).toContain(unsubscribeUrl());
  });

  it('opening the link (signed out) changes nothing: JSON preview, or a page with one confirm button', async () => {
    const preview = await call(api, { url: pathOf(unsubscribeUrl()) });
    expect(preview.statusCode).toBe(200);
    expect(ZUnsubscribePreview.parse(preview.json())).toEqual({ email: `l***@example.com`, remindersEnabled: true });
    const page = await call(api, { url: pathOf(unsubscribeUrl()), headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    const form = /<form [^>]*>/.exec(page.body)?.[0] ?? '';
    expect(form).toContain('method="post"');
    expect(form).toMatch(/action="\/api\/reminders\/unsubscribe\?token=[\w.-]+"/);
    expect(await remindersEnabled()).toBe(true);
  });

  it('a forged or altered token is rejected with a clear 400, as JSON or as a page', async () => {
    const url = pathOf(unsubscribeUrl());
    const altered = url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const forged = await call(api, {
      method: 'POST',
      url: altered,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(400);
    expect(errorOf(forged).code).toBe('invalid_token');
    const page = await call(api, { url: altered, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('This link does not work');
    const malformed = await call(api, { url: '/api/reminders/unsubscribe?token=nope' });
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('validation_failed');
    expect(await remindersEnabled()).toBe(true);
  });

  it('the RFC 8058 one-click POST unsubscribes at once, signed out and without an Origin', async () => {
    const res = await call(api, {
      method: 'POST',
      url: pathOf(unsubscribeUrl()),
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(ZUnsubscribeResponse.parse(res.json())).toEqual({ unsubscribed: true, email: 'l***@example.com' });
    expect(await remindersEnabled()).toBe(false);
    // Next morning: nothing.
    await simulate('2026-06-03T12:45:00Z', '2026-06-03T13:15:00Z', () => [worker]);
    expect(sink.to(ny.email)).toHaveLength(1);
  });

  it('also takes a multipart one-click, the page’s form, or JSON { token }; the guard still refuses forms elsewhere', async () => {
    const url = pathOf(unsubscribeUrl());
    const token = new URL(unsubscribeUrl()).searchParams.get('token')!;
    const boundary = 'x-boundary';
    const multipart = await call(api, {
      method: 'POST',
      url,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(multipart.statusCode).toBe(200);
    const fromPage = await call(api, {
      method: 'POST',
      url,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: WEB },
    });
    expect(fromPage.statusCode).toBe(200);
    expect(fromPage.body).toContain('You are unsubscribed');
    const json = await call(api, { method: 'POST', url: '/api/reminders/unsubscribe', payload: { token } });
    expect(json.statusCode).toBe(200);
    const elsewhere = await call(api, {
      method: 'POST',
      url: '/api/auth/login',
      payload: 'email=a%40b.c&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('a send job finds reminders turned off, or the account deleted, after it was scheduled: nothing is sent', async () => {
    const sender = worker.app.get(ReminderSender);
    const job = { userId: ny.id, localDate: '2026-06-05', scheduledFor: '2026-06-05T13:00:00.000Z', timezone: 'America/New_York' };
    expect(await sender.send(job, false)).toBe('reminders_off');
    const gone = await createAccount(prisma);
    await api.get(RemindersService).updateSettings(gone.id, { enabled: true });
    await prisma.user.delete({ where: { id: gone.id } });
    expect(await sender.send({ ...job, userId: gone.id }, false)).toBe('account_deleted');
    expect(sink.to(gone.email)).toHaveLength(0);
  });
});

describe('reminder settings in GET/PUT /api/settings', () => {
  let me: TSignedIn;
  let worker: Worker;
  const put = (payload: unknown) => call(api, { method: 'PUT', url: '/api/settings', cookie: me.cookie, payload });
  const reminderSettings = async () =>
    ZSettingsResponse.parse((await call(api, { url: '/api/settings', cookie: me.cookie })).json()).settings.reminders;
  const myLog = async () => (await sendLog([me.user], '2026-06')).map((r) => [dayOf(r), r.status, r.reason]);

  beforeAll(async () => {
    clock.set('2026-06-08T14:00:00Z'); // Monday, 10:00 in New York
    me = await registerLearner(api);
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.app.close();
    await remove([me.user]);
  });

  it('are off by default, are set with the study settings, and refuse bad input naming the field', async () => {
    expect(await reminderSettings()).toEqual({ enabled: false, localTime: '09:00', weekdays: [1, 2, 3, 4, 5, 6, 7], minDue: 1 });
    const res = await put({ timezone: 'America/New_York', fuzz: false, reminders: { enabled: true, localTime: '09:00' } });
    expect(res.statusCode).toBe(200);
    const { settings } = ZSettingsResponse.parse(res.json());
    expect(settings).toMatchObject({ timezone: 'America/New_York', fuzz: false });
    expect(settings.reminders).toEqual({ enabled: true, localTime: '09:00', weekdays: [1, 2, 3, 4, 5, 6, 7], minDue: 1 });

    for (const [reminders, path] of [
      [{ localTime: '24:00' }, 'body.reminders.localTime'],
      [{ weekdays: [] }, 'body.reminders.weekdays'],
      [{ weekdays: [1, 8] }, 'body.reminders.weekdays.1'],
      [{ minDue: 0 }, 'body.reminders.minDue'],
      [{ snooze: true }, 'body.reminders.snooze'],
    ] as const) {
      const bad = await put({ reminders });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    expect((await reminderSettings()).enabled).toBe(true);

    // Something due from Tuesday: a problem rated hard (1 day) and a card in its learning steps.
    expect((await call(api, { method: 'POST', url: `/api/decks/${deck.slug}/enroll`, cookie: me.cookie })).statusCode).toBe(200);
    for (const [item, rating] of [
      ['p0', 'hard'],
      ['c0', 'again'],
    ] as const) {
      const payload = { rating, durationMs: 20_000, clientReviewId: reviewId() };
      expect((await call(api, { method: 'POST', url: `/api/review/${itemId(item)}`, cookie: me.cookie, payload })).statusCode).toBe(200);
    }
  });

  it('a new timezone applies from now: a reminder time already past there waits for the next day, and goes once', async () => {
    // Tuesday 07:00 in New York, 16:30 in Kolkata: today's 09:00 has passed in the new timezone, not yet in the old.
    clock.set('2026-06-09T11:00:00Z');
    const moved = await put({ timezone: 'Asia/Kolkata' });
    expect(ZSettingsResponse.parse(moved.json()).settings).toMatchObject({
      timezone: 'Asia/Kolkata',
      reminders: { enabled: true, localTime: '09:00' },
    });

    await simulate('2026-06-09T11:00:00Z', '2026-06-10T03:45:00Z', () => [worker]);
    expect(sink.to(me.email).map(localDateOf)).toEqual(['2026-06-10']);
    const [sent] = await sendLog([me.user], '2026-06');
    // Reviewed on Monday only (Monday evening in Kolkata): Tuesday had none, so no streak on Wednesday.
    expect(sent).toMatchObject({ status: 'sent', scheduledFor: new Date('2026-06-10T03:30:00Z'), streakDays: 0 });
    expect(sent!.due).toEqual({ card: 1, problem: 1, lab: 0, total: 2 });
    // The dashboard's "due now" is the same count.
    const stats = ZStatsResponse.parse((await call(api, { url: '/api/stats', cookie: me.cookie })).json());
    expect(stats.today.dueNow).toEqual(sent!.due);
  });

  it('turned off through PUT /api/settings between scheduling and sending: nothing is sent, and the export holds the preference', async () => {
    clock.set('2026-06-11T03:30:00Z'); // Thursday 09:00 in Kolkata
    await emails.pause();
    try {
      await worker.scheduler.tick();
      expect(await emails.getJob(reminderJobId(me.user.id, '2026-06-11'))).toBeDefined();
      expect((await put({ reminders: { enabled: false } })).statusCode).toBe(200);
    } finally {
      await emails.resume();
    }
    await drained();
    expect(sink.to(me.email)).toHaveLength(1);
    expect(await myLog()).toEqual([
      ['2026-06-10', 'sent', null],
      ['2026-06-11', 'skipped', 'reminders_off'],
    ]);

    const exported = ZAccountExport.parse((await call(api, { url: '/api/me/export', cookie: me.cookie })).json());
    expect(exported.reminderPreferences).toEqual([
      expect.objectContaining({
        enabled: false,
        minuteOfDay: 540,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        minDue: 1,
        activeSince: '2026-06-09T11:00:00.000Z',
      }),
    ]);
    expect(exported.reminderSends.filter((r) => r.localDate.startsWith('2026-06')).map((r) => [r.localDate, r.status, r.reason])).toEqual([
      ['2026-06-10', 'sent', null],
      ['2026-06-11', 'skipped', 'reminders_off'],
    ]);
  });
});
