/** Human wording for times and amounts, shared by every page. Pure: `now` is passed in. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "in 9 minutes", "in 3 hours", "tomorrow", "in 12 days", "in 3 months" (and "… ago" for the past). */
export function relativeTime(iso: string, now: Date): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const say = (value: number, unit: string) => {
    const rounded = Math.max(1, Math.round(value));
    const text = `${rounded} ${unit}${rounded === 1 ? '' : 's'}`;
    return diff >= 0 ? `in ${text}` : `${text} ago`;
  };
  if (abs < MINUTE) return 'now';
  if (abs < HOUR) return say(abs / MINUTE, 'minute');
  if (abs < DAY) return say(abs / HOUR, 'hour');
  if (abs < 1.5 * DAY && diff > 0) return 'tomorrow';
  if (abs < 1.5 * DAY) return 'yesterday';
  if (abs < 60 * DAY) return say(abs / DAY, 'day');
  if (abs < 730 * DAY) return say(abs / (30 * DAY), 'month');
  return say(abs / (365 * DAY), 'year');
}

/** The calendar date (YYYY-MM-DD) of an instant in the browser's (or the given) timezone. */
function calendarDate(at: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(
    at,
  );
}

/**
 * When a scheduled item comes back. Items due later than today are due from the start of a learner day, so they are
 * named by calendar day ("tomorrow", "in 3 days") rather than by hours that depend on the time of asking; items due
 * later today (learning steps) keep minutes and hours.
 */
export function relativeDue(iso: string, now: Date, timeZone?: string): string {
  const due = new Date(iso);
  const days = Math.round((Date.parse(calendarDate(due, timeZone)) - Date.parse(calendarDate(now, timeZone))) / DAY);
  if (days <= 0 || due.getTime() - now.getTime() < 6 * HOUR) return relativeTime(iso, now);
  if (days === 1) return 'tomorrow';
  if (days < 60) return `in ${days} days`;
  return relativeTime(iso, now);
}

/** "Tue 3 Dec, 04:00" in the browser's (or the given) timezone. */
export function dateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** "3 Dec 2026" */
export function shortDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}

/** "42 ms", "1.3 s", "12 min", "2 h 5 min" */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** 0.912 → "91%"; null → "–" */
export function percent(rate: number | null, digits = 0): string {
  return rate === null ? '–' : `${(rate * 100).toFixed(digits)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Verdict codes as people say them. */
export const VERDICT_LABEL: Record<string, string> = {
  accepted: 'Accepted',
  wrong_answer: 'Wrong Answer',
  time_limit_exceeded: 'Time Limit Exceeded',
  memory_limit_exceeded: 'Memory Limit Exceeded',
  runtime_error: 'Runtime Error',
  compilation_error: 'Compile Error',
  internal_error: 'Internal Error',
};

export const TEST_STATUS_LABEL: Record<string, string> = {
  passed: 'Passed',
  wrong_answer: 'Wrong answer',
  time_limit_exceeded: 'Time limit exceeded',
  memory_limit_exceeded: 'Memory limit exceeded',
  runtime_error: 'Runtime error',
  skipped: 'Not run',
  invalid_input: 'Invalid input',
};

export const RATING_LABEL = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' } as const;

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
