import { Injectable } from '@nestjs/common';
import { STUDY_KINDS, type TKindCounts, type TQueueName, type TReviewNextResponse, type TStudyKind } from '@prep/contracts';
import { Clock } from '../../common/clock';
import { SettingsService } from '../settings/settings.service';
import { QueueRepository } from './queue.repository';
import { StudyItemsReader } from './study-items.reader';
import type { StateRow } from './study.types';

/** Anki's learn-ahead limit: with nothing else to do, learning steps due this soon are shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** New items fetched per kind at most; a larger daily limit is counted, not fetched. */
const NEW_FETCH_CAP = 200;

const sum = (byKind: Record<TStudyKind, number>) => STUDY_KINDS.reduce((n, k) => n + byKind[k], 0);

/** Counts given in STUDY_KINDS order, with their total. */
function kindCounts(values: readonly number[]): TKindCounts {
  const byKind = Object.fromEntries(STUDY_KINDS.map((k, i) => [k, values[i] ?? 0])) as Record<TStudyKind, number>;
  return { ...byKind, total: sum(byKind) };
}

/** Spreads each kind's items evenly through the result, keeping each kind's own order (Anki's "mix" of queues). */
export function interleave<T>(lists: T[][]): T[] {
  return lists
    .flatMap((list, k) => list.map((item, i) => ({ item, key: (i + 0.5) / list.length, k })))
    .sort((a, b) => a.key - b.key || a.k - b.k)
    .map((x) => x.item);
}

@Injectable()
export class StudyQueueService {
  constructor(
    private readonly queue: QueueRepository,
    private readonly items: StudyItemsReader,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * GET /review/next: due reviews (lowest retrievability first), then learning steps due now, then new items of
   * enrolled decks within today's per-kind limits, kinds interleaved. With none of those, learning steps due within
   * the learn-ahead limit; with nothing at all, when the next item comes due.
   */
  async next(userId: string, limit: number): Promise<TReviewNextResponse> {
    const now = this.clock.now();
    const { learner, today, startsAt, endsAt, done, reviewRoom, newRoom } = await this.learnerDay(userId, now);
    const { calendar, settings } = learner;

    const fetchNew = Object.fromEntries(STUDY_KINDS.map((k) => [k, Math.min(newRoom[k], NEW_FETCH_CAP)])) as Record<TStudyKind, number>;
    const picked = await this.queue.candidates(userId, now, {
      reviews: Math.max(1, Math.min(limit, reviewRoom)),
      learning: limit,
      fresh: fetchNew,
    });
    const { reviews, learning } = picked;
    const fresh = STUDY_KINDS.map((k) => picked.fresh[k]);
    const newCount = await this.countNew(userId, now, newRoom, fresh);
    const counts = { review: Math.min(reviews.total, reviewRoom), learning: learning.total, new: newCount };

    let entries: { row: StateRow; queue: TQueueName }[] = [
      ...reviews.rows.slice(0, reviewRoom).map((row) => ({ row, queue: 'review' as const })),
      ...learning.rows.map((row) => ({ row, queue: 'learning' as const })),
      ...interleave(fresh).map((row) => ({ row, queue: 'new' as const })),
    ];
    if (entries.length === 0) {
      const ahead = await this.queue.dueLearning(userId, new Date(now.getTime() + LEARN_AHEAD_MS), now, limit);
      entries = ahead.rows.map((row) => ({ row, queue: 'learning' as const }));
    }
    const items = await this.items.queueItems(userId, entries.slice(0, limit), learner, now);

    let nextDueAt: Date | null = null;
    if (items.length === 0) {
      const next = await this.queue.nextDue(userId, now);
      const newWithheld = await Promise.all(STUDY_KINDS.filter((k) => newRoom[k] === 0).map((k) => this.queue.countNew(userId, k, now, 1)));
      const candidates = [
        next.learning,
        next.review && reviewRoom === 0 && next.review < endsAt ? endsAt : next.review,
        reviews.total > 0 || newWithheld.some((n) => n > 0) ? endsAt : null,
      ].filter((d): d is Date => d !== null);
      nextDueAt = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
    }

    return {
      items,
      counts,
      day: {
        date: calendar.dateOf(today),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        newStudied: STUDY_KINDS.reduce((n, k) => n + done.newByKind[k], 0),
        reviewsDone: done.reviews,
        newLimit: STUDY_KINDS.reduce((n, k) => n + settings.newPerDay[k], 0),
        reviewLimit: settings.reviewsPerDay,
      },
      nextDueAt: nextDueAt?.toISOString() ?? null,
    };
  }

  /**
   * What the queue would offer at `at`, counted by kind without fetching it: `due` is the reviews due (as many as
   * today's review limit still allows, picked in queue order) plus the learning steps due; `new` is the new items
   * within what is left of today's new-item limits. Not suspended, buried, paused (deck left) or retired. One
   * definition of "due now" for the dashboard (GET /stats), the page title and review reminders.
   */
  async countDue(userId: string, at: Date): Promise<{ due: TKindCounts; new: TKindCounts }> {
    const { reviewRoom, newRoom } = await this.learnerDay(userId, at);
    const due = await this.queue.dueByKind(userId, at);
    const reviews = sum(due.review) > reviewRoom ? await this.queue.firstReviewsByKind(userId, at, reviewRoom) : due.review;
    const fresh = await Promise.all(STUDY_KINDS.map((k) => (newRoom[k] > 0 ? this.queue.countNew(userId, k, at, newRoom[k]) : 0)));
    return { due: kindCounts(STUDY_KINDS.map((k) => reviews[k] + due.learning[k])), new: kindCounts(fresh) };
  }

  /** New items available now in enrolled decks, by kind (before the daily limits). */
  async newAvailable(userId: string, now: Date): Promise<TKindCounts> {
    return kindCounts(await Promise.all(STUDY_KINDS.map((k) => this.queue.countNew(userId, k, now, 1_000_000))));
  }

  /** When the earliest studied item in the queue comes due after `now` (null when none is scheduled). */
  async nextDueAt(userId: string, now: Date): Promise<Date | null> {
    const next = await this.queue.nextDue(userId, now);
    const times = [next.learning, next.review].filter((d): d is Date => d !== null).map((d) => d.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  }

  /** The learner's day at `now` and what today's limits have left. */
  private async learnerDay(userId: string, now: Date) {
    const learner = await this.settings.forScheduling(userId);
    const { calendar, settings } = learner;
    const today = calendar.dayOf(now);
    const startsAt = calendar.startOf(today);
    const endsAt = calendar.startOf(today + 1);
    const done = await this.queue.dayCounts(userId, startsAt, endsAt);
    const reviewRoom = Math.max(0, settings.reviewsPerDay - done.reviews);
    const newRoom = Object.fromEntries(STUDY_KINDS.map((k) => [k, Math.max(0, settings.newPerDay[k] - done.newByKind[k])])) as Record<
      TStudyKind,
      number
    >;
    return { learner, today, startsAt, endsAt, done, reviewRoom, newRoom };
  }

  private async countNew(userId: string, now: Date, room: Record<TStudyKind, number>, fetched: StateRow[][]): Promise<number> {
    const perKind = await Promise.all(
      STUDY_KINDS.map((k, i) =>
        room[k] > NEW_FETCH_CAP ? this.queue.countNew(userId, k, now, room[k]) : Promise.resolve(fetched[i]!.length),
      ),
    );
    return perKind.reduce((a, b) => a + b, 0);
  }
}
