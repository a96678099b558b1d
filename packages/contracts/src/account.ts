import { z } from 'zod';
import { ZPassword, ZUser } from './auth';

/** A password the caller types to prove it is them (any length the API accepts; checked against the stored hash). */
const ZCurrentPassword = z.string().min(1).max(256);

/** POST /api/auth/password: change my password. Every other session of mine is signed out; this one stays. */
export const ZChangePasswordRequest = z.strictObject({
  currentPassword: ZCurrentPassword,
  newPassword: ZPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** Answer of POST /api/auth/password and POST /api/auth/logout-all: how many sessions were signed out. */
export const ZRevokedSessionsResponse = z.object({ revokedSessions: z.number().int().min(0) });
export type TRevokedSessionsResponse = z.infer<typeof ZRevokedSessionsResponse>;

/** One of my live sign-in sessions (never its token). */
export const ZSession = z.object({
  id: z.uuid(),
  /** The session this request was made with. */
  current: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type TSession = z.infer<typeof ZSession>;

/** GET /api/auth/sessions: my live sessions, most recently used first. */
export const ZSessionListResponse = z.object({ sessions: z.array(ZSession) });
export type TSessionListResponse = z.infer<typeof ZSessionListResponse>;

/** DELETE /api/auth/sessions/:id: another user's (or an unknown) id is 404. */
export const ZSessionIdParams = z.strictObject({ id: z.uuid({ message: 'must be a session id (a UUID)' }) });
export type TSessionIdParams = z.infer<typeof ZSessionIdParams>;

/** DELETE /api/me: deletes my account and everything of mine; the password confirms it. */
export const ZDeleteAccountRequest = z.strictObject({ password: ZCurrentPassword });
export type TDeleteAccountRequest = z.infer<typeof ZDeleteAccountRequest>;

// ---------------------------------------------------------------------------
// GET /api/me/export: everything stored about me, as JSON.
// A new table that belongs to a user gets one section here (its rows as exported) and one entry in the API's
// EXPORT_SECTIONS (apps/api/src/modules/account/account-export.repository.ts); a test fails while a user's table has none.

export const ACCOUNT_EXPORT_VERSION = 1;

export const ZExportedAccount = ZUser.extend({ updatedAt: z.iso.datetime() });

export const ZExportedSession = ZSession.omit({ current: true }).extend({ revokedAt: z.iso.datetime().nullable() });
export type TExportedSession = z.infer<typeof ZExportedSession>;

export const ZExportedSubmission = z.object({
  id: z.uuid(),
  problemSlug: z.string(),
  problemVersion: z.number().int(),
  mode: z.string(),
  code: z.string(),
  status: z.string(),
  verdict: z.string().nullable(),
  result: z.unknown().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TExportedSubmission = z.infer<typeof ZExportedSubmission>;

export const ZExportedReminderPreference = z.object({
  enabled: z.boolean(),
  minuteOfDay: z.number().int(),
  weekdays: z.array(z.number().int()),
  minDue: z.number().int(),
  activeSince: z.iso.datetime(),
  unsubscribedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TExportedReminderPreference = z.infer<typeof ZExportedReminderPreference>;

export const ZExportedReminderSend = z.object({
  id: z.uuid(),
  /** The learner's calendar date, YYYY-MM-DD. */
  localDate: z.iso.date(),
  timezone: z.string(),
  scheduledFor: z.iso.datetime(),
  status: z.string(),
  due: z.unknown().nullable(),
  dueTotal: z.number().int(),
  streakDays: z.number().int(),
  reason: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  messageId: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TExportedReminderSend = z.infer<typeof ZExportedReminderSend>;

/** My work on a problem since it last came due, and the rating it produced (see OUTCOME_RATING_RULE). */
export const ZExportedProblemAttempt = z.object({
  id: z.uuid(),
  problemSlug: z.string(),
  openedAt: z.iso.datetime().nullable(),
  hintsRevealed: z.number().int(),
  firstHintAt: z.iso.datetime().nullable(),
  revealedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  rating: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  decidedBySubmissionId: z.uuid().nullable(),
  outcomeDue: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const ZExportedProblemDraft = z.object({
  problemSlug: z.string(),
  code: z.string(),
  clientUpdatedAt: z.iso.datetime(),
  savedAt: z.iso.datetime(),
});

/** The per-table sections of an export, each a list of my rows, oldest first. */
export const ZExportedAuditEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const ZInstant = z.iso.datetime();

/** A problem version I wrote or published (admins only): which problem and version, not its whole source. */
export const ZExportedProblemVersion = z.object({
  id: z.string(),
  problemSlug: z.string(),
  number: z.number().int(),
  title: z.string(),
  /** `created`, `published` or both. */
  roles: z.array(z.enum(['created', 'published'])),
  createdAt: ZInstant,
  publishedAt: ZInstant.nullable(),
});

export const ZExportedEnrollment = z.object({ deckSlug: z.string(), enrolledAt: ZInstant });

export const ZExportedStudyState = z.object({
  kind: z.string(),
  refId: z.string(),
  state: z.string(),
  due: ZInstant,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: ZInstant.nullable(),
  suspended: z.boolean(),
  buriedUntil: ZInstant.nullable(),
  leech: z.boolean(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

export const ZExportedReviewLog = z.object({
  id: z.uuid(),
  kind: z.string(),
  refId: z.string(),
  rating: z.string().nullable(),
  source: z.string(),
  reviewedAt: ZInstant,
  durationMs: z.number().int().nullable(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  early: z.boolean(),
  stateBefore: z.string(),
  stateAfter: z.string(),
  clientReviewId: z.string().nullable(),
  undoneAt: ZInstant.nullable(),
  revertsId: z.string().nullable(),
});

export const ZExportedStudySettings = z.object({
  desiredRetention: z.number(),
  newCardsPerDay: z.number().int(),
  newProblemsPerDay: z.number().int(),
  newLabsPerDay: z.number().int(),
  reviewsPerDay: z.number().int(),
  steps: z.unknown(),
  rolloverHour: z.number().int(),
  timezone: z.string(),
  fuzz: z.boolean(),
  maximumIntervalDays: z.number().int(),
  leechThreshold: z.number().int(),
  fsrsWeights: z.array(z.number()),
  optimizedAt: ZInstant.nullable(),
  updatedAt: ZInstant,
});

export const ZExportedOptimization = z.object({
  id: z.uuid(),
  trigger: z.string(),
  status: z.string(),
  requestedAt: ZInstant,
  finishedAt: ZInstant.nullable(),
  reviewCount: z.number().int().nullable(),
  itemCount: z.number().int().nullable(),
  beforeLogLoss: z.number().nullable(),
  beforeRmse: z.number().nullable(),
  afterLogLoss: z.number().nullable(),
  afterRmse: z.number().nullable(),
  applied: z.boolean(),
  weights: z.array(z.number()),
  message: z.string().nullable(),
});

export const ZAccountExportSections = z.object({
  sessions: z.array(ZExportedSession),
  submissions: z.array(ZExportedSubmission),
  /** Decks I study. */
  enrollments: z.array(ZExportedEnrollment),
  /** My memory state of every card, problem and lab I have met. */
  studyStates: z.array(ZExportedStudyState),
  /** Every review, oldest first (undone ones included, with undoneAt). */
  reviewLogs: z.array(ZExportedReviewLog),
  /** At most one: my study settings, when I ever changed them. */
  studySettings: z.array(ZExportedStudySettings),
  fsrsOptimizations: z.array(ZExportedOptimization),
  problemAttempts: z.array(ZExportedProblemAttempt),
  problemDrafts: z.array(ZExportedProblemDraft),
  /** At most one: my reminder settings, when I ever changed them. */
  reminderPreferences: z.array(ZExportedReminderPreference),
  reminderSends: z.array(ZExportedReminderSend),
  /** Admin changes I made (admins only; kept after deletion with my identity removed, so content history stays traceable). */
  auditEvents: z.array(ZExportedAuditEvent),
  /** Authored problem versions I wrote or published (admins only; kept after deletion without my identity). */
  problemVersions: z.array(ZExportedProblemVersion),
});
export type TAccountExportSections = z.infer<typeof ZAccountExportSections>;

export const ZAccountExport = z.object({
  version: z.literal(ACCOUNT_EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  account: ZExportedAccount,
  ...ZAccountExportSections.shape,
});
export type TAccountExport = z.infer<typeof ZAccountExport>;
