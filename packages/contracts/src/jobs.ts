import { z } from 'zod';

/** Queue names. Every producer and consumer imports them from here. */
export const QueueName = {
  System: 'system',
  Grading: 'grading',
  /** The per-learner FSRS optimizer (and its weekly sweep). */
  Scheduling: 'scheduling',
  /** The reminder scheduler's 15-minute tick. */
  Reminders: 'reminders',
  /** One reminder email per learner and local date. */
  ReminderEmails: 'reminder-emails',
  /** Checks of admin-authored problems (the grader's authored check, in the sandbox). */
  Authoring: 'authoring',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const SystemJob = { Ping: 'ping' } as const;

export const ZPingJob = z.object({
  /** Used as the BullMQ job id, so retries and double-enqueues collapse into one job. */
  pingId: z.string().min(1).max(100),
  sentAt: z.iso.datetime(),
});
export type TPingJob = z.infer<typeof ZPingJob>;

export const ZPingResult = z.object({
  pingId: z.string(),
  pong: z.literal(true),
  workerPid: z.number().int(),
  answeredAt: z.iso.datetime(),
});
export type TPingResult = z.infer<typeof ZPingResult>;

export const SchedulingJob = {
  /** Fit one learner's FSRS parameters. Job id = `optimize:<optimizationId>`. */
  Optimize: 'optimize',
  /** Weekly: enqueue `optimize` for learners with at least 400 reviews since their last fit. */
  OptimizeSweep: 'optimize-sweep',
} as const;

/** Reviews since the last fit that make the weekly sweep fit a learner again. */
export const WEEKLY_OPTIMIZE_MIN_REVIEWS = 400;

/** The sweep's BullMQ job scheduler id (one schedule however many workers run). */
export const OPTIMIZE_SWEEP_SCHEDULER_ID = 'optimize-sweep-weekly';

export const ZOptimizeJob = z.object({
  /** The FsrsOptimization row this job fills; also the job id, so a double enqueue is one job. */
  optimizationId: z.uuid(),
  userId: z.uuid(),
});
export type TOptimizeJob = z.infer<typeof ZOptimizeJob>;

export const ZOptimizeSweepJob = z.object({});
export type TOptimizeSweepJob = z.infer<typeof ZOptimizeSweepJob>;

/** Jobs of the `authoring` queue (QueueName.Authoring): admin-authored content checked in the worker's sandbox. */
export const AuthoringJob = {
  /** Run the grader's authored check on one problem version. Job id: authoringCheckJobId(versionId, sourceHash). */
  CheckProblem: 'check-problem',
} as const;

export const ZCheckProblemJob = z.object({
  versionId: z.uuid(),
  /** The source hash the check was asked for; a job whose version has changed since stores nothing. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TCheckProblemJob = z.infer<typeof ZCheckProblemJob>;

/** One check per version and source: asking twice for the same source is one job (BullMQ ids cannot hold `:`). */
export const authoringCheckJobId = (versionId: string, sourceHash: string): string => `check-${versionId}-${sourceHash}`;
