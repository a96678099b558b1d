import { DEFAULT_STEPS } from '@prep/contracts';
import { LearnerCalendar } from './learner-calendar';
import { intervalLabel, newSchedule, Scheduler, type SchedulerConfig } from './scheduler';

const config: SchedulerConfig = { desiredRetention: 0.9, maximumIntervalDays: 36_500, fuzz: true, weights: [], steps: DEFAULT_STEPS };
const calendar = new LearnerCalendar('Europe/Berlin', 4);
const scheduler = new Scheduler(config, calendar);
const now = new Date('2026-02-10T19:30:00Z'); // 20:30 in Berlin

describe('Scheduler', () => {
  it('walks a new card through its learning steps in minutes', () => {
    const fresh = newSchedule(now);
    const previews = scheduler.preview('card', fresh, now, 'u:card:x');
    expect(previews.again).toMatchObject({ state: 'learning', minutes: 1, label: '1m', days: 0 });
    expect(previews.good).toMatchObject({ state: 'learning', minutes: 10, label: '10m' });
    expect(previews.easy.state).toBe('review');
    const { next, early, elapsedDays } = scheduler.rate('card', fresh, 'good', now, 'u:card:x');
    expect(next.due.toISOString()).toBe('2026-02-10T19:40:00.000Z');
    expect({ early, elapsedDays, reps: next.reps }).toEqual({ early: false, elapsedDays: 0, reps: 1 });
  });

  it('schedules day intervals at the start of the learner day, never the same day for a failed problem', () => {
    const failed = scheduler.rate('problem', newSchedule(now), 'again', now, 'u:problem:p').next;
    expect(failed.state).toBe('review');
    expect(failed.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(failed.due.toISOString()).toBe(calendar.startOf(calendar.dayOf(now) + failed.scheduledDays).toISOString());
    expect(failed.due.toISOString()).toBe('2026-02-11T03:00:00.000Z'); // 04:00 in Berlin, the next learner day
    const lapse = scheduler.rate('problem', { ...failed, due: failed.due }, 'again', new Date('2026-02-11T10:00:00Z'), 'u:problem:p');
    expect(lapse.next.state).toBe('review');
    expect(lapse.next.lapses).toBe(1);
    expect(lapse.next.due.getTime()).toBeGreaterThanOrEqual(
      calendar.startOf(calendar.dayOf(new Date('2026-02-11T10:00:00Z')) + 1).getTime(),
    );
  });

  it('seeds fuzz by item and repetition, so the same history schedules the same way', () => {
    let a = newSchedule(now);
    let b = newSchedule(now);
    let at = now;
    for (let i = 0; i < 6; i++) {
      a = scheduler.rate('card', a, 'easy', at, 'seed-1').next;
      b = scheduler.rate('card', b, 'easy', at, 'seed-1').next;
      at = a.due;
    }
    expect(a).toEqual(b);
    expect(a.scheduledDays).toBeGreaterThan(30);
  });

  it('counts early reviews and elapsed learner days', () => {
    const review = scheduler.known('card', newSchedule(now), 10, now);
    expect(review.due.toISOString()).toBe('2026-02-20T03:00:00.000Z');
    const early = scheduler.rate('card', review, 'good', new Date('2026-02-14T12:00:00Z'), 's');
    expect(early.early).toBe(true);
    expect(early.elapsedDays).toBe(4);
  });

  it('resets to new, keeping counts unless asked', () => {
    const studied = scheduler.rate('card', newSchedule(now), 'easy', now, 's').next;
    expect(scheduler.forget(studied, now, false)).toMatchObject({ state: 'new', reps: 1, stability: 0 });
    expect(scheduler.forget(studied, now, true).reps).toBe(0);
  });

  it('labels intervals as Anki does', () => {
    expect([intervalLabel(0, 1), intervalLabel(0, 90), intervalLabel(3, null), intervalLabel(45, null), intervalLabel(500, null)]).toEqual([
      '1m',
      '1.5h',
      '3d',
      '1.5mo',
      '1.4y',
    ]);
  });
});
