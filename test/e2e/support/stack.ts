import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SmtpSink } from '../../../apps/api/test/support/smtp-sink';
import { freePort, startService, stopService, waitForHttp, type TService } from './processes';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const API_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const WORKER_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/worker.main.js');
const CLI_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/cli.js');
const WEB_DIR = path.join(REPO_ROOT, 'apps/web');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/.bin/next');
const READY_TIMEOUT_MS = 120_000;

/** The built product (API, grading worker and web) running on free ports against the test database, with the content loaded. */
export type TStack = {
  webUrl: string;
  apiUrl: string;
  /** Stops only the API (to see what the web app does without it). */
  stopApi(): Promise<void>;
  stop(): Promise<void>;
};

function assertBuilt(): void {
  const missing = [API_ENTRY, WORKER_ENTRY, CLI_ENTRY, path.join(WEB_DIR, '.next/BUILD_ID')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The browser tests run the built product, but ${missing.map((file) => path.relative(REPO_ROOT, file)).join(' and ')} ` +
        'is missing. Run `npm run build` first (`npm test` builds before running the tests).',
    );
  }
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. The browser tests create users, so they need a throwaway, migrated database: ' +
        'run them through `npm test`, or set DATABASE_URL yourself.',
    );
  }
  return url;
}

/** The built-in decks, problems and cards, as `npm start` loads them (idempotent). */
async function syncContent(env: NodeJS.ProcessEnv): Promise<void> {
  await promisify(execFile)(process.execPath, [CLI_ENTRY, 'content-sync'], { cwd: REPO_ROOT, env, timeout: 120_000 });
}

export async function startStack(): Promise<TStack> {
  assertBuilt();
  const databaseUrl = requireDatabaseUrl();
  const [apiPort, webPort, workerPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const baseEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  const backendEnv = {
    ...baseEnv,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? `e2e_${process.pid}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // NODE_ENV=production refuses the development default; a throwaway secret for this run.
    UNSUBSCRIBE_SECRET: `e2e-only-unsubscribe-secret-${randomUUID()}`,
  };

  const services: TService[] = [];
  // The worker sends reminder mail; in production mode it needs a real SMTP server, so it gets one in this process.
  const smtp = await SmtpSink.start();
  const stop = async () => {
    await Promise.all(services.map((service) => stopService(service)));
    await smtp.stop();
  };

  try {
    await syncContent(backendEnv);
    services.push(
      startService('api', process.execPath, [API_ENTRY], {
        cwd: REPO_ROOT,
        env: { ...backendEnv, API_HOST: '127.0.0.1', API_PORT: String(apiPort), WEB_ORIGIN: webUrl },
      }),
      // Two sandbox processes: enough for the browser tests, and the machine has two cores.
      startService('worker', process.execPath, ['--no-node-snapshot', WORKER_ENTRY], {
        cwd: REPO_ROOT,
        env: { ...backendEnv, WORKER_HEALTH_PORT: String(workerPort), GRADER_POOL_SIZE: '2', SMTP_URL: smtp.url },
      }),
      startService('web', NEXT_BIN, ['start', '-p', String(webPort)], {
        cwd: WEB_DIR,
        env: { ...baseEnv, API_URL: apiUrl },
      }),
    );
    const [api, worker, web] = services as [TService, TService, TService];
    await Promise.all([
      waitForHttp(api, `${apiUrl}/api/ready`, { timeoutMs: READY_TIMEOUT_MS }),
      waitForHttp(worker, `http://127.0.0.1:${workerPort}/ready`, { timeoutMs: READY_TIMEOUT_MS }),
      waitForHttp(web, `${webUrl}/`, { timeoutMs: READY_TIMEOUT_MS }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, stopApi: () => stopService(services[0]!), stop };
}
