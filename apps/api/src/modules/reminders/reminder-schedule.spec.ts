import {
  dueOccurrence,
  formatLocalTime,
  latestOccurrence,
  MAX_LATENESS_MS,
  occurrenceOn,
  parseLocalTime,
  type Occurrence,
  type ReminderRule,
} from './reminder-schedule';

const QUARTER = 15 * 60_000;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const rule = (timezone: string, hhmm: string, weekdays = EVERY_DAY): ReminderRule => ({
  timezone,
  minuteOfDay: parseLocalTime(hhmm),
  weekdays,
});

/**
 * Ticks every 15 minutes from `from` to `to` (skipping `down` windows), recording each decision as the worker does.
 * The learner opted in at `from` unless `activeSince` says otherwise.
 */
function simulate(
  r: ReminderRule,
  from: string,
  to: string,
  options: { activeSince?: string; down?: [string, string][]; past?: Occurrence[] } = {},
): string[] {
  const past: Occurrence[] = [...(options.past ?? [])];
  const activeSince = new Date(options.activeSince ?? from);
  const down = (options.down ?? []).map(([a, b]) => [Date.parse(a), Date.parse(b)] as const);
  for (let t = Date.parse(from); t <= Date.parse(to); t += QUARTER) {
    if (down.some(([a, b]) => t >= a && t < b)) continue;
    const occurrence = dueOccurrence(r, { now: new Date(t), activeSince, past });
    if (occurrence) past.push(occurrence);
  }
  return past.slice(options.past?.length ?? 0).map((o) => `${o.localDate} ${o.at.toISOString()}`);
}

describe('local time', () => {
  it('parses and formats HH:MM', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('23:59')).toBe(1439);
    expect(formatLocalTime(parseLocalTime('07:05'))).toBe('07:05');
    expect(() => parseLocalTime('24:00')).toThrow(RangeError);
  });
});

describe('occurrenceOn', () => {
  it('moves a time inside the spring-forward gap forward by the gap', () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist; it goes at 03:30 EDT.
    expect(occurrenceOn(rule('America/New_York', '02:30'), { year: 2026, month: 3, day: 8 })).toEqual({
      localDate: '2026-03-08',
      at: new Date('2026-03-08T07:30:00Z'),
    });
  });

  it('takes the first of the two instants of a time repeated on a fall-back day', () => {
    // New York, 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(occurrenceOn(rule('America/New_York', '01:30'), { year: 2026, month: 11, day: 1 })?.at).toEqual(
      new Date('2026-11-01T05:30:00Z'),
    );
  });

  it('uses the local weekday, not the UTC one', () => {
    // 2026-03-09 is a Monday in Kolkata; 02:00 IST is still Sunday in UTC.
    const mondays = rule('Asia/Kolkata', '02:00', [1]);
    expect(occurrenceOn(mondays, { year: 2026, month: 3, day: 9 })?.at).toEqual(new Date('2026-03-08T20:30:00Z'));
    expect(occurrenceOn(mondays, { year: 2026, month: 3, day: 8 })).toBeNull();
  });

  it('refuses an unknown timezone', () => {
    expect(() => latestOccurrence(rule('Mars/Olympus_Mons', '09:00'), new Date(0), new Date())).toThrow(/timezone/);
  });
});

