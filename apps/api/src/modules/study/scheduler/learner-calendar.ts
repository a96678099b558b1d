import { DateTime } from 'luxon';

export const DAY_MS = 86_400_000;

/**
 * A learner's days: in their IANA timezone, starting at the rollover hour (Anki's "next day starts at"). Day numbers
 * count local calendar days since 1970-01-01, so day arithmetic ignores DST; only `startOf` meets the clock, and a
 * rollover hour that a DST jump skips starts the day at the first instant after it.
 */
export class LearnerCalendar {
  constructor(
    readonly timezone: string,
    readonly rolloverHour: number,
  ) {}

  /** The learner day an instant falls in. */
  dayOf(at: Date): number {
    const local = DateTime.fromMillis(at.getTime(), { zone: this.timezone });
    const day = Math.round(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
    return local.hour < this.rolloverHour ? day - 1 : day;
  }

  /** The instant a learner day begins. */
  startOf(day: number): Date {
    const date = new Date(day * DAY_MS);
    const start = DateTime.fromObject(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: this.rolloverHour },
      { zone: this.timezone },
    );
    return start.toJSDate();
  }

  /** `YYYY-MM-DD` of a learner day. */
  dateOf(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  /**
   * Maps an instant onto a clock where every learner day is exactly one UTC day (day d starts at d × 24 h). ts-fsrs
   * counts elapsed days and fuzz in UTC days, so feeding it this clock makes it count the learner's days, DST included.
   * A 25-hour day's last hour is squeezed into its final millisecond.
   */
  toSchedulerTime(at: Date): Date {
    const day = this.dayOf(at);
    const into = Math.min(Math.max(at.getTime() - this.startOf(day).getTime(), 0), DAY_MS - 1);
    return new Date(day * DAY_MS + into);
  }
}
