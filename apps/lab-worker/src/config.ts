import os from 'node:os';
import { z } from 'zod';

const ZRedisUrl = z
  .string()
  .url({ message: 'must be a URL like redis://host:6379' })
  .refine((u) => /^rediss?:\/\//.test(u), { message: 'must start with redis:// or rediss://' });

const ZGpus = z
  .string()
  .regex(/^(auto|none|\d+(,\d+)*)$/, { message: 'auto, none, or a comma-separated list of GPU indices' })
  .default('auto');

/**
 * The lab worker's environment. It needs Redis and nothing else: no database, no session secret.
 * Only this module reads process.env (through loadConfigOrExit in main.ts and cli.ts).
 */
export const ZLabWorkerEnv = z.object({
  REDIS_URL: ZRedisUrl.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w:-]+$/)
    .default('prep'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** bubblewrap on a plain host, docker on production GPU hosts, none only for development. */
  LAB_SANDBOX: z.enum(['bubblewrap', 'docker', 'none']).default('bubblewrap'),
  /** Python with PyTorch for the judge (and for the runner with bubblewrap or none). */
  LAB_PYTHON: z.string().min(1).default('/usr/bin/python3'),
  /** Which GPUs to use: auto (every GPU nvidia-smi lists), none, or indices such as 0,2. */
  LAB_GPUS: ZGpus,
  /** Sandbox slots when there is no GPU. */
  LAB_CPU_SLOTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(Math.max(1, Math.floor(os.availableParallelism() / 2))),
  /** Torch/OpenMP threads in each sandbox (default: the cores divided among the slots). */
  LAB_THREADS_PER_SLOT: z.coerce.number().int().min(1).max(256).optional(),
  /** First uid of the sandboxes when the worker runs as root (slot i runs as uid + i). */
  LAB_SANDBOX_UID: z.coerce.number().int().min(1000).max(4_000_000_000).default(60_000),
  /** Size of each sandbox's private /tmp (a tmpfs the host never touches). */
  LAB_SCRATCH_MB: z.coerce.number().int().min(1).max(4096).default(64),
  LAB_DOCKER_BIN: z.string().min(1).default('docker'),
  LAB_DOCKER_IMAGE: z.string().min(1).default('recall-prep-lab-sandbox:local'),
  /** Python inside the docker sandbox image. */
  LAB_DOCKER_PYTHON: z.string().min(1).default('python3'),
  /** Health, readiness and Prometheus metrics (0 = off). */
  LAB_WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  /** How long a job's lock lasts without renewal: a worker killed mid-job gives its job back after this. */
  LAB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  LAB_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** Content root with labs/ (default: the built-in content of packages/problems). */
  LAB_CONTENT_ROOT: z.string().min(1).optional(),
});
export type LabWorkerEnv = z.infer<typeof ZLabWorkerEnv>;

export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv): LabWorkerEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = ZLabWorkerEnv.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
}

export function loadConfigOrExit(): LabWorkerEnv {
  try {
    return parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
