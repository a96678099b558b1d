import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, startService, stopService, waitForHttp, type TService } from './processes';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const API_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const WORKER_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/worker.main.js');
const LAB_WORKER_ENTRY = path.join(REPO_ROOT, 'apps/lab-worker/dist/main.js');
const WEB_DIR = path.join(REPO_ROOT, 'apps/web');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/.bin/next');
const READY_TIMEOUT_MS = 120_000;

export type TStackOptions = {
  /** Start the web app (default true). */
  web?: boolean;
  /** Grading worker processes to start (default 0). */
  workers?: number;
  /**
   * Lab worker processes to start (default 0): CPU slots in bubblewrap sandboxes, as on a host without a GPU. The
   * grading workers persist their results, so a lab test needs `workers` too.
   */
  labWorkers?: number;
  /** Extra environment for the API and the workers. */
  env?: Record<string, string>;
};

/** The built product (API, optionally web and workers) running on free ports against the test database. */
export type TStack = {
  webUrl: string;
  apiUrl: string;
  queuePrefix: string;
  /** The running workers, in start order (a stopped or killed one stays listed). */
  workers: TService[];
  /** Starts one more grading worker and waits until it is ready. */
  startWorker(): Promise<TService>;
  /** Stops only the API (to see what the web app does without it). */
  stopApi(): Promise<void>;
  stop(): Promise<void>;
};

function assertBuilt(web: boolean, labs: boolean): void {
  const needed = [API_ENTRY, WORKER_ENTRY, ...(web ? [path.join(WEB_DIR, '.next/BUILD_ID')] : []), ...(labs ? [LAB_WORKER_ENTRY] : [])];
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests run the built product, but ${missing.map((file) => path.relative(REPO_ROOT, file)).join(' and ')} ` +
        'is missing. Run `npm run build` first (`npm test` builds before running the tests).',
    );
  }
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. The end-to-end tests create users, so they need a throwaway, migrated database: ' +
        'run them through `npm test`, or set DATABASE_URL yourself.',
    );
  }
  return url;
}

export async function startStack(options: TStackOptions = {}): Promise<TStack> {
  const { web = true, workers: workerCount = 0, labWorkers: labWorkerCount = 0, env = {} } = options;
  assertBuilt(web, labWorkerCount > 0);
  const databaseUrl = requireDatabaseUrl();
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const queuePrefix = process.env.QUEUE_PREFIX ? `${process.env.QUEUE_PREFIX}:e2e-${apiPort}` : `e2e_${process.pid}_${apiPort}`;
  const baseEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  const serverEnv = {
    ...baseEnv,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // NODE_ENV=production refuses the development defaults: a throwaway secret for this run, and an SMTP address that
    // nothing here sends to (no learner of these tests asks for reminders).
    UNSUBSCRIBE_SECRET: `e2e-only-unsubscribe-secret-${randomUUID()}`,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    ...env,
  };

  const services: TService[] = [];
  const workers: TService[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => stopService(service)));
  };
  const startWorker = async () => {
    const healthPort = await freePort();
    const worker = startService(`worker-${workers.length + 1}`, process.execPath, ['--no-node-snapshot', WORKER_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...serverEnv, WORKER_HEALTH_HOST: '127.0.0.1', WORKER_HEALTH_PORT: String(healthPort) },
    });
    services.push(worker);
    workers.push(worker);
    await waitForHttp(worker, `http://127.0.0.1:${healthPort}/ready`, { timeoutMs: READY_TIMEOUT_MS });
    return worker;
  };

  try {
    const api = startService('api', process.execPath, [API_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...serverEnv, API_HOST: '127.0.0.1', API_PORT: String(apiPort), WEB_ORIGIN: webUrl },
    });
    services.push(api);
    const ready: Promise<unknown>[] = [waitForHttp(api, `${apiUrl}/api/ready`, { timeoutMs: READY_TIMEOUT_MS })];
    if (web) {
      const webApp = startService('web', NEXT_BIN, ['start', '-p', String(webPort)], {
        cwd: WEB_DIR,
        env: { ...baseEnv, API_URL: apiUrl },
      });
      services.push(webApp);
      ready.push(waitForHttp(webApp, `${webUrl}/`, { timeoutMs: READY_TIMEOUT_MS }));
    }
    for (let i = 0; i < workerCount; i++) ready.push(startWorker());
    for (let i = 0; i < labWorkerCount; i++) {
      const healthPort = await freePort();
      // Only what a lab host gets: Redis and the queue prefix, no database credentials; no GPU even where one is.
      const labWorker = startService(`lab-worker-${i + 1}`, process.execPath, [LAB_WORKER_ENTRY], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? '/tmp',
          NODE_ENV: 'production',
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          QUEUE_PREFIX: queuePrefix,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          LAB_GPUS: 'none',
          LAB_CPU_SLOTS: '1',
          LAB_WORKER_HEALTH_PORT: String(healthPort),
          ...env,
        },
      });
      services.push(labWorker);
      ready.push(waitForHttp(labWorker, `http://127.0.0.1:${healthPort}/ready`, { timeoutMs: READY_TIMEOUT_MS }));
    }
    await Promise.all(ready);
  } catch (error) {
    await stop();
    throw error;
  }
  const stopApi = async () => {
    const api = services.find((service) => service.name === 'api');
    if (api) await stopService(api);
  };
  return { webUrl, apiUrl, queuePrefix, workers, startWorker, stopApi, stop };
}
