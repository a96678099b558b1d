import { z } from 'zod';
import { ZContentVersion, ZDifficulty, ZSlug } from './content';
import { ZAuthoredProblem, ZProblemCheckReport } from './authoring';

const ZInstant = z.iso.datetime();

/**
 * Admin problems: /api/admin/problems (admins only). Built-in problems (packages/problems, synced by content-sync) are
 * read-only here: they can be listed, viewed and forked into an authored copy. Authored problems live in the database
 * as versions: at most one `draft`, at most one `published` (what learners see), the rest `superseded`. Editing a
 * published problem creates or updates its one draft; publishing needs a passing check of the draft's exact source.
 */

/** Where a problem comes from: the repository's content (read-only here) or an admin. */
export const ZProblemSource = z.enum(['builtin', 'authored']);
export type TProblemSource = z.infer<typeof ZProblemSource>;

/** `draft`: never published (invisible to learners); `published`: learners see it; `archived`: retired (progress kept). */
export const ZProblemStatusAdmin = z.enum(['draft', 'published', 'archived']);
export type TProblemStatusAdmin = z.infer<typeof ZProblemStatusAdmin>;

export const ZProblemVersionState = z.enum(['draft', 'published', 'superseded']);
export type TProblemVersionState = z.infer<typeof ZProblemVersionState>;

/** Error codes specific to this slice (in `error.details.reason` of a 409/422, `error.code` stays a stable ErrorCode). */
export const AdminProblemReason = {
  /** A built-in problem cannot be edited, checked, published, archived or restored here: fork it. */
  BuiltinReadOnly: 'builtin_read_only',
  /** There is no draft to check or publish. */
  NoDraft: 'no_draft',
  /** No check of the draft's current source, or one still running. */
  NotChecked: 'not_checked',
  /** The last check of the current source failed: `details.report` names each failure. */
  CheckFailed: 'check_failed',
  /** The slug is taken by another problem (built-in or authored). */
  SlugTaken: 'slug_taken',
  /** The body's `problem.slug` differs from the URL's slug (a problem's slug never changes). */
  SlugMismatch: 'slug_mismatch',
} as const;
export type AdminProblemReason = (typeof AdminProblemReason)[keyof typeof AdminProblemReason];

/** Where a version's check stands. `stale`: there is a report, but for another source than the version's current one. */
export const ZProblemCheckState = z.enum(['none', 'queued', 'passed', 'failed', 'stale']);
export type TProblemCheckState = z.infer<typeof ZProblemCheckState>;

export const ZProblemCheckStatus = z.object({
  versionId: z.uuid(),
  /** The source hash of the version as it is now (the grader's sourceHash). */
  sourceHash: z.string(),
  state: ZProblemCheckState,
  /** The latest report (possibly of an older source: see `state`), null before the first check finished. */
  report: ZProblemCheckReport.nullable(),
  checkedAt: ZInstant.nullable(),
  /** When the check now queued or running was asked for; null when none is pending. */
  requestedAt: ZInstant.nullable(),
});
export type TProblemCheckStatus = z.infer<typeof ZProblemCheckStatus>;

const ZActor = z.object({ id: z.uuid().nullable(), email: z.string().nullable() });

/** One version as the history lists it. */
export const ZProblemVersionSummary = z.object({
  id: z.uuid(),
  /** 1, 2, 3... per problem; never reused. */
  number: z.number().int().min(1),
  state: ZProblemVersionState,
  /** The content version (`version` of the source) learners' work is recorded against. */
  contentVersion: ZContentVersion,
  title: z.string(),
  sourceHash: z.string(),
  check: ZProblemCheckState,
  /** e.g. `builtin:merge-sorted-array@1`, or `version:3` for a restored version. */
  forkedFrom: z.string().nullable(),
  createdAt: ZInstant,
  createdBy: ZActor,
  updatedAt: ZInstant,
  publishedAt: ZInstant.nullable(),
  publishedBy: ZActor.nullable(),
});
export type TProblemVersionSummary = z.infer<typeof ZProblemVersionSummary>;

/** One version with its whole source. */
export const ZProblemVersion = ZProblemVersionSummary.extend({
  source: ZAuthoredProblem,
  checkStatus: ZProblemCheckStatus,
});
export type TProblemVersion = z.infer<typeof ZProblemVersion>;

/** A problem in the admin list. */
export const ZAdminProblemListItem = z.object({
  slug: ZSlug,
  source: ZProblemSource,
  status: ZProblemStatusAdmin,
  /** The head's title (the draft's title for a problem never published). */
  title: z.string(),
  difficulty: ZDifficulty,
  tags: z.array(z.string()),
  decks: z.array(z.string()),
  /** The content version learners see (for a never-published draft, its source's). */
  version: ZContentVersion,
  /** True when an authored problem has a draft (unpublished changes). */
  hasDraft: z.boolean(),
  retiredAt: ZInstant.nullable(),
  updatedAt: ZInstant,
});
export type TAdminProblemListItem = z.infer<typeof ZAdminProblemListItem>;

