import { z } from 'zod';
import { DEFAULT_EXPECTED_MINUTES, ZSlug } from './content';
import { ZRating } from './study';
import { ZCompileDiagnostic, ZCustomTest, ZGradeMode, ZTestResult, ZTestStatus, ZVerdict } from './grading';

const ZInstant = z.iso.datetime();

/** Code above this many UTF-8 bytes is refused with 413 `payload_too_large` (submissions and drafts). */
export const MAX_CODE_BYTES = 64 * 1024;
/** The learner's custom inputs (run mode), as JSON, above this many bytes: 413 `payload_too_large`. */
export const MAX_CUSTOM_TESTS_BYTES = 16 * 1024;
/** At most this many custom inputs per run. */
export const MAX_CUSTOM_TESTS = 20;

/** An attempt with a failed submit and no accepted one for this long is rated `again`. */
export const ATTEMPT_ABANDONED_AFTER_HOURS = 12;

/**
 * How a graded attempt rates the problem (`submit` only; `run` never rates). Stated here once: the API docs and the
 * README quote it.
 */
export const OUTCOME_RATING_RULE = [
  'An attempt is the work on a problem since it last became due (for a problem never rated: since it was first opened).',
  'It is rated once, by the first of these:',
  '- the first accepted submit: `again` if the editorial, reference or my earlier accepted code was revealed before it;',
  '  `hard` if an earlier submit of the attempt failed (any verdict but accepted or internal_error) or a hint was revealed;',
  '  `easy` if it was the first submit, with no hints, within the expected time (from first opening the problem in this',
  "  attempt to submitting; the problem's `expectedMinutes`, by default " +
    `${DEFAULT_EXPECTED_MINUTES.easy} / ${DEFAULT_EXPECTED_MINUTES.medium} / ${DEFAULT_EXPECTED_MINUTES.hard} minutes for easy / medium / hard);`,
  '  otherwise `good`;',
  '- revealing the editorial or reference before any accepted submit: `again`, at once;',
  `- an attempt with a failed submit and no accepted one for ${ATTEMPT_ABANDONED_AFTER_HOURS} hours: \`again\` (not accepted).`,
  'Only an attempt that answers a due review (or a problem never rated) counts; later accepted submits are practice,',
  'and so is work on a suspended problem. The rating is recorded as a review of `problem:<slug>` (source `outcome`),',
  'which the learner may override once (POST /api/review/problem:<slug>/override).',
  'Rating the problem by hand in a review session (POST /api/review/problem:<slug>) or marking it known answers its',
  'due review instead, as in Anki: the open attempt ends without a rating, and accepted submits until the problem is',
  'due again are practice. Once a submit has rated the problem, rating it by hand before it is due again is refused (409).',
].join('\n');

/** What decided an attempt's rating. */
export const ZOutcomeReason = z.enum(['accepted', 'revealed', 'abandoned']);
export type TOutcomeReason = z.infer<typeof ZOutcomeReason>;

/** The rating one attempt produced, and when the scheduler made the problem due next. */
export const ZAttemptOutcome = z.object({
  rating: ZRating,
  reason: ZOutcomeReason,
  decidedAt: ZInstant,
  /** The accepted submit that decided it (null when a reveal or abandonment did). */
  submissionId: z.uuid().nullable(),
  /** When the problem is due next, as the scheduler set it with this rating. */
  due: ZInstant.nullable(),
});
export type TAttemptOutcome = z.infer<typeof ZAttemptOutcome>;

// ---------------------------------------------------------------------------------------------------------------
// POST /api/problems/:slug/submissions

/**
 * `customTests` (run mode only) are extra inputs: each `args` holds one value per parameter of the function, in order.
 * Oversized code or custom tests: 413. Too many in flight (2 per learner) or too many per minute: 429 with Retry-After.
 */
export const ZCreateSubmissionRequest = z.strictObject({
  code: z.string().min(1, { message: 'must not be empty' }),
  mode: ZGradeMode,
  customTests: z.array(ZCustomTest).max(MAX_CUSTOM_TESTS).optional(),
});
export type TCreateSubmissionRequest = z.infer<typeof ZCreateSubmissionRequest>;

export const ZSubmissionStatus = z.enum(['queued', 'running', 'done']);
export type TSubmissionStatus = z.infer<typeof ZSubmissionStatus>;

/** 202: queued; follow it with GET /api/submissions/:id/events or poll GET /api/submissions/:id. */
export const ZSubmissionCreated = z.object({ id: z.uuid(), status: z.literal('queued') });
export type TSubmissionCreated = z.infer<typeof ZSubmissionCreated>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/submissions/:id and the history

