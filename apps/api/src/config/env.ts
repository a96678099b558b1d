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
};

export const ZApiEnv = z
  .object({
    ...shared,
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: ZPort.default(4000),
    WEB_ORIGIN: z
      .url()
      .default('http://localhost:3000')
      .transform((u) => new URL(u).origin),
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
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither' });
    } else if (env.ADMIN_PASSWORD !== undefined) {
      const problem = passwordProblem(env.ADMIN_PASSWORD);
      if (problem) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: problem });
    }
  });
export type ApiEnv = z.infer<typeof ZApiEnv>;

export const ZWorkerEnv = z.object({
  ...shared,
  WORKER_HEALTH_PORT: ZPort.default(4001),
  GRADER_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism())),
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
