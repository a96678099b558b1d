import { DAY_MS, LearnerCalendar } from './learner-calendar';

const iso = (d: Date) => d.toISOString();

describe('LearnerCalendar', () => {
  const ny = new LearnerCalendar('America/New_York', 4);

  it('starts the day at the rollover hour in the learner timezone', () => {
    const day = ny.dayOf(new Date('2026-01-10T09:00:00Z')); // 04:00 EST
    expect(ny.dateOf(day)).toBe('2026-01-10');
    expect(ny.dateOf(ny.dayOf(new Date('2026-01-10T08:59:59Z')))).toBe('2026-01-09'); // 03:59 EST
    expect(iso(ny.startOf(day))).toBe('2026-01-10T09:00:00.000Z');
  });

  it('has a 23-hour day at spring-forward and a 25-hour day at fall-back', () => {
    const march7 = ny.dayOf(new Date('2026-03-07T12:00:00Z'));
    expect(iso(ny.startOf(march7))).toBe('2026-03-07T09:00:00.000Z'); // 04:00 EST
    expect(iso(ny.startOf(march7 + 1))).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT
    const oct31 = ny.dayOf(new Date('2026-10-31T12:00:00Z'));
    expect(ny.startOf(oct31 + 1).getTime() - ny.startOf(oct31).getTime()).toBe(25 * 3_600_000);
  });

  it('starts a day whose rollover hour a DST jump skips at the first instant after it', () => {
    const at2 = new LearnerCalendar('America/New_York', 2);
    const march8 = at2.dayOf(new Date('2026-03-08T12:00:00Z'));
    expect(iso(at2.startOf(march8))).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(at2.dayOf(new Date('2026-03-08T06:59:59Z'))).toBe(march8 - 1); // 01:59 EST
  });

  it('maps instants onto a clock where each learner day is one UTC day, squeezing a 25-hour day', () => {
    const oct31 = ny.dayOf(new Date('2026-10-31T12:00:00Z'));
    expect(ny.toSchedulerTime(ny.startOf(oct31)).getTime()).toBe(oct31 * DAY_MS);
    const lastMs = new Date(ny.startOf(oct31 + 1).getTime() - 1);
    expect(ny.toSchedulerTime(lastMs).getTime()).toBe((oct31 + 1) * DAY_MS - 1);
    expect(ny.toSchedulerTime(new Date(ny.startOf(oct31).getTime() + 90 * 60_000)).getTime()).toBe(oct31 * DAY_MS + 90 * 60_000);
  });

  it('works east of UTC with a midnight rollover', () => {
    const kolkata = new LearnerCalendar('Asia/Kolkata', 0);
    expect(kolkata.dateOf(kolkata.dayOf(new Date('2026-05-01T18:30:00Z')))).toBe('2026-05-02');
    expect(iso(kolkata.startOf(kolkata.dayOf(new Date('2026-05-01T18:30:00Z'))))).toBe('2026-05-01T18:30:00.000Z');
  });
});