/** One submission in a list (no code, no per-test detail). */
export const ZSubmissionSummary = z.object({
  id: z.uuid(),
  problemSlug: ZSlug,
  /** The problem version it was (or will be) graded against. */
  problemVersion: z.number().int(),
  mode: ZGradeMode,
  status: ZSubmissionStatus,
  /** Null until done. `internal_error` means we failed, not the code: `message` says to submit again. */
  verdict: ZVerdict.nullable(),
  passed: z.number().int().nullable(),
  total: z.number().int().nullable(),
  /** CPU time of the learner's code over all tests that ran. */
  runtimeMs: z.number().nullable(),
  createdAt: ZInstant,
  finishedAt: ZInstant.nullable(),
});
export type TSubmissionSummary = z.infer<typeof ZSubmissionSummary>;

export const ZSubmissionTimings = z.object({
  /** From creation until a worker started grading. */
  queuedMs: z.number().nullable(),
  /** The grader's own wall-clock time (compile + tests + judging). */
  gradeMs: z.number().nullable(),
  /** CPU time of the learner's code. */
  cpuMs: z.number().nullable(),
  /** From creation until the verdict was stored. */
  totalMs: z.number().nullable(),
});
export type TSubmissionTimings = z.infer<typeof ZSubmissionTimings>;

/**
 * A submission with its result. Tests are in file order; in submit mode hidden tests show only `{ index, status }`
 * and tests after the first failure are `skipped` (exactly as the grader redacts them).
 */
export const ZSubmissionView = ZSubmissionSummary.extend({
  code: z.string(),
  customTests: z.array(ZCustomTest).nullable(),
  tests: z.array(ZTestResult),
  /** Compile errors with the line and column in the learner's code (verdict `compilation_error`). */
  compileErrors: z.array(ZCompileDiagnostic),
  /** A one-line explanation of the verdict (the first failure, or why grading failed). */
  message: z.string().nullable(),
  timings: ZSubmissionTimings,
  startedAt: ZInstant.nullable(),
  /** Set on the submit that decided the attempt's rating. */
  outcome: ZAttemptOutcome.nullable(),
});
export type TSubmissionView = z.infer<typeof ZSubmissionView>;

export const ZSubmissionIdParams = z.strictObject({ id: z.uuid({ message: 'must be a submission id' }) });
export type TSubmissionIdParams = z.infer<typeof ZSubmissionIdParams>;

/** GET /api/problems/:slug/submissions: my submissions of one problem, newest first. */
export const ZListSubmissionsQuery = z.strictObject({
  mode: ZGradeMode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type TListSubmissionsQuery = z.infer<typeof ZListSubmissionsQuery>;

export const ZListSubmissionsResponse = z.object({
  items: z.array(ZSubmissionSummary),
  nextCursor: z.string().nullable(),
});
export type TListSubmissionsResponse = z.infer<typeof ZListSubmissionsResponse>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/submissions/:id/events (Server-Sent Events)

/** One finished test while grading. Hidden tests carry no time (like the result, which shows them as index + status). */
export const ZTestProgress = z.object({
  index: z.number().int(),
  status: ZTestStatus,
  timeMs: z.number().optional(),
});
export type TTestProgress = z.infer<typeof ZTestProgress>;

/**
 * The events of a submission's stream, in order: `queued`, `started`, one `test` per finished test, `done` (then the
 * stream closes). Each SSE message has `event: <type>`, `data: <this JSON>` and an `id` to resume from with
 * Last-Event-ID. A late or reconnecting client gets what it missed (or, once done, just `done`). A second `started`
 * (`attempt` > 1) means a worker was lost and grading began again: drop the test events received so far.
 */
export const ZSubmissionEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queued'), submissionId: z.uuid() }),
  z.object({
    type: z.literal('started'),
    submissionId: z.uuid(),
    attempt: z.number().int().min(1),
    /** How many tests will run (their `test` events are indexed 0..total-1). */
    total: z.number().int(),
  }),
  ZTestProgress.extend({ type: z.literal('test'), submissionId: z.uuid() }),
  z.object({ type: z.literal('done'), submission: ZSubmissionView }),
]);
export type TSubmissionEvent = z.infer<typeof ZSubmissionEvent>;
export type TSubmissionEventType = TSubmissionEvent['type'];

// ---------------------------------------------------------------------------------------------------------------
// The grading queue (QueueName.Grading)

export const GradingJob = { Grade: 'grade' } as const;

/** Job id = submission id, so a retried enqueue is one job. The worker reads the code from Postgres. */
export const ZGradeJob = z.object({ submissionId: z.uuid(), mode: ZGradeMode });
export type TGradeJob = z.infer<typeof ZGradeJob>;

/** BullMQ priorities: `run` jobs carry none, and BullMQ serves those before any prioritised (`submit`) job. */
export const GRADING_PRIORITY: Record<z.infer<typeof ZGradeMode>, number> = { run: 0, submit: 1 };
