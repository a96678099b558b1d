import { REMINDER_DEFAULTS } from '@prep/contracts';
import { describeWeekdays, reminderSummary, remindsBeforeRollover } from './reminder-copy';

describe('describeWeekdays', () => {
  it('names the common sets of days the way people say them', () => {
    expect(describeWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe('every day');
    expect(describeWeekdays([5, 4, 3, 2, 1])).toBe('on weekdays');
    expect(describeWeekdays([7, 6])).toBe('at weekends');
  });

  it('lists other days in week order', () => {
    expect(describeWeekdays([5, 1, 3])).toBe('on Mondays, Wednesdays and Fridays');
    expect(describeWeekdays([2])).toBe('on Tuesdays');
  });
});

describe('reminderSummary', () => {
  it('says what will be sent, when and on what condition', () => {
    const summary = reminderSummary({ enabled: true, localTime: '07:30', weekdays: [1, 2, 3, 4, 5], minDue: 5 }, 'America/New_York');
    expect(summary).toBe('One email at 07:30 (America/New York) on weekdays, when at least 5 items are due.');
    expect(reminderSummary({ ...REMINDER_DEFAULTS, enabled: true }, 'UTC')).toBe(
      'One email at 09:00 (UTC) every day, when at least one item is due.',
    );
  });

  it('says plainly when reminders are off', () => {
    expect(reminderSummary(REMINDER_DEFAULTS, 'UTC')).toMatch(/off/);
  });
});

describe('remindsBeforeRollover', () => {
  it('is true for a time before the hour the learner day starts', () => {
    expect(remindsBeforeRollover('03:45', 4)).toBe(true);
    expect(remindsBeforeRollover('04:00', 4)).toBe(false);
    expect(remindsBeforeRollover('00:30', 0)).toBe(false);
  });
});
