import { Injectable, Logger } from '@nestjs/common';

/** Items due now, by kind; `total` is their sum (the learner core's per-kind counts). */
export interface DueByKind {
  card: number;
  problem: number;
  lab: number;
  total: number;
}

export interface LearnerReviewSnapshot {
  due: DueByKind;
  /** Consecutive learner days with at least one review, up to today. */
  streakDays: number;
}

/**
 * What reminders need from the learner core: each learner's timezone, what is due and the streak. Reminders read
 * them only through this, so wiring to the core's services is one provider.
 */
export abstract class LearnerReviewState {
  /** IANA timezone per learner (every id gets one: the core's default when the learner never chose). */
  abstract timezones(userIds: readonly string[]): Promise<Map<string, string>>;
  abstract snapshot(userId: string, now: Date): Promise<LearnerReviewSnapshot>;
}

/**
 * Stands in until the learner core (settings, due counts, streaks) is merged: every learner is in UTC with nothing
 * due, so no reminder goes out. Replaced by a provider that asks the core's services.
 */
@Injectable()
export class NoLearnerCoreYet extends LearnerReviewState {
  private readonly logger = new Logger('Reminders');
  private warned = false;

  async timezones(userIds: readonly string[]): Promise<Map<string, string>> {
    return new Map(userIds.map((id) => [id, 'UTC']));
  }

  async snapshot(): Promise<LearnerReviewSnapshot> {
    if (!this.warned) {
      this.warned = true;
      this.logger.warn('due counts are not wired to the learner core yet: reminders count nothing as due');
    }
    return { due: { card: 0, problem: 0, lab: 0, total: 0 }, streakDays: 0 };
  }
}
