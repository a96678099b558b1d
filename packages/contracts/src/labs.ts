import { z } from 'zod';
import { ZContentVersion, ZDifficulty, ZProblemMeta, ZSlug } from './content';

// ---------------------------------------------------------------------------
// Queues. The API enqueues a submission on `labs` (any device) or `labs-gpu` (labs that need a
// GPU); lab workers consume them and answer on `lab-results`, which the main worker persists.
// Only Redis links them: a GPU host gets no database credentials.

export const LabQueueName = {
  /** Labs that run on a CPU or a GPU (`device: any | cpu`). Every lab worker consumes it. */
  Labs: 'labs',
  /** Labs that need a GPU. Only lab workers with a GPU consume it. */
  LabsGpu: 'labs-gpu',
  /** Results, one job per submission (job id = submission id), durable until the main worker persists them. */
  LabResults: 'lab-results',
} as const;
export type LabQueueName = (typeof LabQueueName)[keyof typeof LabQueueName];

export const LabJobName = { Grade: 'grade-lab', Result: 'lab-result' } as const;

// ---------------------------------------------------------------------------
// Content: packages/problems/labs/<slug>/lab.md frontmatter.

export const ZLabDevice = z.enum(['gpu', 'cpu', 'any']).describe('where the lab can run: gpu-only, cpu-only, or either');
export type TLabDevice = z.infer<typeof ZLabDevice>;

export const ZLabEntry = z.strictObject({
  /** A function or class the learner's solution.py must define. */
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  kind: z.enum(['function', 'class']),
  /** The Python signature as shown to learners, e.g. `def attention(q, k, v, causal) -> Tensor`. */
  signature: z.string().min(5).max(400),
});
export type TLabEntry = z.infer<typeof ZLabEntry>;

export const ZLabLimits = z.strictObject({
  /** Wall-clock budget for one whole evaluation (every sandbox it starts). */
  wallSec: z.number().int().min(10).max(1800).default(300),
  /** Wall-clock limit for one call into the solution. */
  callSec: z.number().int().min(1).max(600).default(60),
  /** CPU time of one sandbox (RLIMIT_CPU). */
  cpuSec: z.number().int().min(5).max(1800).default(240),
  /** Address space of one sandbox, MiB (RLIMIT_AS; the container's memory limit with Docker). */
  memoryMb: z.number().int().min(512).max(65536).default(4096),
});
export type TLabLimits = z.infer<typeof ZLabLimits>;

/** lab.md frontmatter: a problem's title, version, difficulty, tags and decks, plus what a lab needs. */
export const ZLabMeta = ZProblemMeta.pick({ title: true, version: true, difficulty: true, tags: true, decks: true }).extend({
  device: ZLabDevice,
  entry: z.array(ZLabEntry).min(1),
  limits: ZLabLimits.default({ wallSec: 300, callSec: 60, cpuSec: 240, memoryMb: 4096 }),
  /** Concept cards (ids) a learner should know before the lab: reviewed with it, shown beside it. */
  concepts: z.array(ZSlug).min(10),
});
export type TLabMeta = z.infer<typeof ZLabMeta>;

// ---------------------------------------------------------------------------
// Verdicts and results.

export const ZLabVerdict = z.enum([
  'accepted',
  'wrong_answer',
  /** Correct output, but over a graded budget (target forward passes per token, tree passes). */
  'budget_exceeded',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'runtime_error',
  /** solution.py does not parse. */
  'compilation_error',
  /** The solution broke the lab's rules: a forbidden API (the reference under another name), a
   * replaced timer or harness function, work left running in a thread or process. */
  'rejected',
  /** The grader failed, not the solution. */
  'internal_error',
]);
export type TLabVerdict = z.infer<typeof ZLabVerdict>;

export const ZLabCheckStatus = z.enum(['passed', 'failed', 'skipped']);

export const ZLabCheck = z.object({
  name: z.string(),
  status: ZLabCheckStatus,
  verdict: ZLabVerdict.optional(),
  message: z.string().optional(),
  /** A trace from the learner's code, when it raised. */
  detail: z.string().optional(),
  timeMs: z.number().optional(),
});
export type TLabCheck = z.infer<typeof ZLabCheck>;

export const ZLabEnvironment = z.object({
  /** Said in every result, so a learner knows what was measured. */
  device: z.enum(['gpu', 'cpu']),
  deviceName: z.string(),
  torch: z.string(),
  python: z.string(),
  /** `emulated`: no FP16 matmul (Debian's CPU torch); FP16 is rounded where autocast would round. */
  fp16: z.enum(['native', 'emulated']),
});
export type TLabEnvironment = z.infer<typeof ZLabEnvironment>;

