import { z } from 'zod';

/**
 * Review reminders: one email at the learner's chosen local time, on chosen weekdays, only when at least `minDue`
 * items are due. Off until the learner opts in. The learner's IANA timezone is part of the learner settings.
 */

/** A local time of day, 24-hour `HH:MM`. */
export const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a 24-hour time like 08:30' });
export type TLocalTime = z.infer<typeof ZLocalTime>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const ZIsoWeekday = z.number().int().min(1).max(7);

export const ZReminderSettings = z.strictObject({
  enabled: z.boolean().describe('Off until the learner opts in; the unsubscribe link turns it off'),
  localTime: ZLocalTime.describe("When to send, in the learner's timezone"),
  weekdays: z
    .array(ZIsoWeekday)
    .min(1, { message: 'pick at least one day (or turn reminders off)' })
    .max(7)
    .refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' })
    .describe('ISO weekdays to send on: 1 = Monday … 7 = Sunday'),
  minDue: z.number().int().min(1).max(10_000).describe('Send only when at least this many items are due'),
});
export type TReminderSettings = z.infer<typeof ZReminderSettings>;

export const REMINDER_DEFAULTS: TReminderSettings = {
  enabled: false,
  localTime: '09:00',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  minDue: 1,
};

/** The `reminders` part of `PUT /api/settings`: any subset of the fields. */
export const ZReminderSettingsUpdate = ZReminderSettings.partial();
export type TReminderSettingsUpdate = z.infer<typeof ZReminderSettingsUpdate>;

/** The signed token of an unsubscribe link: `<payload>.<signature>`, both base64url. */
export const ZUnsubscribeToken = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}$/, { message: 'must be the token from an unsubscribe link' });

/** `GET|POST /api/reminders/unsubscribe?token=…`: the link in the email and in its List-Unsubscribe header. */
export const ZUnsubscribeQuery = z.strictObject({ token: ZUnsubscribeToken });
export type TUnsubscribeQuery = z.infer<typeof ZUnsubscribeQuery>;

/** `POST /api/reminders/unsubscribe` from a page that holds the token (JSON body instead of the query). */
export const ZUnsubscribeRequest = z.strictObject({ token: ZUnsubscribeToken });
export type TUnsubscribeRequest = z.infer<typeof ZUnsubscribeRequest>;

/**
 * The body a mail client sends for RFC 8058 one-click unsubscribe (`List-Unsubscribe=One-Click`, form-encoded).
 * The token in the URL is what authorizes it; the body is accepted as documented and otherwise ignored.
 */
export const ZOneClickUnsubscribeForm = z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() });

/** `GET /api/reminders/unsubscribe` (JSON): what the link would do. Never changes anything (mail scanners prefetch). */
export const ZUnsubscribePreview = z.object({
  email: z.string().describe('The address the reminders go to, partly masked (j***@example.com)'),
  remindersEnabled: z.boolean(),
});
export type TUnsubscribePreview = z.infer<typeof ZUnsubscribePreview>;

/** `POST /api/reminders/unsubscribe`: reminders are off from now on. Idempotent. */
export const ZUnsubscribeResponse = z.object({
  unsubscribed: z.literal(true),
  email: z.string().describe('Partly masked, as in the preview'),
});
export type TUnsubscribeResponse = z.infer<typeof ZUnsubscribeResponse>;

/** Queue `reminders`: the 15-minute scheduler tick (one job scheduler however many workers run). */
export const ReminderJob = { Tick: 'tick', Send: 'send' } as const;

/** The scheduler tick carries nothing: it reads the time from the worker's clock. */
export const ZReminderTickJob = z.object({});
export type TReminderTickJob = z.infer<typeof ZReminderTickJob>;

/** Queue `reminder-emails`: one email for one learner and one local date. Job id: {@link reminderJobId}. */
export const ZReminderSendJob = z.object({
  userId: z.uuid(),
  /** The calendar date, in the learner's timezone, of the reminder occurrence. */
  localDate: z.iso.date(),
  /** The instant the reminder was due (its local time on that date). */
  scheduledFor: z.iso.datetime(),
  /** The learner's IANA timezone the occurrence was computed in. */
  timezone: z.string().min(1).max(64),
});
export type TReminderSendJob = z.infer<typeof ZReminderSendJob>;

/** One job per learner and local date, so retries, restarts, several workers and late ticks collapse into one. */
export function reminderJobId(userId: string, localDate: string): string {
  return `reminder:${userId}:${localDate}`;
}
