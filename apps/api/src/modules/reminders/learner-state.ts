import { Injectable } from '@nestjs/common';
import type { TKindCounts } from '@prep/contracts';
import { SettingsService } from '../settings/settings.service';
import { StatsService } from '../stats/stats.service';
import { StudyQueueService } from '../study/study-queue.service';

/** Items due now, by kind; `total` is their sum. */
export type DueByKind = TKindCounts;

export interface LearnerReviewSnapshot {
  /** What the review queue shows now apart from new items: due reviews (within today's limit) and learning steps. */
  due: DueByKind;
  /** New items the queue also offers today (within today's new-item limits). Never a reason to send a reminder. */
  newToday: number;
  /** Consecutive learner days with at least one review, up to today (or yesterday when today has none yet). */
  streakDays: number;
}

/**
 * What reminders read from the learner core: each learner's timezone, what the review queue would show, and the
 * streak. "Due" is the core's own count (StudyQueueService.countDue), the one the dashboard shows as due now.
 */
@Injectable()
export class LearnerReviewState {
  constructor(
    private readonly settings: SettingsService,
    private readonly queue: StudyQueueService,
    private readonly stats: StatsService,
  ) {}

  /** IANA timezone per learner (every id gets one: the core's default when the learner never chose). */
  timezones(userIds: readonly string[]): Promise<Map<string, string>> {
    return this.settings.timezones(userIds);
  }

  async snapshot(userId: string, now: Date): Promise<LearnerReviewSnapshot> {
    const [counts, streakDays] = await Promise.all([this.queue.countDue(userId, now), this.stats.currentStreak(userId, now)]);
    return { due: counts.due, newToday: counts.new.total, streakDays };
  }
}
