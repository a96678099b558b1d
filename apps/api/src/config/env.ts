import { isIP } from 'node:net';
import os from 'node:os';
import { z } from 'zod';
import { ZEmail } from '@prep/contracts';
import { passwordProblem } from '../modules/auth/password-policy';

const ZPostgresUrl = z
  .string()
  .url({ message: 'must be a URL like postgresql://user:password@host:5432/database' })
  .refine((u) => /^postgres(ql)?:\/\//.test(u), { message: 'must start with postgresql://' });
const ZRedisUrl = z
  .string()
  .url({ message: 'must be a URL like redis://host:6379' })
  .refine((u) => /^rediss?:\/\//.test(u), { message: 'must start with redis:// or rediss://' });
const ZPort = z.coerce.number().int().min(0).max(65535);
function isIpOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}
const ZCount = (max: number) => z.coerce.number().int().min(1).max(max);

const shared = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: ZPostgresUrl.default('postgresql://postgres@127.0.0.1:5432/interview_prep'),
  REDIS_URL: ZRedisUrl.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w:-]+$/)
    .default('prep'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** pretty: short readable lines; json: one JSON object per line; auto: pretty when stdout is a terminal. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Tries per grading job before the submission ends as internal_error; retries back off exponentially from GRADING_BACKOFF_MS. */
  GRADING_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  GRADING_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
};

/** Only for local runs: production refuses it (see `refuseDevelopmentSecrets`), so links signed with it never leave a laptop. */
export const DEVELOPMENT_UNSUBSCRIBE_SECRET = 'development-only-unsubscribe-secret-not-for-production';

/** What the API and the worker need to build and check links into the web app (reminder emails, unsubscribe). */
const links = {
  WEB_ORIGIN: z
    .url()
    .default('http://localhost:3000')
    .transform((u) => new URL(u).origin),
  UNSUBSCRIBE_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 characters (e.g. openssl rand -base64 48)' })
    .default(DEVELOPMENT_UNSUBSCRIBE_SECRET),
};

export type LinksEnv = { WEB_ORIGIN: string; UNSUBSCRIBE_SECRET: string };

function refuseDevelopmentSecrets(env: { NODE_ENV: string; UNSUBSCRIBE_SECRET: string }, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && env.UNSUBSCRIBE_SECRET === DEVELOPMENT_UNSUBSCRIBE_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['UNSUBSCRIBE_SECRET'], message: 'must be set in production (32+ random characters)' });
  }
}

export const ZApiEnv = z
  .object({
    ...shared,
    ...links,
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: ZPort.default(4000),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** The first admin of a deployment: created at boot when no account has this email; never overwritten. */
    ADMIN_EMAIL: ZEmail.optional(),
    ADMIN_PASSWORD: z.string().optional(),
    /** Proxies whose X-Forwarded-For is believed, as Fastify's trustProxy list (the web app proxies /api from loopback). */
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .transform((list) => list.split(',').map((entry) => entry.trim()))
      .refine((entries) => entries.every((e) => ['loopback', 'linklocal', 'uniquelocal'].includes(e) || isIpOrCidr(e)), {
        message: 'must be a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal',
      }),
    // Sign-in and sign-up throttling (see SignInThrottle).
    LOGIN_MAX_FAILURES: ZCount(1000).default(5),
    LOGIN_BLOCK_SECONDS: ZCount(86_400).default(60),
    LOGIN_MAX_FAILURES_PER_IP: ZCount(1_000_000).default(50),
    LOGIN_ACCOUNT_SLOWDOWN_AFTER: ZCount(1_000_000).default(10),
    LOGIN_MAX_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(2000),
    REGISTER_MAX_PER_IP: ZCount(1_000_000).default(20),
    /** Queued or running submissions one learner may have; one more answers 429. */
    SUBMISSIONS_MAX_IN_FLIGHT: ZCount(100).default(2),
    /** Submissions (runs and submits) one learner may make per minute. */
    SUBMISSIONS_PER_MINUTE: ZCount(10_000).default(30),
    /**
     * Load shedding (429) so latency stays bounded past capacity: when the oldest waiting grading job has waited longer
     * than GRADING_MAX_WAIT_MS, or GRADING_MAX_BACKLOG jobs are waiting.
     */
    GRADING_MAX_WAIT_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
    GRADING_MAX_BACKLOG: ZCount(100_000).default(500),
  })
  .superRefine((env, ctx) => {
    refuseDevelopmentSecrets(env, ctx);
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither' });
    } else if (env.ADMIN_PASSWORD !== undefined) {
      const problem = passwordProblem(env.ADMIN_PASSWORD);
      if (problem) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: problem });
    }
  });
export type ApiEnv = z.infer<typeof ZApiEnv>;

/** `console` prints each mail to the worker's log instead of sending it (development without an SMTP server). */
export const CONSOLE_MAIL = 'console';

const ZSmtpUrl = z.string().refine((u) => u === CONSOLE_MAIL || (/^smtps?:\/\//.test(u) && URL.canParse(u)), {
  message: `must be smtp://[user:password@]host:port, smtps://… or "${CONSOLE_MAIL}"`,
});

export const ZWorkerEnv = z
  .object({
    ...shared,
    ...links,
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
    SMTP_URL: ZSmtpUrl.default(CONSOLE_MAIL),
    MAIL_FROM: z.string().min(3).default('Recall Prep <reminders@localhost>'),
    REMINDER_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    REMINDER_RETRY_DELAY_MS: z.coerce.number().int().min(1).max(3_600_000).default(60_000),
  })
  .superRefine((env, ctx) => {
    refuseDevelopmentSecrets(env, ctx);
    if (env.NODE_ENV === 'production' && env.SMTP_URL === CONSOLE_MAIL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'must name an SMTP server in production' });
    }
  });
export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

export const ZCliEnv = z.object({
  ...shared,
  /** `admin:create` takes the password from here when set (otherwise it prompts, or reads standard input). */
  ADMIN_PASSWORD: z.string().optional(),
});
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
