import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { QueueName, ZUnsubscribePreview, ZUnsubscribeResponse, type TReminderSettingsUpdate } from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { ReminderScheduler } from '../src/modules/reminders/jobs/reminder-scheduler';
import { ReminderSender } from '../src/modules/reminders/jobs/reminder-sender';
import { TICK_SCHEDULER_ID } from '../src/modules/reminders/jobs/reminder-queues';
import { RemindersService } from '../src/modules/reminders/reminders.service';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { WorkerModule } from '../src/worker.module';
import { call, errorOf } from './support/api-client';
import { createAccount } from './support/factories';
import { startTestHttpApp } from './support/http-app';
import { SeededLearnerState } from './support/learner-state.fake';
import { SmtpSink, type CapturedMail } from './support/smtp-sink';
import { testWorkerEnv, uniqueQueuePrefix } from './support/test-env';

/**
 * Reminders end to end against real Postgres, Redis and an in-process SMTP server, with simulated time: the test sets
 * the shared ManualClock and calls the scheduler's tick every simulated 15 minutes (as the job scheduler would).
 * One file, so no other test's scheduler sees these learners.
 */

// Each simulated week is 672 ticks against the real services; a busy 2-core machine needs the headroom.
jest.setTimeout(60_000);

const WEB = 'https://prep.example.test';
const QUARTER = 15 * 60_000;
const WEEK_START = '2026-03-05T00:00:00Z'; // a Thursday; New York springs forward on Sunday 2026-03-08
const WEEK_END = '2026-03-11T23:45:00Z';

const clock = new ManualClock(WEEK_START);
const learnerState = new SeededLearnerState();
const QUEUE_PREFIX = uniqueQueuePrefix();
let sink: SmtpSink;
let api: NestFastifyApplication;
let prisma: PrismaService;
let emails: Queue;

beforeAll(async () => {
  sink = await SmtpSink.start();
  api = await startTestHttpApp({ clock, env: { WEB_ORIGIN: WEB, QUEUE_PREFIX } });
  prisma = api.get(PrismaService);
  emails = new Queue(QueueName.ReminderEmails, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: QUEUE_PREFIX,
  });
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
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, { clock, learnerState }), { logger: false });
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

/** Ticks every 15 simulated minutes on every running worker at once (a duplicate tick, as with two schedulers). */
async function simulate(from: string, to: string, workers: () => Worker[], before?: (at: number) => Promise<void>): Promise<void> {
  for (let at = Date.parse(from); at <= Date.parse(to); at += QUARTER) {
    clock.set(new Date(at));
    await before?.(at);
    const running = workers();
    const reports = await Promise.all(running.map((w) => w.scheduler.tick()));
    if (reports.some((r) => r.enqueued > 0)) await drained();
  }
}

type Learner = { id: string; email: string; name: string };

async function learner(name: string, settings: TReminderSettingsUpdate, state: Parameters<SeededLearnerState['seed']>[1]) {
  const account = await createAccount(prisma, { displayName: name });
  learnerState.seed(account.id, state);
  await api.get(RemindersService).updateSettings(account.id, settings);
  return { ...account, name };
}

/**
 * The week's cast, opted in at the start of the week:
 * - ny: New York, 02:30 every day (on 2026-03-08 02:30 does not exist: it goes at 03:30 EDT);
 * - kolkata: 09:00 Monday to Friday, at least 3 due (on Tuesday the 10th only 2 are: no email);
 * - idle: New York 18:00, nothing ever due; off: never opted in.
 */
async function weekCast(): Promise<Learner[]> {
  clock.set(WEEK_START);
  const ny = await learner(
    'ny',
    { enabled: true, localTime: '02:30' },
    { timezone: 'America/New_York', due: { card: 5, problem: 2 }, streakDays: 3 },
  );
  const kolkata = await learner(
    'kolkata',
    { enabled: true, localTime: '09:00', weekdays: [1, 2, 3, 4, 5], minDue: 3 },
    { timezone: 'Asia/Kolkata', due: (now) => (now.toISOString().startsWith('2026-03-10') ? { card: 2 } : { card: 3, problem: 1 }) },
  );
  const idle = await learner('idle', { enabled: true, localTime: '18:00' }, { timezone: 'America/New_York', due: {} });
  const off = await learner('off', { localTime: '09:00' }, { timezone: 'Asia/Kolkata', due: { card: 9 } });
  return [ny, kolkata, idle, off];
}

/** Expected: [learner, local date] for every email of the week. */
const WEEK_EMAILS = [
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `ny 2026-03-${d}`),
  ...['05', '06', '09', '11'].map((d) => `kolkata 2026-03-${d}`),
];

