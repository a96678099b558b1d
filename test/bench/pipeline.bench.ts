/**
 * `npm run bench:e2e`: the submissions pipeline end to end (HTTP → Postgres → BullMQ → worker → grader pool →
 * Postgres → Redis stream → SSE) at increasing arrival rates, beside the grader called in-process, so the
 * pipeline's own overhead shows as a ratio. Run through scripts/bench-e2e.sh, which gives it a fresh database.
 *
 * Environment: BENCH_RATES (submissions/s, default 5,10,20,40,80), BENCH_SECONDS (per rate, 10), BENCH_WORKERS
 * (worker processes, 1), GRADER_POOL_SIZE (sandboxes per worker, CPU count), BENCH_LEARNERS (200), BENCH_PROBLEM
 * (segments-intersect), BENCH_WRONG_SHARE (0.2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createGrader } from '@prep/grader';
import { loadContent } from '@prep/problems';
import { freePort, startService, stopService, waitForHttp, type TService } from '../e2e/support/processes';
import { signUp, type TLearner } from '../e2e/support/api';

/** Compiled to test/bench/dist/bench/ by scripts/bench-e2e.sh. */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const RATES = (process.env.BENCH_RATES ?? '5,10,20,40,80').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const POOL = Number(process.env.GRADER_POOL_SIZE ?? os.availableParallelism());
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const SLUG = process.env.BENCH_PROBLEM ?? 'segments-intersect';
const WRONG_SHARE = Number(process.env.BENCH_WRONG_SHARE ?? 0.2);
const DRAIN_TIMEOUT_MS = 60_000;

const right = fs.readFileSync(path.join(REPO_ROOT, 'packages/problems/problems', SLUG, 'reference.ts'), 'utf8').replace(/^export /gm, '');
const starter = fs.readFileSync(path.join(REPO_ROOT, 'packages/problems/problems', SLUG, 'starter.ts'), 'utf8');

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '-');

type Outcome = { id: string; expected: string; clientMs?: number; verdict?: string };

/** Resolves when the SSE stream of the submission delivers `done` (with the verdict), measured from `start`. */
async function awaitVerdict(apiUrl: string, learner: TLearner, id: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/submissions/${id}/events`, { headers: { cookie: learner.cookie } });
  if (!response.body) throw new Error(`events: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let text = '';
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    const at = text.indexOf('event: done\ndata: ');
    const end = at < 0 ? -1 : text.indexOf('\n\n', at);
    if (end >= 0) {
      const data = JSON.parse(text.slice(at + 'event: done\ndata: '.length, end)) as { submission: { verdict: string } };
      await reader.cancel();
      return data.submission.verdict;
    }
  }
  throw new Error('the event stream ended without done');
}

