import type { TReminderSettings } from '@prep/contracts';

/** ISO weekdays (1 = Monday … 7 = Sunday), as the reminder settings store them. */
export const WEEKDAYS = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
] as const;

/** "every day", "on weekdays", "at weekends", "on Mondays, Wednesdays and Fridays". */
export function describeWeekdays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'every day';
  if (set.size === 5 && [1, 2, 3, 4, 5].every((day) => set.has(day))) return 'on weekdays';
  if (set.size === 2 && set.has(6) && set.has(7)) return 'at weekends';
  const names = WEEKDAYS.filter(({ day }) => set.has(day)).map(({ long }) => `${long}s`);
  if (names.length === 0) return 'on no day';
  return `on ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}`;
}

/** The timezone as people read it: "America/New York". */
export function timezoneLabel(timezone: string): string {
  return timezone.replace(/_/g, ' ');
}

/** One sentence saying what the settings will do. */
export function reminderSummary(reminders: TReminderSettings, timezone: string): string {
  if (!reminders.enabled) return 'Reminders are off: you get no review emails.';
  const items = reminders.minDue === 1 ? 'at least one item is' : `at least ${reminders.minDue} items are`;
  return `One email at ${reminders.localTime} (${timezoneLabel(timezone)}) ${describeWeekdays(reminders.weekdays)}, when ${items} due.`;
}

/**
 * A reminder earlier than the hour my day rolls over counts what is due then, before that day's reviews come due
 * (they come due at the rollover), so it would mostly report yesterday's leftovers.
 */
export function remindsBeforeRollover(localTime: string, rolloverHour: number): boolean {
  const hour = Number(localTime.slice(0, 2));
  return Number.isFinite(hour) && hour < rolloverHour;
}