function received(cast: Learner[]): string[] {
  const byEmail = new Map(cast.map((l) => [l.email, l.name]));
  return sink.mails
    .filter((m) => byEmail.has(m.to))
    .map((m) => `${byEmail.get(m.to)} ${/^<reminder\.[^.]+\.(\d{4}-\d{2}-\d{2})@/.exec(m.messageId)?.[1]}`)
    .sort();
}

/**
 * The log of the simulated week. Other test files' workers may tick in real time over the same database (they see no
 * due items, so they only log skips at today's date); the week's dates are what these tests decide.
 */
async function sendLog(cast: Learner[]) {
  return prisma.reminderSend.findMany({
    where: { userId: { in: cast.map((l) => l.id) }, localDate: { gte: new Date('2026-03-01'), lte: new Date('2026-03-31') } },
    select: {
      userId: true,
      localDate: true,
      status: true,
      reason: true,
      attempts: true,
      scheduledFor: true,
      sentAt: true,
      dueTotal: true,
      error: true,
    },
    orderBy: [{ userId: 'asc' }, { localDate: 'asc' }],
  });
}

async function remove(cast: Learner[]): Promise<void> {
  await prisma.user.deleteMany({ where: { id: { in: cast.map((l) => l.id) } } });
}

describe('a simulated week across the New York DST change', () => {
  it('one worker: exactly the expected emails, each within 15 minutes of its local time', async () => {
    const cast = await weekCast();
    const worker = await startWorker();
    try {
      await simulate(WEEK_START, WEEK_END, () => [worker]);
    } finally {
      await worker.app.close();
    }
    expect(received(cast)).toEqual([...WEEK_EMAILS].sort());

    const log = await sendLog(cast);
    const [ny, kolkata, idle, off] = cast.map((l) => log.filter((r) => r.userId === l.id));
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
    expect(kolkata!.map((r) => [r.localDate.toISOString().slice(0, 10), r.status, r.reason])).toEqual([
      ['2026-03-05', 'sent', null],
      ['2026-03-06', 'sent', null],
      ['2026-03-09', 'sent', null],
      ['2026-03-10', 'skipped', 'below_minimum'],
      ['2026-03-11', 'sent', null],
    ]);
    expect(idle!.every((r) => r.status === 'skipped' && r.reason === 'nothing_due')).toBe(true);
    expect(idle).toHaveLength(7);
    expect(off).toHaveLength(0);

    const mail = sink.to(cast[0]!.email)[0]!;
    expect(mail.subject).toBe('7 items are due for review');
    expect(mail.text).toContain('5 concept cards and 2 coding problems');
    expect(mail.text).toContain('3-day streak');
    await remove(cast);
  });

  it('two workers ticking at once: the same emails, none twice', async () => {
    const cast = await weekCast();
    const workers = [await startWorker(), await startWorker()];
    try {
      await simulate(WEEK_START, WEEK_END, () => workers);
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
    const sunday = (await sendLog(cast)).find((r) => r.userId === cast[0]!.id && r.localDate.toISOString().startsWith('2026-03-08'))!;
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
    const bounce = await learner(
      'bounce',
      { enabled: true, localTime: '02:30', weekdays: [1, 2, 3] },
      { timezone: 'America/New_York', due: { card: 1 } },
    );
    sink.bounce(bounce.email);
    const worker = await startWorker();
    const refusedBefore = sink.refused;
    try {
      await simulate(
        WEEK_START,
        WEEK_END,
        () => [worker],
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
    const row = (who: Learner, date: string) => log.find((r) => r.userId === who.id && r.localDate.toISOString().startsWith(date))!;
    expect(row(cast[1]!, '2026-03-06')).toMatchObject({ status: 'sent', attempts: 3 });
    expect(row(cast[0]!, '2026-03-07')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row(cast[0]!, '2026-03-07').error).toMatch(/421|not available/i);
    expect(row(cast[0]!, '2026-03-08')).toMatchObject({ status: 'sent', attempts: 1 });
    // The bounce fails at once (no retries), in the same ticks as New York's emails, which go out on time.
    const bounced = log.filter((r) => r.userId === bounce.id);
    expect(bounced.map((r) => r.localDate.toISOString().slice(0, 10))).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
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
    clock.set('2026-06-01T12:00:00Z');
    ny = await learner('links', { enabled: true, localTime: '09:00' }, { timezone: 'America/New_York', due: { card: 1, problem: 3 } });
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
    expect(mail.subject).toBe('4 items are due for review');
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
    learnerState.seed(gone.id, { timezone: 'UTC', due: { card: 4 } });
    await api.get(RemindersService).updateSettings(gone.id, { enabled: true });
    await prisma.user.delete({ where: { id: gone.id } });
    expect(await sender.send({ ...job, userId: gone.id }, false)).toBe('account_deleted');
    expect(sink.to(gone.email)).toHaveLength(0);
  });
});
