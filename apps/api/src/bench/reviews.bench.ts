/**
 * Review API benchmark (npm run bench:reviews; scripts/bench-reviews.sh prepares a fresh database). Seeds one learner
 * with 20,000 cards in review (each practised by one or two of 2,000 problems) and 200,000 review-log rows drawn from
 * FSRS, starts the built API as its own process, and drives GET /api/review/next and POST /api/review/:itemId with
 * autocannon at 50 connections: once as fast as the API
 * answers (saturation: latency is then 50 / throughput) and once at a fixed request rate (the latency a request sees
 * under that load). Prints the figures. Not a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import autocannon from 'autocannon';
import { default_w } from 'ts-fsrs';
import { z } from 'zod';
import { RATINGS } from '@prep/contracts';
import { loadEnvOrExit, ZCliEnv } from '../config/env';
import { PrismaClient } from '../generated/prisma/client';
import { hashPassword } from '../modules/auth/password';
import { LearnerCalendar } from '../modules/study/scheduler/learner-calendar';
import { seededRandom, syntheticHistory, syntheticLogRows } from './synthetic-history';

const ITEMS = 20_000;
const REVIEWS_PER_ITEM = 10;
const CONNECTIONS = 50;
const EMAIL = 'bench-learner@example.com';
const PASSWORD = 'bench-password-1';
const DAY_MS = 86_400_000;

const ZBenchEnv = ZCliEnv.extend({
  BENCH_DURATION: z.coerce.number().int().min(3).max(600).default(15),
  BENCH_RATE: z.coerce.number().int().min(10).max(100_000).default(100),
});

async function seed(prisma: PrismaClient, now: Date): Promise<{ userId: string; cardIds: string[]; due: number }> {
  const started = performance.now();
  const user = await prisma.user.create({ data: { email: EMAIL, passwordHash: await hashPassword(PASSWORD) }, select: { id: true } });
  const cardIds = Array.from({ length: ITEMS }, (_, i) => `bench-card-${i}`);
  await prisma.deck.create({
    data: {
      slug: 'bench',
      title: 'Benchmark',
      description: 'Seeded by the review benchmark.',
      tags: [],
      problemSlugs: [],
      cardTopics: ['bench'],
      contentHash: 'bench',
    },
  });
  for (let i = 0; i < ITEMS; i += 5_000) {
    const ids = cardIds.slice(i, i + 5_000);
    await prisma.card.createMany({
      data: ids.map((id, j) => ({
        id,
        version: 1,
        deck: 'bench',
        topic: 'bench',
        front: `What does benchmark card ${i + j} ask? A question of about the length of a real card front.`,
        back: `The answer to benchmark card ${i + j}, with an explanation about as long as a real card back, which is a few sentences of Markdown.`,
        tags: ['bench'],
        contentHash: 'bench',
      })),
    });
    await prisma.deckItem.createMany({
      data: ids.map((refId, j) => ({ deckSlug: 'bench', kind: 'card' as const, refId, position: i + j })),
    });
  }
  // Problems that build on the cards, so every card shown carries its practice links: problem k builds on cards 10k to
  // 10k+9 and names card 10k+10 as practice (so some cards are practised by two problems).
  const problems = Array.from({ length: ITEMS / 10 }, (_, k) => `bench-problem-${k}`);
  await prisma.problem.createMany({
    data: problems.map((slug, k) => ({
      slug,
      version: 1,
      title: `Benchmark problem ${k}`,
      difficulty: 'medium',
      tags: ['bench'],
      decks: [],
      detail: {},
      contentHash: 'bench',
    })),
  });
  await prisma.problemConcept.createMany({
    data: problems.flatMap((problemSlug, k) => [
      ...Array.from({ length: 10 }, (_, i) => ({ problemSlug, cardId: cardIds[10 * k + i]!, conceptOrder: i, practiceOrder: 0 })),
      ...(10 * k + 10 < ITEMS ? [{ problemSlug, cardId: cardIds[10 * k + 10]!, conceptOrder: null, practiceOrder: 1 }] : []),
    ]),
  });
  await prisma.enrollment.create({ data: { userId: user.id, deckSlug: 'bench', enrolledAt: new Date(now.getTime() - 400 * DAY_MS) } });

  // Each item's history is placed so that its last review was at least a day ago and about a tenth of the items are due.
  const { reviews, states } = syntheticHistory({ items: ITEMS, reviewsPerItem: REVIEWS_PER_ITEM, weights: default_w, seed: 42 });
  const calendar = new LearnerCalendar('UTC', 4);
  const today = calendar.dayOf(now);
  const random = seededRandom(7);
  const shift = states.map((s) => {
    const interval = s.nextDay - s.lastDay;
    return today - Math.max(1, Math.floor(random() * interval * 1.1)) - s.lastDay;
  });
  let due = 0;
  const stateRows = states.map((s) => {
    const dueDay = s.nextDay + shift[s.item]!;
    if (dueDay <= today) due++;
    return {
      userId: user.id,
      kind: 'card' as const,
      refId: cardIds[s.item]!,
      state: 'review' as const,
      due: calendar.startOf(dueDay),
      stability: s.stability,
      difficulty: s.difficulty,
      scheduledDays: s.nextDay - s.lastDay,
      reps: s.reps,
      lapses: s.lapses,
      lastReview: new Date(calendar.startOf(s.lastDay + shift[s.item]!).getTime() + 12 * 3_600_000),
    };
  });
  for (let i = 0; i < stateRows.length; i += 5_000) await prisma.studyState.createMany({ data: stateRows.slice(i, i + 5_000) });
  const logRows = syntheticLogRows(
    reviews,
    user.id,
    (item) => cardIds[item]!,
    (r) => new Date(calendar.startOf(r.day + shift[r.item]!).getTime() + 12 * 3_600_000),
  );
  for (let i = 0; i < logRows.length; i += 10_000) await prisma.reviewLog.createMany({ data: logRows.slice(i, i + 10_000) });
  await prisma.studySettings.create({
    data: {
      userId: user.id,
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      newProblemsPerDay: 3,
      newLabsPerDay: 1,
      reviewsPerDay: 99_999,
      steps: {
        card: { learning: ['1m', '10m'], relearning: ['10m'] },
        problem: { learning: [], relearning: [] },
        lab: { learning: [], relearning: [] },
      },
      rolloverHour: 4,
      timezone: 'UTC',
      fuzz: true,
      maximumIntervalDays: 36_500,
      leechThreshold: 8,
      fsrsWeights: [],
    },
  });
  await prisma.$executeRawUnsafe('ANALYZE');
  console.log(
    `seeded ${ITEMS} items, ${logRows.length} review logs (${due} due now) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { userId: user.id, cardIds, due };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startApi(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, '../main.js')], {
    // Production refuses the development unsubscribe secret; the benchmark sends no mail, so any one of its own will do.
    env: {
      UNSUBSCRIBE_SECRET: randomUUID() + randomUUID(),
      ...process.env,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      child.kill('SIGKILL');
      process.exit(130);
    });
  }
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
  }
  child.kill();
  throw new Error('the API did not start');
}

interface Figures {
  name: string;
  result: autocannon.Result;
  /** CPU time the API process spent per request (Linux), a figure the machine's other load does not inflate much. */
  cpuMsPerRequest: number | null;
}

