import { DateTime, Info } from 'luxon';

/**
 * When a learner's reminder is due: pure functions of the rule, the decisions already made and `now`, so a test can
 * walk simulated weeks across DST changes. Occurrences are keyed by the calendar date in the learner's timezone, so
 * there is at most one per local date whatever the clocks do.
 */

/** What the learner chose, in their timezone. */
export interface ReminderRule {
  /** IANA timezone, e.g. America/New_York. */
  timezone: string;
  /** Minutes after local midnight, 0-1439. */
  minuteOfDay: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: readonly number[];
}

/** One occurrence of a reminder: the local calendar date and the instant it falls on. */
export interface Occurrence {
  /** `YYYY-MM-DD` in the learner's timezone. */
  localDate: string;
  at: Date;
}

/** A decision already recorded for a learner (sent, skipped, failed or in progress). */
export type PastDecision = Occurrence;

/** A missed occurrence (worker down, late tick) is still sent up to this late; later it would arrive at an odd hour. */
export const MAX_LATENESS_MS = 12 * 3_600_000;
/** Never two reminders closer than this, whatever the keys say (e.g. after the learner moved timezone westwards). */
export const MIN_GAP_MS = 12 * 3_600_000;

export function isValidTimeZone(zone: string): boolean {
  return Info.isValidIANAZone(zone);
}

export function parseLocalTime(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not a local time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatLocalTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/**
 * The instant of the reminder on one local calendar date, or null when that weekday is not chosen.
 * DST: a time inside a spring-forward gap moves forward by the gap (02:30 → 03:30 that day); a time that occurs twice
 * on a fall-back day is its first occurrence.
 */
export function occurrenceOn(rule: ReminderRule, date: { year: number; month: number; day: number }): Occurrence | null {
  const wall = DateTime.fromObject(
    { ...date, hour: Math.floor(rule.minuteOfDay / 60), minute: rule.minuteOfDay % 60 },
    { zone: rule.timezone },
  );
  if (!wall.isValid) throw new RangeError(`cannot place ${JSON.stringify(date)} in timezone ${rule.timezone}: ${wall.invalidReason}`);
  if (!rule.weekdays.includes(wall.weekday)) return null;
  const first = DateTime.min(...wall.getPossibleOffsets()) ?? wall;
  return { localDate: wall.toISODate()!, at: first.toJSDate() };
}

/** The latest occurrence with `after < at <= now`, or null. */
export function latestOccurrence(rule: ReminderRule, after: Date, now: Date): Occurrence | null {
  if (!isValidTimeZone(rule.timezone)) throw new RangeError(`unknown timezone ${rule.timezone}`);
  if (now <= after) return null;
  const today = DateTime.fromJSDate(now, { zone: rule.timezone }).startOf('day');
  // A local date's occurrence lies within a few hours of that date, so dates ending well before `after` cannot match.
  const stopBefore = DateTime.fromJSDate(after, { zone: rule.timezone }).startOf('day').minus({ days: 1 });
  for (let day = today; day >= stopBefore; day = day.minus({ days: 1 })) {
    const occurrence = occurrenceOn(rule, { year: day.year, month: day.month, day: day.day });
    if (occurrence && occurrence.at <= now && occurrence.at > after) return occurrence;
  }
  return null;
}

/**
 * The reminder to act on now, if any: the latest occurrence not yet decided, no older than MAX_LATENESS_MS, after the
 * rule became active, and not within MIN_GAP_MS of an earlier decision. Calling it on every tick (or late, or twice)
 * yields each local date at most once, as long as each result is recorded in `past`.
 */
export function dueOccurrence(
  rule: ReminderRule,
  input: { now: Date; activeSince: Date; past: readonly PastDecision[] },
): Occurrence | null {
  const after = new Date(Math.max(input.activeSince.getTime(), input.now.getTime() - MAX_LATENESS_MS));
  const occurrence = latestOccurrence(rule, after, input.now);
  if (!occurrence) return null;
  const clash = input.past.some(
    (p) => p.localDate === occurrence.localDate || Math.abs(p.at.getTime() - occurrence.at.getTime()) < MIN_GAP_MS,
  );
  return clash ? null : occurrence;
}
