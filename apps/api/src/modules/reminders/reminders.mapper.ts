import { REMINDER_DEFAULTS, type TReminderSettings } from '@prep/contracts';
import { formatLocalTime, parseLocalTime } from './reminder-schedule';

export interface PreferenceRow {
  enabled: boolean;
  minuteOfDay: number;
  weekdays: number[];
  minDue: number;
}

export function toReminderSettings(row: PreferenceRow | null): TReminderSettings {
  if (!row) return { ...REMINDER_DEFAULTS, weekdays: [...REMINDER_DEFAULTS.weekdays] };
  return {
    enabled: row.enabled,
    localTime: formatLocalTime(row.minuteOfDay),
    weekdays: [...row.weekdays].sort((a, b) => a - b),
    minDue: row.minDue,
  };
}

export function toPreferenceRow(settings: TReminderSettings): PreferenceRow {
  return {
    enabled: settings.enabled,
    minuteOfDay: parseLocalTime(settings.localTime),
    weekdays: [...new Set(settings.weekdays)].sort((a, b) => a - b),
    minDue: settings.minDue,
  };
}

/** `YYYY-MM-DD` ↔ the Date Prisma uses for a `@db.Date` column (UTC midnight). */
export function toDbDate(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