async function runRate(apiUrl: string, learners: TLearner[], rate: number, api: TService) {
  const outcomes: Outcome[] = [];
  const pending: Promise<void>[] = [];
  const inFlight = new Map<TLearner, number>();
  let shed = 0;
  let busyClients = 0;
  const interval = 1000 / rate;
  const total = Math.round(rate * SECONDS);
  const started = performance.now();
  let lastVerdictAt = started;
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const learner = learners.find((l) => (inFlight.get(l) ?? 0) < 2);
    if (!learner) {
      busyClients++;
      continue;
    }
    const wrong = (i * 7919) % 100 < WRONG_SHARE * 100;
    inFlight.set(learner, (inFlight.get(learner) ?? 0) + 1);
    pending.push(
      (async () => {
        const t0 = performance.now();
        try {
          const res = await fetch(`${apiUrl}/api/problems/${SLUG}/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: learner.cookie },
            body: JSON.stringify({ code: wrong ? starter : right, mode: 'submit' }),
          });
          const body = (await res.json()) as { id?: string };
          if (res.status === 429) {
            shed++;
            return;
          }
          if (res.status !== 202 || !body.id) {
            throw new Error(`submit: HTTP ${res.status} ${JSON.stringify(body)}\n--- api output ---\n${api.logTail()}`);
          }
          const outcome: Outcome = { id: body.id, expected: wrong ? 'wrong_answer' : 'accepted' };
          outcomes.push(outcome);
          outcome.verdict = await awaitVerdict(apiUrl, learner, body.id);
          outcome.clientMs = performance.now() - t0;
          lastVerdictAt = performance.now();
        } finally {
          inFlight.set(learner, (inFlight.get(learner) ?? 1) - 1);
        }
      })(),
    );
  }
  const sent = performance.now();
  await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, DRAIN_TIMEOUT_MS))]);
  const done = outcomes.filter((o) => o.clientMs !== undefined);
  return {
    rate,
    attempted: total,
    accepted202: outcomes.length,
    shed,
    busyClients,
    outcomes,
    done,
    seconds: (Math.max(lastVerdictAt, sent) - started) / 1000,
  };
}

async function checkDatabase(databaseUrl: string, outcomes: Outcome[]) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; status: string; verdict: string; gradeAttempts: number; ms: number }>(
      `SELECT id, status, verdict, "gradeAttempts", extract(epoch FROM ("finishedAt" - "createdAt")) * 1000 AS ms
       FROM "Submission" WHERE id = ANY($1)`,
      [outcomes.map((o) => o.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const lost = outcomes.filter((o) => byId.get(o.id)?.status !== 'done').length;
    const duplicated = rows.filter((r) => r.gradeAttempts > 1).length;
    const wrongVerdicts = outcomes.filter((o) => byId.get(o.id)?.status === 'done' && byId.get(o.id)?.verdict !== o.expected).length;
    const serverMs = rows.filter((r) => r.status === 'done').map((r) => Number(r.ms));
    return { lost, duplicated, wrongVerdicts, serverMs };
  } finally {
    await db.end();
  }
}

async function inProcessBaseline() {
  const problem = loadContent().problems.find((p) => p.slug === SLUG)!;
  const grader = createGrader({ poolSize: POOL });
  await grader.warmUp();
  try {
    for (let i = 0; i < 10; i++) await grader.grade(problem, { code: right, mode: 'submit' });
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await grader.grade(problem, { code: right, mode: 'submit' });
      times.push(performance.now() - t0);
    }
    const n = 200;
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: POOL }, async () => {
        while (next++ < n) await grader.grade(problem, { code: right, mode: 'submit' });
      }),
    );
    return { times, perSecond: n / ((performance.now() - t0) / 1000) };
  } finally {
    await grader.close();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('run through npm run bench:e2e (it creates a database and sets DATABASE_URL)');
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? `bench_${process.pid}`,
    GRADER_POOL_SIZE: String(POOL),
    // The bench measures the pipeline, not the per-learner or per-address limits (its learners all sign up from here).
    SUBMISSIONS_PER_MINUTE: '10000',
    REGISTER_MAX_PER_IP: '100000',
    // NODE_ENV=production refuses development defaults: a throwaway secret, and an SMTP address nothing sends to.
    UNSUBSCRIBE_SECRET: `bench-only-unsubscribe-secret-${process.pid}-${Date.now()}`,
    SMTP_URL: 'smtp://127.0.0.1:2525',
  };
  const services: TService[] = [];
  const api = startService('api', process.execPath, [path.join(REPO_ROOT, 'apps/api/dist/main.js')], {
    cwd: REPO_ROOT,
    env: { ...env, API_PORT: String(apiPort), API_HOST: '127.0.0.1', LOG_LEVEL: 'error' },
  });
  services.push(api);
  try {
    const ready = [waitForHttp(api, `${apiUrl}/api/ready`, { timeoutMs: 120_000 })];
    for (let w = 0; w < WORKERS; w++) {
      const healthPort = await freePort();
      const worker = startService(
        `worker-${w + 1}`,
        process.execPath,
        ['--no-node-snapshot', path.join(REPO_ROOT, 'apps/api/dist/worker.main.js')],
        {
          cwd: REPO_ROOT,
          env: { ...env, WORKER_HEALTH_PORT: String(healthPort) },
        },
      );
      services.push(worker);
      ready.push(waitForHttp(worker, `http://127.0.0.1:${healthPort}/ready`, { timeoutMs: 120_000 }));
    }
    await Promise.all(ready);
    const learners: TLearner[] = [];
    for (let i = 0; i < LEARNERS; i++) learners.push(await signUp(apiUrl));
    console.log(
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `problem ${SLUG}; ${WORKERS} worker process(es) x ${POOL} sandbox(es); ${LEARNERS} learners; ${SECONDS} s per rate; ${WRONG_SHARE * 100}% wrong`,
    );

    await runRate(apiUrl, learners, 5, api); // warm-up: isolates, the problem's expected outputs, connection pools
    console.log('\nenqueue→verdict: from sending POST /submissions to receiving the SSE `done` event (client side);');
    console.log('server: createdAt→finishedAt in Postgres. 429: shed by the API (graders saturated); skipped: no learner of the');
    console.log('bench was free (each may have 2 in flight). lost/dup/wrong are checked in Postgres.\n');
    console.log(
      ['rate/s', 'sent', '429', 'skipped', 'verdicts/s', 'p50', 'p95', 'p99', 'server p50', 'server p99', 'lost', 'dup', 'wrong']
        .map((h, i) => (i === 0 ? h.padEnd(7) : h.padStart(10)))
        .join(' '),
    );
    const summary: { rate: number; p50: number; perSecond: number }[] = [];
    for (const rate of RATES) {
      const run = await runRate(apiUrl, learners, rate, api);
      const check = await checkDatabase(databaseUrl, run.outcomes);
      const client = run.done.map((o) => o.clientMs!);
      const perSecond = run.done.length / run.seconds;
      summary.push({ rate, p50: quantile(client, 0.5), perSecond });
      console.log(
        [
          String(rate).padEnd(7),
          String(run.accepted202 + run.shed).padStart(10),
          String(run.shed).padStart(10),
          String(run.busyClients).padStart(10),
          perSecond.toFixed(1).padStart(10),
          ms(quantile(client, 0.5)).padStart(10),
          ms(quantile(client, 0.95)).padStart(10),
          ms(quantile(client, 0.99)).padStart(10),
          ms(quantile(check.serverMs, 0.5)).padStart(10),
          ms(quantile(check.serverMs, 0.99)).padStart(10),
          String(check.lost).padStart(10),
          String(check.duplicated).padStart(10),
          String(check.wrongVerdicts).padStart(10),
        ].join(' '),
      );
    }
    const baseline = await inProcessBaseline();
    const b50 = quantile(baseline.times, 0.5);
    console.log(
      `\ngrader in-process (no queue, no HTTP; ${POOL} sandbox(es)): p50 ${ms(b50)}, p95 ${ms(quantile(baseline.times, 0.95))}, ` +
        `p99 ${ms(quantile(baseline.times, 0.99))}; ${baseline.perSecond.toFixed(1)} grades/s with ${POOL} in parallel`,
    );
    for (const s of summary) {
      console.log(`  at ${s.rate}/s: pipeline p50 / in-process p50 = ${(s.p50 / b50).toFixed(1)}x (+${ms(s.p50 - b50)} of pipeline)`);
    }
    const best = Math.max(...summary.map((s) => s.perSecond));
    console.log(`  sustained pipeline verdicts/s (best rate) / in-process grades/s = ${(best / baseline.perSecond).toFixed(2)}`);
  } finally {
    await Promise.all(services.map((s) => stopService(s)));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