/** User + system CPU milliseconds a process has used so far (Linux /proc; null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function report(rows: Figures[]): void {
  console.log('\n| run | req/s | median | p90 | p99 | max | non-2xx | API CPU per request |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { name, result, cpuMsPerRequest } of rows) {
    const l = result.latency;
    const cpu = cpuMsPerRequest === null ? 'n/a' : `${cpuMsPerRequest.toFixed(1)} ms`;
    console.log(
      `| ${name} | ${result.requests.average.toFixed(0)} | ${l.p50} ms | ${l.p90} ms | ${l.p99} ms | ${l.max} ms | ${result.non2xx + result.errors + result.timeouts} | ${cpu} |`,
    );
  }
}

async function main(): Promise<void> {
  const env = loadEnvOrExit(ZBenchEnv);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
  const { cardIds } = await seed(prisma, new Date());
  await prisma.$disconnect();

  const port = await freePort();
  const api = await startApi(port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!login.ok || !cookie) throw new Error(`sign-in failed: HTTP ${login.status}`);
    const headers = { cookie };
    const random = seededRandom(99);
    const rate = () => ({
      method: 'POST',
      setupRequest: (request: autocannon.RawRequest) => ({
        ...request,
        method: 'POST',
        path: `/api/review/card:${cardIds[Math.floor(random() * cardIds.length)]}`,
        headers: { ...request.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ rating: RATINGS[Math.floor(random() * 4)], durationMs: 5_000, clientReviewId: randomUUID() }),
      }),
    });
    const next = { method: 'GET', path: '/api/review/next?limit=10' };
    const run = async (name: string, request: autocannon.Options['requests'], overallRate?: number): Promise<Figures> => {
      process.stdout.write(`${name} … `);
      const cpuBefore = cpuMs(api.pid);
      const result = await autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: env.BENCH_DURATION,
        headers,
        requests: request,
        overallRate,
      });
      const cpuAfter = cpuMs(api.pid);
      const cpuMsPerRequest = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, result.requests.total);
      console.log(`${result.requests.average.toFixed(0)} req/s, median ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
      return { name, result, cpuMsPerRequest };
    };
    await autocannon({ url: base, connections: 10, duration: 3, headers, requests: [next] }); // warm-up
    const rows = [
      await run('GET /api/review/next?limit=10, saturating', [next]),
      await run('POST /api/review/:itemId, saturating', [rate()]),
      await run(`GET /api/review/next?limit=10, ${env.BENCH_RATE} req/s`, [next], env.BENCH_RATE),
      await run(`POST /api/review/:itemId, ${env.BENCH_RATE} req/s`, [rate()], env.BENCH_RATE),
    ];
    report(rows);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    console.log(`\n${CONNECTIONS} connections, ${env.BENCH_DURATION} s per run; API, Postgres and autocannon share this machine`);
    console.log(`(${os.availableParallelism()} CPUs, load average ${load} over 1 / 5 / 15 min at the end).`);
  } finally {
    api.kill('SIGTERM');
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