/** GET /api/admin/problems?q=&source=&status=&limit=&offset= : by title; filters combine with AND. */
export const ZAdminProblemListQuery = z.strictObject({
  /** Case-insensitive substring of the title or the slug. */
  q: z.string().trim().min(1).max(100).optional(),
  source: ZProblemSource.optional(),
  status: ZProblemStatusAdmin.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TAdminProblemListQuery = z.infer<typeof ZAdminProblemListQuery>;

export const ZAdminProblemListResponse = z.object({
  problems: z.array(ZAdminProblemListItem),
  total: z.number().int(),
});
export type TAdminProblemListResponse = z.infer<typeof ZAdminProblemListResponse>;

/**
 * GET /api/admin/problems/:slug (and the answer of every change). For a built-in problem `readOnly` is true, `draft`
 * and `published` are null, and `builtinSource` is the problem read from its files as an authored source (what a fork
 * would start from; null when it cannot be expressed as one, e.g. it has a custom checker).
 */
export const ZAdminProblem = z.object({
  problem: ZAdminProblemListItem.extend({
    readOnly: z.boolean(),
    /** Set on an authored problem made by forking: e.g. `builtin:merge-sorted-array@1`. */
    forkedFrom: z.string().nullable(),
  }),
  draft: ZProblemVersion.nullable(),
  published: ZProblemVersion.nullable(),
  builtinSource: ZAuthoredProblem.nullable(),
});
export type TAdminProblem = z.infer<typeof ZAdminProblem>;

export const ZAdminProblemSlugParams = z.strictObject({ slug: ZSlug });
export type TAdminProblemSlugParams = z.infer<typeof ZAdminProblemSlugParams>;

export const ZAdminProblemVersionParams = z.strictObject({ slug: ZSlug, n: z.coerce.number().int().min(1) });
export type TAdminProblemVersionParams = z.infer<typeof ZAdminProblemVersionParams>;

/** POST /api/admin/problems: a new authored problem, as a draft (201). Its slug must be new. */
export const ZCreateAdminProblemRequest = z.strictObject({ problem: ZAuthoredProblem });
export type TCreateAdminProblemRequest = z.infer<typeof ZCreateAdminProblemRequest>;

/**
 * PUT /api/admin/problems/:slug/draft: the whole source of the draft (created from the published version when there is
 * none). `problem.slug` must equal the URL's. The published version and what learners see do not change.
 */
export const ZUpdateAdminProblemDraftRequest = z.strictObject({ problem: ZAuthoredProblem });
export type TUpdateAdminProblemDraftRequest = z.infer<typeof ZUpdateAdminProblemDraftRequest>;

/** POST /api/admin/problems/:slug/check (no body): queues a check of the draft's current source (202). Idempotent. */
export const ZCheckProblemQueued = ZProblemCheckStatus;

/** POST /api/admin/problems/:slug/fork: an authored draft copy of a built-in (or authored) problem under a new slug. */
export const ZForkAdminProblemRequest = z.strictObject({
  slug: ZSlug,
  /** Defaults to the original's title. */
  title: z.string().trim().min(3).max(120).optional(),
});
export type TForkAdminProblemRequest = z.infer<typeof ZForkAdminProblemRequest>;

export const ZProblemVersionListResponse = z.object({ versions: z.array(ZProblemVersionSummary) });
export type TProblemVersionListResponse = z.infer<typeof ZProblemVersionListResponse>;

/** GET /api/admin/problems/:slug/versions/:n/diff?against=m : version n compared with m (default: the version before n). */
export const ZProblemVersionDiffQuery = z.strictObject({ against: z.coerce.number().int().min(1).optional() });
export type TProblemVersionDiffQuery = z.infer<typeof ZProblemVersionDiffQuery>;

/** A run of lines: added in `to`, removed from `from`, or the same in both. */
export const ZDiffChunk = z.object({ op: z.enum(['add', 'remove', 'same']), text: z.string() });
export type TDiffChunk = z.infer<typeof ZDiffChunk>;

export const ZProblemVersionDiff = z.object({
  /** The older side (null when `to` is the first version: everything is added). */
  from: z.number().int().nullable(),
  to: z.number().int(),
  /**
   * Only the fields that changed, in source order. Text fields (statement, reference, starter, ...) are line diffs;
   * structured fields (tags, tests, judge, limits, hints, wrongSolutions) are line diffs of their pretty-printed JSON.
   */
  fields: z.array(z.object({ field: z.string(), chunks: z.array(ZDiffChunk) })),
});
export type TProblemVersionDiff = z.infer<typeof ZProblemVersionDiff>;

/** Audit actions of this slice (entity type `problem`, id = slug). */
export const ProblemAuditAction = {
  Created: 'problem.created',
  DraftUpdated: 'problem.draft_updated',
  CheckRequested: 'problem.check_requested',
  Published: 'problem.published',
  Archived: 'problem.archived',
  Restored: 'problem.restored',
  Forked: 'problem.forked',
} as const;
