import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, startService, stopService, waitForHttp, type TService } from './processes';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const API_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const WEB_DIR = path.join(REPO_ROOT, 'apps/web');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/.bin/next');
const READY_TIMEOUT_MS = 120_000;

/** The built product (API + web) running on free ports against the test database. */
export type TStack = {
  webUrl: string;
  apiUrl: string;
  stop(): Promise<void>;
};

function assertBuilt(): void {
  const missing = [API_ENTRY, path.join(WEB_DIR, '.next/BUILD_ID')].filter((file) => !existsSync(file));
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

export async function startStack(): Promise<TStack> {
  assertBuilt();
  const databaseUrl = requireDatabaseUrl();
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const baseEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };

  const services: TService[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => stopService(service)));
  };

  try {
    services.push(
      startService('api', process.execPath, [API_ENTRY], {
        cwd: REPO_ROOT,
        env: {
          ...baseEnv,
          API_HOST: '127.0.0.1',
          API_PORT: String(apiPort),
          WEB_ORIGIN: webUrl,
          // NODE_ENV=production refuses the development default; a throwaway secret for this run.
          UNSUBSCRIBE_SECRET: `e2e-only-unsubscribe-secret-${randomUUID()}`,
          DATABASE_URL: databaseUrl,
          QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? `e2e_${process.pid}`,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        },
      }),
      startService('web', NEXT_BIN, ['start', '-p', String(webPort)], {
        cwd: WEB_DIR,
        env: { ...baseEnv, API_URL: apiUrl },
      }),
    );
    const [api, web] = services as [TService, TService];
    await Promise.all([
      waitForHttp(api, `${apiUrl}/api/ready`, { timeoutMs: READY_TIMEOUT_MS }),
      waitForHttp(web, `${webUrl}/`, { timeoutMs: READY_TIMEOUT_MS }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, stop };
}