export const LAB_RESULT_VERSION = 1;

/** What the judge reports for one evaluation. */
export const ZLabEvaluation = z.object({
  verdict: ZLabVerdict,
  message: z.string().nullable(),
  /** In the order the lab runs them; the first failed check decides the verdict, later ones are skipped. */
  checks: z.array(ZLabCheck),
  /** Lab-specific figures: timings against the PyTorch reference (GPU), memory, passes per token. */
  metrics: z.record(z.string(), z.unknown()),
  environment: ZLabEnvironment,
  /** What the solution printed (capped). */
  output: z.string(),
  wallTimeMs: z.number(),
});
export type TLabEvaluation = z.infer<typeof ZLabEvaluation>;

export const ZLabSlot = z.object({
  kind: z.enum(['gpu', 'cpu']),
  index: z.number().int().min(0),
  /** The GPU's index on its host (CUDA_VISIBLE_DEVICES of the job), for gpu slots. */
  gpu: z.number().int().min(0).optional(),
});
export type TLabSlot = z.infer<typeof ZLabSlot>;

// ---------------------------------------------------------------------------
// Job payloads.

export const LAB_CODE_MAX_BYTES = 64 * 1024;

/** `labs` / `labs-gpu` job. Job id = submission id, so a retried enqueue is one job. */
export const ZLabGradeJob = z.strictObject({
  submissionId: z.string().min(1).max(100),
  labSlug: ZSlug,
  /** The lab version the learner submitted against; the worker refuses to grade another. */
  labVersion: ZContentVersion,
  code: z.string().max(LAB_CODE_MAX_BYTES),
  submittedAt: z.iso.datetime(),
});
export type TLabGradeJob = z.infer<typeof ZLabGradeJob>;

/** `lab-results` job (job id = submission id): one per submission, however often its job ran. */
export const ZLabResultJob = z.object({
  version: z.literal(LAB_RESULT_VERSION),
  submissionId: z.string(),
  labSlug: ZSlug,
  labVersion: ZContentVersion,
  evaluation: ZLabEvaluation,
  worker: z.object({ host: z.string(), pid: z.number().int(), slot: ZLabSlot, sandbox: z.enum(['bubblewrap', 'docker', 'none']) }),
  /** Which attempt of the grading job produced this result (1 = first). */
  attempt: z.number().int().min(1),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
});
export type TLabResultJob = z.infer<typeof ZLabResultJob>;

/** Progress the lab worker reports on its job (for the live view over SSE). */
export const ZLabProgress = z.object({
  stage: z.enum(['waiting-for-slot', 'running', 'done']),
  slot: ZLabSlot.optional(),
});
export type TLabProgress = z.infer<typeof ZLabProgress>;

// ---------------------------------------------------------------------------
// What the web app shows of a lab (no judge, no reference, no wrong or cheating solutions).

export const ZLabSummary = z.object({
  slug: ZSlug,
  version: ZContentVersion,
  title: z.string(),
  difficulty: ZDifficulty,
  tags: z.array(z.string()),
  decks: z.array(z.string()),
  device: ZLabDevice,
});
export type TLabSummary = z.infer<typeof ZLabSummary>;

export const ZLabDetail = ZLabSummary.extend({
  entry: z.array(ZLabEntry),
  statement: z.string().describe('Markdown with KaTeX math'),
  background: z.string().describe('Markdown with KaTeX math'),
  starter: z.string(),
  hints: z.array(z.string()),
  limits: ZLabLimits,
  concepts: z.array(ZSlug),
});
export type TLabDetail = z.infer<typeof ZLabDetail>;

// ---------------------------------------------------------------------------
// Loaded, trusted content (packages/problems produces it; the lab worker and the CLI consume it).

/** A known-wrong or known-cheating solution, with the verdict its first line declares. */
export interface LabSolution {
  kind: 'wrong' | 'cheating';
  /** Path relative to the lab folder, e.g. `cheating/patched-timer.py`. */
  file: string;
  expect: TLabVerdict;
  /** The second line: what it does wrong. */
  why: string;
  code: string;
}

export interface LoadedLab {
  slug: string;
  dir: string;
  meta: TLabMeta;
  statement: string;
  background: string;
  hints: string[];
  editorial: string;
  starter: string;
  reference: string;
  solutions: LabSolution[];
}
