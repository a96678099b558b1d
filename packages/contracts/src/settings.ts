import { z } from 'zod';
import { ZReminderSettings, ZReminderSettingsUpdate } from './reminders';

/** A valid IANA timezone name (as the runtime's ICU knows them), e.g. `Europe/Berlin`. */
export const ZTimezone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimezone, { message: 'must be an IANA timezone such as Europe/Berlin or America/New_York' });

export function isValidTimezone(name: string): boolean {
  if (!/^[A-Za-z][\w+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A learning step: minutes, hours or days, e.g. `1m`, `10m`, `1h`, `1d` (ts-fsrs StepUnit). */
export const ZStep = z
  .string()
  .regex(/^[1-9]\d{0,4}[mhd]$/, { message: 'must be a step like 1m, 10m, 1h or 1d' })
  .refine((s) => stepMinutes(s) <= 30 * 1440, { message: 'must be at most 30d' });
export type TStep = z.infer<typeof ZStep>;

export function stepMinutes(step: string): number {
  const value = Number(step.slice(0, -1));
  const unit = step.slice(-1);
  return unit === 'd' ? value * 1440 : unit === 'h' ? value * 60 : value;
}

/** Learning steps for new items and relearning steps after a lapse; empty = FSRS schedules whole days from the start. */
export const ZKindSteps = z.strictObject({
  learning: z.array(ZStep).max(10),
  relearning: z.array(ZStep).max(10),
});
export type TKindSteps = z.infer<typeof ZKindSteps>;

export const ZStepsByKind = z.strictObject({ card: ZKindSteps, problem: ZKindSteps, lab: ZKindSteps });
export type TStepsByKind = z.infer<typeof ZStepsByKind>;

export const ZNewPerDay = z.strictObject({
  card: z.number().int().min(0).max(9_999),
  problem: z.number().int().min(0).max(9_999),
  lab: z.number().int().min(0).max(9_999),
});
export type TNewPerDay = z.infer<typeof ZNewPerDay>;

/** FSRS-6 parameters (21 numbers); 17 (FSRS-4.5/5) and 19 (FSRS-5) are accepted and migrated. */
export const ZFsrsWeights = z
  .array(z.number().finite())
  .refine((w) => [17, 19, 21].includes(w.length), { message: 'must hold 17, 19 or 21 FSRS parameters' });

export const ZFsrsSettings = z.object({
  /** The parameters in use: the defaults until optimized or set by hand. */
  weights: z.array(z.number()),
  isDefault: z.boolean(),
  optimizedAt: z.iso.datetime().nullable(),
  /** Reviews counted by the optimizer since its last fit (the weekly job fits again from 400). */
  reviewsSinceOptimization: z.number().int(),
});

/** The learner core's study settings (scheduling, limits, days). */
export const ZStudySettings = z.object({
  /** Desired retention: the probability of recall at which items come due. */
  desiredRetention: z.number().min(0.7).max(0.97),
  newPerDay: ZNewPerDay,
  /** Maximum reviews (of items in review) per learner day. */
  reviewsPerDay: z.number().int().min(0).max(99_999),
  steps: ZStepsByKind,
  /** Hour (0–23, local) at which the learner's day rolls over. */
  rolloverHour: z.number().int().min(0).max(23),
  timezone: ZTimezone,
  /** Spread review intervals a little (seeded per learner and item). */
  fuzz: z.boolean(),
  maximumIntervalDays: z.number().int().min(1).max(36_500),
  /** Lapses at which an item becomes a leech and is suspended (then every half of it again). */
  leechThreshold: z.number().int().min(1).max(99),
  fsrs: ZFsrsSettings,
});
export type TStudySettings = z.infer<typeof ZStudySettings>;

/** Everything `GET /api/settings` shows: the study settings and the review reminders (which use `timezone`). */
export const ZSettings = ZStudySettings.extend({ reminders: ZReminderSettings });
export type TSettings = z.infer<typeof ZSettings>;

export const DEFAULT_STEPS: TStepsByKind = {
  card: { learning: ['1m', '10m'], relearning: ['10m'] },
  // Re-solving a problem minutes after failing it proves nothing: whole days from the start.
  problem: { learning: [], relearning: [] },
  lab: { learning: [], relearning: [] },
};

export const DEFAULT_SETTINGS: Omit<TStudySettings, 'fsrs'> = {
  desiredRetention: 0.9,
  newPerDay: { card: 20, problem: 3, lab: 1 },
  reviewsPerDay: 200,
  steps: DEFAULT_STEPS,
  rolloverHour: 4,
  timezone: 'UTC',
  fuzz: true,
  maximumIntervalDays: 36_500,
  leechThreshold: 8,
};

/** PUT /api/settings: any subset; nested objects may be partial. `fsrsWeights: null` restores the defaults. */
export const ZUpdateSettingsRequest = z.strictObject({
  desiredRetention: z.number().min(0.7).max(0.97).optional(),
  newPerDay: ZNewPerDay.partial().optional(),
  reviewsPerDay: z.number().int().min(0).max(99_999).optional(),
  steps: z.strictObject({ card: ZKindSteps.partial(), problem: ZKindSteps.partial(), lab: ZKindSteps.partial() }).partial().optional(),
  rolloverHour: z.number().int().min(0).max(23).optional(),
  timezone: ZTimezone.optional(),
  fuzz: z.boolean().optional(),
  maximumIntervalDays: z.number().int().min(1).max(36_500).optional(),
  leechThreshold: z.number().int().min(1).max(99).optional(),
  fsrsWeights: ZFsrsWeights.nullable().optional(),
  /** Any subset of the reminder settings. A new `timezone` (or time, or days) applies from now: a time already past today waits for tomorrow. */
  reminders: ZReminderSettingsUpdate.optional(),
});
export type TUpdateSettingsRequest = z.infer<typeof ZUpdateSettingsRequest>;

export const ZSettingsResponse = z.object({ settings: ZSettings });
export type TSettingsResponse = z.infer<typeof ZSettingsResponse>;

/** Log-loss and RMSE (binned, as FSRS reports it) of a parameter set on the learner's own history. */
export const ZFitMetrics = z.object({ logLoss: z.number(), rmse: z.number() });
export type TFitMetrics = z.infer<typeof ZFitMetrics>;

/** One run of the per-learner optimizer. It keeps the new parameters only when they fit my history better. */
export const ZOptimization = z.object({
  id: z.uuid(),
  trigger: z.enum(['manual', 'weekly']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  requestedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Reviews and items the fit used. */
  reviewCount: z.number().int().nullable(),
  itemCount: z.number().int().nullable(),
  before: ZFitMetrics.nullable(),
  after: ZFitMetrics.nullable(),
  /** True when the new parameters were better and are now in use. */
  applied: z.boolean(),
  weights: z.array(z.number()).nullable(),
  /** Why it was not applied or why it failed, for people. */
  message: z.string().nullable(),
});
export type TOptimization = z.infer<typeof ZOptimization>;

/** POST /api/settings/optimize (202: queued on the worker) and GET /api/settings/optimize (the latest run). */
export const ZOptimizationResponse = z.object({ optimization: ZOptimization.nullable() });
export type TOptimizationResponse = z.infer<typeof ZOptimizationResponse>;
