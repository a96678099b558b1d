import type { DueByKind, LearnerReviewSnapshot } from '../../src/modules/reminders/learner-state';
import { LearnerReviewState } from '../../src/modules/reminders/learner-state';

type Due = Partial<Omit<DueByKind, 'total'>>;

/**
 * Timezones and due counts for reminder tests, seeded per learner, until the learner core is merged (then tests
 * seed real review state instead). `due` may depend on the time, so a simulated week can vary day by day.
 */
export class SeededLearnerState extends LearnerReviewState {
  private readonly learners = new Map<string, { timezone: string; due: (now: Date) => Due; streakDays: number }>();

  seed(userId: string, learner: { timezone: string; due: Due | ((now: Date) => Due); streakDays?: number }): void {
    const due = learner.due;
    this.learners.set(userId, {
      timezone: learner.timezone,
      due: typeof due === 'function' ? due : () => due,
      streakDays: learner.streakDays ?? 0,
    });
  }

  async timezones(userIds: readonly string[]): Promise<Map<string, string>> {
    return new Map(userIds.map((id) => [id, this.learners.get(id)?.timezone ?? 'UTC']));
  }

  async snapshot(userId: string, now: Date): Promise<LearnerReviewSnapshot> {
    const learner = this.learners.get(userId);
    const due = learner?.due(now) ?? {};
    const counts = { card: due.card ?? 0, problem: due.problem ?? 0, lab: due.lab ?? 0 };
    return { due: { ...counts, total: counts.card + counts.problem + counts.lab }, streakDays: learner?.streakDays ?? 0 };
  }
}
