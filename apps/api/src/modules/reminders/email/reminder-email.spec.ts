import { ReminderLinks } from '../reminder-links';
import { ReminderComposer } from './reminder-composer';
import { describeDue, reminderSubject } from './reminder-email';

const due = (card: number, problem: number, lab = 0) => ({ card, problem, lab, total: card + problem + lab });

describe('reminder email', () => {
  it('says the count in the subject, singular or plural', () => {
    expect(reminderSubject(due(1, 0))).toBe('1 item is due for review');
    expect(reminderSubject(due(8, 4))).toBe('12 items are due for review');
  });

  it('lists only the kinds with something due', () => {
    expect(describeDue(due(0, 1))).toBe('1 coding problem');
    expect(describeDue(due(2, 0, 1))).toBe('2 concept cards and 1 lab');
    expect(describeDue(due(3, 2, 1))).toBe('3 concept cards, 2 coding problems and 1 lab');
  });

  it('renders HTML and the same content as plain text, with the one-click headers', async () => {
    const links = new ReminderLinks({ WEB_ORIGIN: 'https://prep.example.test', UNSUBSCRIBE_SECRET: 'x'.repeat(40) });
    const mail = await new ReminderComposer(links).compose({
      userId: '4b0c2f1e-8a53-4a8e-9c1e-2f0d7f1b9a10',
      localDate: '2026-03-08',
      displayName: 'Ada <script>',
      due: due(1, 0),
      newToday: 0,
      streakDays: 0,
    });
    expect(mail.html).toMatch(/^<!DOCTYPE html PUBLIC/);
    expect(mail.html).toContain('Ada &lt;script&gt;');
    expect(mail.text).toContain('You have 1 item due: 1 concept card.');
    expect(mail.text).toContain('starts a new streak');
    expect(mail.text).toContain('https://prep.example.test/review');
    expect(mail.messageId).toBe('<reminder.4b0c2f1e-8a53-4a8e-9c1e-2f0d7f1b9a10.2026-03-08@prep.example.test>');
    expect(mail.headers['List-Unsubscribe']).toMatch(/^<https:\/\/prep\.example\.test\/api\/reminders\/unsubscribe\?token=[\w.-]+>$/);
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('mentions new items only as extra, and says what "due" counts', async () => {
    const links = new ReminderLinks({ WEB_ORIGIN: 'https://prep.example.test', UNSUBSCRIBE_SECRET: 'x'.repeat(40) });
    const compose = (newToday: number) =>
      new ReminderComposer(links).compose({
        userId: 'u',
        localDate: '2026-03-08',
        displayName: null,
        due: due(2, 1),
        newToday,
        streakDays: 3,
      });
    const withNew = await compose(1);
    expect(withNew.subject).toBe('3 items are due for review');
    expect(withNew.text).toContain('1 new item is ready to learn today as well.');
    expect(withNew.text).toMatch(
      /Due means what your review queue holds right now: reviews that have come due and learning steps, not\s+new items/,
    );
    expect((await compose(0)).text).not.toContain('ready to learn today');
  });
});
