import { z } from 'zod';
import { ZContentVersion, ZSlug } from './content';
import { ZDraft } from './problems';
import { ZItemState, ZRating } from './study';
import { ZLabCheck, ZLabDetail, ZLabEnvironment, ZLabSlot, ZLabSummary, ZLabVerdict, LAB_CODE_MAX_BYTES, type TLabVerdict } from './labs';

const ZInstant = z.iso.datetime();

// ---------------------------------------------------------------------------------------------------------------
// The HTTP API of labs (issue 12): list, page, submit, result, live events, history, draft.
// Routes: GET /api/labs, GET /api/labs/:slug, POST|GET /api/labs/:slug/submissions, PUT /api/labs/:slug/draft,
// GET /api/lab-submissions/:id, GET /api/lab-submissions/:id/events.

/** Verdicts that count as a failed submission (the grader failing is never the learner's fault). */
export const LAB_FAILED_VERDICTS: readonly TLabVerdict[] = ZLabVerdict.options.filter((v) => v !== 'accepted' && v !== 'internal_error');

/**
 * How a graded lab submission rates `lab:<slug>`. Stated here once: the API docs and the README quote it.
 */
export const LAB_OUTCOME_RATING_RULE = [
  'A lab submission rates the lab only when the lab answers a review: it was never rated, or it is due (not suspended).',
  'The first accepted submission since the lab last became due rates it: `good` when no submission since then failed,',
  '`hard` when one did (any verdict but accepted or internal_error). Failed submissions do not rate on their own.',
  'Later accepted submissions, before the lab is due again, are practice. The rating is recorded as a review of',
  '`lab:<slug>` (source `outcome`), once per submission, however often its result is delivered.',
].join('\n');

/** Where a learner stands with a lab: `due` (review due now; wins), `solved`, `attempted`, `new` (never submitted). */
export const ZLabStatus = z.enum(['new', 'attempted', 'solved', 'due']);
export type TLabStatus = z.infer<typeof ZLabStatus>;

export const ZLabSlugParams = z.strictObject({ slug: ZSlug });
export type TLabSlugParams = z.infer<typeof ZLabSlugParams>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/labs

export const ZLabListItem = ZLabSummary.extend({
  status: ZLabStatus,
  /** When my review of it is next due; null when it was never rated. */
  due: ZInstant.nullable(),
  lastSubmittedAt: ZInstant.nullable(),
});
export type TLabListItem = z.infer<typeof ZLabListItem>;

/** Every live lab, by title. */
export const ZListLabsResponse = z.object({ items: z.array(ZLabListItem) });
export type TListLabsResponse = z.infer<typeof ZListLabsResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Submissions

export const ZLabSubmissionStatus = z.enum(['queued', 'running', 'done']);
export type TLabSubmissionStatus = z.infer<typeof ZLabSubmissionStatus>;

/** POST /api/labs/:slug/submissions. Code over LAB_CODE_MAX_BYTES: 413. */
export const ZCreateLabSubmissionRequest = z.strictObject({
  code: z.string().min(1, { message: 'must not be empty' }),
});
export type TCreateLabSubmissionRequest = z.infer<typeof ZCreateLabSubmissionRequest>;
export const LAB_SUBMISSION_MAX_CODE_BYTES = LAB_CODE_MAX_BYTES;

/** 202: queued; follow it with GET /api/lab-submissions/:id/events or poll GET /api/lab-submissions/:id. */
export const ZLabSubmissionCreated = z.object({ id: z.uuid(), status: z.literal('queued') });
export type TLabSubmissionCreated = z.infer<typeof ZLabSubmissionCreated>;

/** The rating a submission recorded (only on the one that decided the lab's review). */
export const ZLabOutcome = z.object({
  rating: ZRating,
  decidedAt: ZInstant,
  /** When the lab is due next, as the scheduler set it with this rating. */
  due: ZInstant.nullable(),
});
export type TLabOutcome = z.infer<typeof ZLabOutcome>;

/** One lab submission in a list (no code, no checks). */
export const ZLabSubmissionSummary = z.object({
  id: z.uuid(),
  labSlug: ZSlug,
  labVersion: ZContentVersion,
  status: ZLabSubmissionStatus,
  /** Null until done. `internal_error`: we failed, not the code; `message` says what to do. */
  verdict: ZLabVerdict.nullable(),
  /** Where it ran (`cpu` or `gpu`), stated with every verdict; null until done. */
  device: z.enum(['gpu', 'cpu']).nullable(),
  createdAt: ZInstant,
  finishedAt: ZInstant.nullable(),
});
export type TLabSubmissionSummary = z.infer<typeof ZLabSubmissionSummary>;

