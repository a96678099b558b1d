import { Injectable } from '@nestjs/common';
import { STUDY_KINDS, type TKindCounts, type TRetention, type TStateCounts, type TStatsResponse, type TStudyKind } from '@prep/contracts';
import { Clock } from '../../common/clock';
import { SettingsService } from '../settings/settings.service';
import { DAY_MS } from '../study/scheduler/learner-calendar';
import { StudyQueueService } from '../study/study-queue.service';
import { StatsRepository } from './stats.repository';

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const emptyKinds = (): TKindCounts => ({ card: 0, problem: 0, lab: 0, total: 0 });
const emptyStates = (): TStateCounts => ({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, leech: 0 });

/** Longest and current runs of consecutive days with reviews; the current run may end yesterday. */
export function streaks(reviewDays: number[], today: number): { current: number; longest: number } {
  const days = new Set(reviewDays);
  let longest = 0;
  for (const day of days) {
    if (days.has(day - 1)) continue;
    let length = 1;
    while (days.has(day + length)) length++;
    longest = Math.max(longest, length);
  }
  let current = 0;
  for (let day = days.has(today) ? today : today - 1; days.has(day); day--) current++;
  return { current, longest };
}

@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly queue: StudyQueueService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** Consecutive learner days with a review, up to today (or yesterday when today has none yet): for reminders. */
  async currentStreak(userId: string, now: Date): Promise<number> {
    const { calendar, settings } = await this.settings.forScheduling(userId);
    const history = await this.stats.reviewDays(userId, { timezone: settings.timezone, rolloverHour: settings.rolloverHour });
    return streaks(
      history.map((h) => dayNumber(h.date)),
      calendar.dayOf(now),
    ).current;
  }

  /** GET /stats: everything the dashboard shows, in the learner's days. */
  async get(userId: string): Promise<TStatsResponse> {
    const now = this.clock.now();
    const { calendar, settings } = await this.settings.forScheduling(userId);
    const days = { timezone: settings.timezone, rolloverHour: settings.rolloverHour };
    const today = calendar.dayOf(now);
    const startOf = (daysAgo: number) => calendar.startOf(today - daysAgo);
    const [history, due, queueNow, states, decks, newAvailable, nextDueAt, newStudied, r7, r30, r365] = await Promise.all([
      this.stats.reviewDays(userId, days),
      this.stats.dueByDay(userId, calendar.startOf(today + 30), now, days),
      this.queue.countDue(userId, now),
      this.stats.stateCounts(userId),
      this.stats.deckProgress(userId, calendar.startOf(today + 1), now),
      this.queue.newAvailable(userId, now),
      this.queue.nextDueAt(userId, now),
      this.stats.newStudiedSince(userId, startOf(0)),
      this.stats.retentionSince(userId, startOf(6)),
      this.stats.retentionSince(userId, startOf(29)),
      this.stats.retentionSince(userId, startOf(364)),
    ]);

    const byDay = new Map(history.map((h) => [dayNumber(h.date), h]));
    const since = (daysAgo: number, pick: (h: (typeof history)[number]) => number) =>
      history.filter((h) => dayNumber(h.date) >= today - daysAgo).reduce((n, h) => n + pick(h), 0);

    const forecast = Array.from({ length: 30 }, (_, i) => ({ date: calendar.dateOf(today + i), due: emptyKinds() }));
    for (const row of due) {
      const entry = forecast[dayNumber(row.date) - today];
      if (!entry) continue;
      entry.due[row.kind] += row.n;
      entry.due.total += row.n;
    }

    const counts: Record<TStudyKind | 'total', TStateCounts> = {
      card: emptyStates(),
      problem: emptyStates(),
      lab: emptyStates(),
      total: emptyStates(),
    };
    for (const row of states) {
      for (const target of [counts[row.kind], counts.total]) {
        target[row.state] += row.n;
        target.suspended += row.suspended;
        target.leech += row.leech;
      }
    }

    const retention = (r: { reviews: number; passed: number }): TRetention => ({ ...r, rate: r.reviews ? r.passed / r.reviews : null });
    const todays = byDay.get(today);
    return {
      today: {
        date: calendar.dateOf(today),
        due: forecast[0]!.due,
        dueNow: queueNow.due,
        newToday: queueNow.new,
        newAvailable,
        reviews: todays?.reviews ?? 0,
        newStudied,
        timeMs: todays?.timeMs ?? 0,
      },
      nextDueAt: nextDueAt?.toISOString() ?? null,
      forecast,
      heatmap: Array.from({ length: 365 }, (_, i) => {
        const day = today - 364 + i;
        return { date: calendar.dateOf(day), reviews: byDay.get(day)?.reviews ?? 0 };
      }),
      streak: streaks([...byDay.keys()], today),
      retention: { last7: retention(r7), last30: retention(r30), last365: retention(r365) },
      counts,
      decks: decks.map((d) => ({
        slug: d.slug,
        title: d.title,
        enrolled: d.enrolled,
        total: d.total,
        studied: d.studied,
        mature: d.mature,
        dueToday: d.due,
      })),
      time: {
        todayMs: todays?.timeMs ?? 0,
        last7Ms: since(6, (h) => h.timeMs),
        last30Ms: since(29, (h) => h.timeMs),
        totalMs: since(Infinity, (h) => h.timeMs),
      },
      totals: {
        reviews: since(Infinity, (h) => h.reviews),
        studiedItems: STUDY_KINDS.reduce((n, k) => n + counts[k].learning + counts[k].review + counts[k].relearning, 0),
      },
    };
  }
}
