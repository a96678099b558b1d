import { duration, percent, relativeDue, relativeTime } from './format';

const now = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('relativeTime', () => {
  it('says when something is due in words', () => {
    expect(relativeTime(at(10_000), now)).toBe('now');
    expect(relativeTime(at(9 * 60_000), now)).toBe('in 9 minutes');
    expect(relativeTime(at(3 * 3_600_000), now)).toBe('in 3 hours');
    expect(relativeTime(at(26 * 3_600_000), now)).toBe('tomorrow');
    expect(relativeTime(at(12 * 86_400_000), now)).toBe('in 12 days');
    expect(relativeTime(at(-2 * 86_400_000), now)).toBe('2 days ago');
  });
});

describe('duration and percent', () => {
  it('reads like a person wrote it', () => {
    expect(duration(42)).toBe('42 ms');
    expect(duration(1_340)).toBe('1.3 s');
    expect(duration(12 * 60_000)).toBe('12 min');
    expect(duration(125 * 60_000)).toBe('2 h 5 min');
    expect(percent(0.912)).toBe('91%');
    expect(percent(null)).toBe('–');
  });
});

describe('relativeDue', () => {
  const now = new Date('2026-03-10T10:52:00Z');
  it('names days for items due from the start of a later day, whatever the hour now', () => {
    expect(relativeDue('2026-03-11T04:00:00Z', now, 'UTC')).toBe('tomorrow');
    expect(relativeDue('2026-03-13T04:00:00Z', now, 'UTC')).toBe('in 3 days');
    expect(relativeDue('2026-03-11T04:00:00Z', new Date('2026-03-10T23:30:00Z'), 'UTC')).toBe('in 5 hours');
  });
  it('keeps minutes and hours for items due later today, and the calendar of the given timezone', () => {
    expect(relativeDue('2026-03-10T11:02:00Z', now, 'UTC')).toBe('in 10 minutes');
    // 03:00 UTC on the 11th is still 23:00 on the 10th in New York.
    expect(relativeDue('2026-03-11T03:00:00Z', new Date('2026-03-10T14:00:00Z'), 'America/New_York')).toBe('in 13 hours');
  });
});
