import os from 'node:os';
import { z } from 'zod';

const ZPostgresUrl = z
  .string()
  .url({ message: 'must be a URL like postgresql://user:password@host:5432/database' })
  .refine((u) => /^postgres(ql)?:\/\//.test(u), { message: 'must start with postgresql://' });
const ZRedisUrl = z
  .string()
  .url({ message: 'must be a URL like redis://host:6379' })
  .refine((u) => /^rediss?:\/\//.test(u), { message: 'must start with redis:// or rediss://' });
const ZPort = z.coerce.number().int().min(0).max(65535);

const shared = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: ZPostgresUrl.default('postgresql://postgres@127.0.0.1:5432/interview_prep'),
  REDIS_URL: ZRedisUrl.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w:-]+$/)
    .default('prep'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Tries per grading job before the submission ends as internal_error; retries back off exponentially from GRADING_BACKOFF_MS. */
  GRADING_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  GRADING_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
};

export const ZApiEnv = z.object({
  ...shared,
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: ZPort.default(4000),
  WEB_ORIGIN: z
    .url()
    .default('http://localhost:3000')
    .transform((u) => new URL(u).origin),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Queued or running submissions one learner may have; one more answers 429. */
  SUBMISSIONS_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100).default(2),
  /** Submissions (runs and submits) one learner may make per minute. */
  SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /**
   * Load shedding (429) so latency stays bounded past capacity: when the oldest waiting grading job has waited longer
   * than GRADING_MAX_WAIT_MS, or GRADING_MAX_BACKLOG jobs are waiting.
   */
  GRADING_MAX_WAIT_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
  GRADING_MAX_BACKLOG: z.coerce.number().int().min(1).max(100_000).default(500),
});
export type ApiEnv = z.infer<typeof ZApiEnv>;

export const ZWorkerEnv = z.object({
  ...shared,
  /** Address of the worker's /health and /ready; loopback unless an orchestrator needs to reach it. */
  WORKER_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_HEALTH_PORT: ZPort.default(4001),
  /** Content the worker grades against (reference solutions, tests); default: the built-in packages/problems. */
  CONTENT_ROOT: z.string().min(1).optional(),
  /** Sandbox processes; the grading queue's concurrency matches it. */
  GRADER_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism())),
  /** A grading job whose worker stops renewing its lock for this long (it died) is graded again by another. */
  GRADING_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** How often workers look for such stalled jobs. */
  GRADING_STALLED_INTERVAL_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** How often the sweeper looks for stuck submissions and abandoned attempts. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** A submission still queued or running after this long is re-queued if its job is lost, or failed if it keeps failing. */
  SUBMISSION_STUCK_AFTER_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
});
export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

export const ZCliEnv = z.object({ ...shared });
export type CliEnv = z.infer<typeof ZCliEnv>;

export class ConfigError extends Error {}

/** Parses the environment; the error names every bad variable and why, in one line each. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
}

/** For entry points: parse `process.env` (the only place that reads it) or exit with the message. */
export function loadEnvOrExit<S extends z.ZodType>(schema: S): z.infer<S> {
  try {
    return parseEnv(schema, process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

/** postgresql://user:secret@host/db → postgresql://user:***@host/db, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
}
