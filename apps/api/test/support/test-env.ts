import { randomUUID } from 'node:crypto';
import { parseEnv, ZApiEnv, ZWorkerEnv, type ApiEnv, type WorkerEnv } from '../../src/config/env';

export const WEB_ORIGIN = 'http://localhost:3000';

/** Config for tests: the services `npm test` resolved (DATABASE_URL points at a fresh test database). */
export function testApiEnv(overrides: Partial<Record<string, string>> = {}): ApiEnv {
  return parseEnv(ZApiEnv, { ...process.env, LOG_LEVEL: 'silent', WEB_ORIGIN, ...overrides });
}

/** Worker config for tests: one sandbox process (a worker context starts its grader pool at boot) unless asked. */
export function testWorkerEnv(overrides: Partial<Record<string, string>> = {}): WorkerEnv {
  return parseEnv(ZWorkerEnv, { ...process.env, LOG_LEVEL: 'silent', WORKER_HEALTH_PORT: '0', GRADER_POOL_SIZE: '1', ...overrides });
}

/** A queue prefix of its own, so parallel test files never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}