/** Which worker graded it (for the learner: where it ran; for support: which host). */
export const ZLabWorkerInfo = z.object({
  host: z.string(),
  slot: ZLabSlot,
  sandbox: z.enum(['bubblewrap', 'docker', 'none']),
});
export type TLabWorkerInfo = z.infer<typeof ZLabWorkerInfo>;

/** GET /api/lab-submissions/:id: a submission with its whole result. */
export const ZLabSubmissionView = ZLabSubmissionSummary.extend({
  code: z.string(),
  /** A one-line explanation of the verdict. */
  message: z.string().nullable(),
  /** In the order the lab runs them; the first failed one decided the verdict. */
  checks: z.array(ZLabCheck),
  /** Lab-specific figures: timings against the PyTorch reference (GPU), memory, passes per token. */
  metrics: z.record(z.string(), z.unknown()),
  /** Device, torch, python, fp16 (native/emulated); null until done (or when grading failed before it ran). */
  environment: ZLabEnvironment.nullable(),
  /** What the solution printed (capped). */
  output: z.string(),
  /** The judge's wall-clock time; null until done. */
  wallTimeMs: z.number().nullable(),
  worker: ZLabWorkerInfo.nullable(),
  /** Which run of the grading job produced the result (1 = first; more after a worker was lost). */
  attempt: z.number().int().nullable(),
  startedAt: ZInstant.nullable(),
  /** Set on the submission that rated the lab (see LAB_OUTCOME_RATING_RULE). */
  outcome: ZLabOutcome.nullable(),
});
export type TLabSubmissionView = z.infer<typeof ZLabSubmissionView>;

export const ZLabSubmissionIdParams = z.strictObject({ id: z.uuid({ message: 'must be a lab submission id' }) });
export type TLabSubmissionIdParams = z.infer<typeof ZLabSubmissionIdParams>;

/** GET /api/labs/:slug/submissions: my submissions of one lab, newest first. */
export const ZListLabSubmissionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type TListLabSubmissionsQuery = z.infer<typeof ZListLabSubmissionsQuery>;

export const ZListLabSubmissionsResponse = z.object({
  items: z.array(ZLabSubmissionSummary),
  nextCursor: z.string().nullable(),
});
export type TListLabSubmissionsResponse = z.infer<typeof ZListLabSubmissionsResponse>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/lab-submissions/:id/events (Server-Sent Events)

/**
 * In order: `queued`, `started` (a slot took it: which device), `done` (the whole submission; then the stream closes).
 * Each SSE message has `event: <type>`, `data: <this JSON>` and an `id` to resume from with Last-Event-ID. A late or
 * reconnecting client gets what it missed (once done, just `done`). A second `started` (`attempt` > 1) means a lab
 * worker was lost and grading began again.
 */
export const ZLabSubmissionEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queued'), submissionId: z.uuid() }),
  z.object({
    type: z.literal('started'),
    submissionId: z.uuid(),
    attempt: z.number().int().min(1),
    /** The slot that runs it: `kind` cpu or gpu, and the GPU index for gpu slots. */
    slot: ZLabSlot.nullable(),
    device: z.enum(['gpu', 'cpu']).nullable(),
  }),
  z.object({ type: z.literal('done'), submission: ZLabSubmissionView }),
]);
export type TLabSubmissionEvent = z.infer<typeof ZLabSubmissionEvent>;
export type TLabSubmissionEventType = TLabSubmissionEvent['type'];

// ---------------------------------------------------------------------------------------------------------------
// GET /api/labs/:slug

/** Everything the lab page shows. The editorial, the reference and the judge are not included. */
export const ZLabPage = z.object({
  lab: ZLabDetail,
  status: ZLabStatus,
  /** My autosaved code; null: start from the starter. */
  draft: ZDraft.nullable(),
  /** My latest submission, without its code. */
  lastSubmission: ZLabSubmissionSummary.nullable(),
  /** My scheduling state of `lab:<slug>` (state `new` with no due time until first rated). */
  review: ZItemState,
});
export type TLabPage = z.infer<typeof ZLabPage>;

// PUT /api/labs/:slug/draft takes ZSaveDraftRequest and answers ZSaveDraftResponse (the problems' shapes).