describe('dueOccurrence over simulated days (15-minute ticks)', () => {
  it('a 02:30 New York reminder goes once on the spring-forward day, at 03:30 EDT', () => {
    expect(simulate(rule('America/New_York', '02:30'), '2026-03-07T00:00:00Z', '2026-03-09T23:59:00Z')).toEqual([
      '2026-03-07 2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-08 2026-03-08T07:30:00.000Z', // 03:30 EDT: 02:30 does not exist
      '2026-03-09 2026-03-09T06:30:00.000Z', // 02:30 EDT
    ]);
  });

  it('a 01:30 New York reminder goes once, not twice, on the fall-back day', () => {
    expect(simulate(rule('America/New_York', '01:30'), '2026-10-31T00:00:00Z', '2026-11-02T23:59:00Z')).toEqual([
      '2026-10-31 2026-10-31T05:30:00.000Z',
      '2026-11-01 2026-11-01T05:30:00.000Z',
      '2026-11-02 2026-11-02T06:30:00.000Z',
    ]);
  });

  it('Kolkata (no DST, half-hour offset) gets one per day at 09:00 IST', () => {
    const sends = simulate(rule('Asia/Kolkata', '09:00'), '2026-03-05T00:00:00Z', '2026-03-11T23:59:00Z');
    expect(sends).toHaveLength(7);
    expect(sends.every((s) => s.endsWith('T03:30:00.000Z'))).toBe(true);
  });

  it('a reminder time between ticks goes at the next tick', () => {
    // 09:07 IST = 03:37Z; the tick at 03:45Z sends it.
    const r = rule('Asia/Kolkata', '09:07');
    expect(dueOccurrence(r, { now: new Date('2026-03-05T03:30:00Z'), activeSince: new Date(0), past: [] })).toBeNull();
    expect(dueOccurrence(r, { now: new Date('2026-03-05T03:45:00Z'), activeSince: new Date(0), past: [] })?.localDate).toBe('2026-03-05');
  });

  it('only on the chosen weekdays', () => {
    const weekends = rule('America/New_York', '18:00', [6, 7]);
    expect(simulate(weekends, '2026-03-02T00:00:00Z', '2026-03-09T12:00:00Z').map((s) => s.slice(0, 10))).toEqual([
      '2026-03-07',
      '2026-03-08',
    ]);
  });

  it('a window missed while the worker was down is caught up once, not skipped', () => {
    // 09:00 New York = 14:00Z in March (EDT from the 8th). Down 13:30Z-15:30Z on the 10th.
    const sends = simulate(rule('America/New_York', '09:00'), '2026-03-09T00:00:00Z', '2026-03-11T23:59:00Z', {
      down: [['2026-03-10T13:30:00Z', '2026-03-10T15:30:00Z']],
    });
    expect(sends).toEqual([
      '2026-03-09 2026-03-09T13:00:00.000Z',
      '2026-03-10 2026-03-10T13:00:00.000Z',
      '2026-03-11 2026-03-11T13:00:00.000Z',
    ]);
  });

  it('a window missed by more than MAX_LATENESS_MS is skipped rather than mailed at an odd hour', () => {
    const r = rule('America/New_York', '09:00');
    const at = Date.parse('2026-03-10T13:00:00Z');
    expect(dueOccurrence(r, { now: new Date(at + MAX_LATENESS_MS - QUARTER), activeSince: new Date(0), past: [] })).not.toBeNull();
    expect(dueOccurrence(r, { now: new Date(at + MAX_LATENESS_MS + QUARTER), activeSince: new Date(0), past: [] })).toBeNull();
  });

  it('opting in after today’s time waits for tomorrow', () => {
    const sends = simulate(rule('Asia/Kolkata', '09:00'), '2026-03-05T00:00:00Z', '2026-03-06T23:59:00Z', {
      activeSince: '2026-03-05T04:00:00Z', // 09:30 IST
    });
    expect(sends).toEqual(['2026-03-06 2026-03-06T03:30:00.000Z']);
  });

  it('never twice within MIN_GAP_MS, even when a timezone change gives a new local date', () => {
    // Sent at 09:00 Kolkata on the 5th (03:30Z); the learner then moves to Honolulu, where 09:00 on the 4th was only
    // 8.5 hours earlier (19:00Z on the 4th), recent enough to be caught up, but with a date key not used yet.
    // Honolulu's 5th shares the key of the Kolkata send, so the next reminder is Honolulu's 6th.
    const sent = { localDate: '2026-03-05', at: new Date('2026-03-05T03:30:00Z') };
    expect(
      simulate(rule('Pacific/Honolulu', '09:00'), '2026-03-05T03:45:00Z', '2026-03-06T23:59:00Z', {
        past: [sent],
        activeSince: '2026-03-01T00:00:00Z',
      }),
    ).toEqual(['2026-03-06 2026-03-06T19:00:00.000Z']);
  });

  it('a late or repeated tick decides nothing new', () => {
    const r = rule('Asia/Kolkata', '09:00');
    const now = new Date('2026-03-05T05:00:00Z');
    const first = dueOccurrence(r, { now, activeSince: new Date(0), past: [] });
    expect(first?.localDate).toBe('2026-03-05');
    expect(dueOccurrence(r, { now, activeSince: new Date(0), past: [first!] })).toBeNull();
    expect(dueOccurrence(r, { now: new Date('2026-03-05T10:00:00Z'), activeSince: new Date(0), past: [first!] })).toBeNull();
  });
});
