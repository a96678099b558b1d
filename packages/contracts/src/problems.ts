import { z } from 'zod';
import { ZDifficulty, ZLimits, ZParam, ZProblemSummary, ZSlug } from './content';
import { ZConceptLink } from './links';
import { ZItemState } from './study';
import { ZAttemptOutcome, ZSubmissionSummary } from './submissions';

const ZInstant = z.iso.datetime();

/**
 * Where a learner stands with a problem: `due` (its review is due now; wins over the others), `solved` (an accepted
 * submit), `attempted` (submitted, never accepted), `new` (never submitted). Runs do not count.
 */
export const ZProblemStatus = z.enum(['new', 'attempted', 'solved', 'due']);
export type TProblemStatus = z.infer<typeof ZProblemStatus>;

export const ZProblemSlugParams = z.strictObject({ slug: ZSlug });
export type TProblemSlugParams = z.infer<typeof ZProblemSlugParams>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/problems

/** Filters combine with AND. `q` matches title, slug and tags (case-insensitive). Ordered by the deck's order when `deck` is given, else by title. */
export const ZListProblemsQuery = z.strictObject({
  deck: ZSlug.optional(),
  tag: ZSlug.optional(),
  difficulty: ZDifficulty.optional(),
  status: ZProblemStatus.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(300).optional(),
});
export type TListProblemsQuery = z.infer<typeof ZListProblemsQuery>;

export const ZProblemListItem = ZProblemSummary.extend({
  status: ZProblemStatus,
  /** When my review of it is next due; null when it was never rated. */
  due: ZInstant.nullable(),
  /** My latest submit (runs excluded); null when none. */
  lastSubmittedAt: ZInstant.nullable(),
});
export type TProblemListItem = z.infer<typeof ZProblemListItem>;

export const ZListProblemsResponse = z.object({
  items: z.array(ZProblemListItem),
  /** How many problems match the filters (all pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type TListProblemsResponse = z.infer<typeof ZListProblemsResponse>;

// ---------------------------------------------------------------------------------------------------------------
// GET /api/problems/:slug

export const ZProblemExample = z.object({
  /** The heading, e.g. "Example 1". */
  title: z.string(),
  body: z.string().describe('Markdown with KaTeX math'),
});

export const ZSampleTest = z.object({
  index: z.number().int(),
  name: z.string(),
  /** One value per parameter, in display form (NaN, Infinity, -0, undefined and bigints as strings). */
  args: z.array(z.unknown()),
  expected: z.unknown(),
});

export const ZRevealedHint = z.object({
  /** 0-based. */
  index: z.number().int(),
  text: z.string().describe('Markdown with KaTeX math'),
});
export type TRevealedHint = z.infer<typeof ZRevealedHint>;

export const ZDraft = z.object({
  code: z.string(),
  /** The client's clock when the learner typed it; the latest wins. */
  clientUpdatedAt: ZInstant,
  /** When the server stored it. */
  savedAt: ZInstant,
});
export type TDraft = z.infer<typeof ZDraft>;

/**
 * My attempt at the problem: the work since it last became due (see OUTCOME_RATING_RULE). Hints, reveals and the
 * draft belong to it, so a problem that comes back starts from the starter with its hints hidden again.
 */
export const ZAttempt = z.object({
  /** True when this attempt answers a due review (or a problem never rated): its outcome rates the problem. False: practice. */
  counts: z.boolean(),
  /** When I first opened the problem in this attempt (the clock for `easy`). */
  openedAt: ZInstant.nullable(),
  hintsRevealed: z.number().int(),
  /** The editorial/reference was revealed in this attempt. */
  revealed: z.boolean(),
  /** Submits of this attempt that failed (any verdict but accepted or internal_error). */
  failedSubmits: z.number().int(),
  /** Set once the attempt is rated. */
  outcome: ZAttemptOutcome.nullable(),
});
export type TAttempt = z.infer<typeof ZAttempt>;

/** Everything the problem page shows. Hints beyond those revealed, the editorial and the reference are not included. */
export const ZProblemPage = z.object({
  problem: ZProblemSummary.extend({
    functionName: z.string(),
    signature: z.string().describe('TypeScript declaration of the function to write'),
    params: z.array(ZParam),
    /** The description, without the examples and constraints sections. */
    statement: z.string().describe('Markdown with KaTeX math'),
    examples: z.array(ZProblemExample),
    constraints: z.string().nullable().describe('Markdown with KaTeX math'),
    starter: z.string(),
    limits: ZLimits,
    expectedMinutes: z.number().int(),
    /** The visible tests `run` mode runs (their answers come from the reference). */
    sampleTests: z.array(ZSampleTest),
    hintCount: z.number().int(),
    hasEditorial: z.boolean(),
  }),
  status: ZProblemStatus,
  /** Hints revealed so far in this attempt, in order. */
  hints: z.array(ZRevealedHint),
  /** My autosaved code in this attempt; null: start from the starter. */
  draft: ZDraft.nullable(),
  /** My latest submission (run or submit), without its code. */
  lastSubmission: ZSubmissionSummary.nullable(),
  attempt: ZAttempt,
  /**
   * My scheduling state of `problem:<slug>` (the same as GET /api/items/problem:<slug>): state `new` with no due time
   * until first rated; `lastOutcome` is the graded outcome I may still override (POST /api/review/problem:<slug>/override).
   */
  review: ZItemState,
  /**
   * "Concepts behind this problem": the live concept cards it builds on, most fundamental first, each with my state
   * (`new`: never studied). Failing the problem brings them into my queue (see LAPSE_CONCEPTS_RULE).
   */
  concepts: z.array(ZConceptLink),
});
export type TProblemPage = z.infer<typeof ZProblemPage>;

// ---------------------------------------------------------------------------------------------------------------
// PUT /api/problems/:slug/draft

/** Autosave. The write with the latest `clientUpdatedAt` wins; an older one is ignored (`applied: false`). Code over MAX_CODE_BYTES: 413. */
export const ZSaveDraftRequest = z.strictObject({
  code: z.string(),
  clientUpdatedAt: ZInstant,
});
export type TSaveDraftRequest = z.infer<typeof ZSaveDraftRequest>;

export const ZSaveDraftResponse = z.object({
  /** The stored draft: this write's, or the newer one that beat it. */
  draft: ZDraft,
  applied: z.boolean(),
});
export type TSaveDraftResponse = z.infer<typeof ZSaveDraftResponse>;

// ---------------------------------------------------------------------------------------------------------------
// POST /api/problems/:slug/hints/next and POST /api/problems/:slug/reveal (no body)

/** The next hint, now revealed and counted in this attempt. 409 `conflict` when all are shown. */
export const ZNextHintResponse = z.object({
  hint: ZRevealedHint,
  revealed: z.number().int(),
  total: z.number().int(),
});
export type TNextHintResponse = z.infer<typeof ZNextHintResponse>;

/** The editorial, the reference solution and my last accepted code; revealing them before acceptance rates the attempt `again`. */
export const ZRevealResponse = z.object({
  editorial: z.string().describe('Markdown with KaTeX math'),
  reference: z.string().describe('TypeScript'),
  myLastAccepted: z.object({ submissionId: z.uuid(), code: z.string(), createdAt: ZInstant }).nullable(),
  /** Set when this reveal decided the attempt (`again`). */
  outcome: ZAttemptOutcome.nullable(),
  attempt: ZAttempt,
});
export type TRevealResponse = z.infer<typeof ZRevealResponse>;
