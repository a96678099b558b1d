import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type TItemActionResponse,
  type TItemDetailResponse,
  type TKnownRequest,
  type TResetRequest,
  type TSetDueRequest,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import { type LearnerSchedule, SettingsService } from '../settings/settings.service';
import { notFound, TX_OPTIONS } from './reviews.service';
import { StudyItemsReader } from './study-items.reader';
import { toKey } from './study-keys';
import { toItemState, toLogEntry } from './study.mapper';
import { StudyRepository } from './study.repository';
import type { StateRow } from './study.types';

type ScheduleChange = 'reset' | 'set-due' | 'known';
type Action = (row: StateRow, learner: LearnerSchedule, now: Date) => { next: StateRow; logAs?: ScheduleChange };

/** GET /items/:itemId and the item actions (suspend, bury, reset, set due, "I already know this"). */
@Injectable()
export class ItemsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: StudyRepository,
    private readonly items: StudyItemsReader,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async detail(userId: string, itemId: string): Promise<TItemDetailResponse> {
    const key = toKey(itemId);
    const now = this.clock.now();
    const [item] = await this.items.studyItems(userId, [key], await this.settings.forScheduling(userId), now);
    if (!item) throw notFound();
    return { item, history: (await this.repository.history(userId, key)).map(toLogEntry) };
  }

  suspend(userId: string, itemId: string) {
    return this.act(userId, itemId, (row) => ({ next: { ...row, suspended: true } }));
  }

  unsuspend(userId: string, itemId: string) {
    return this.act(userId, itemId, (row) => ({ next: { ...row, suspended: false } }));
  }

  /** Out of the queue until the next rollover. */
  bury(userId: string, itemId: string) {
    return this.act(userId, itemId, (row, { calendar }, now) => ({
      next: { ...row, buriedUntil: calendar.startOf(calendar.dayOf(now) + 1) },
    }));
  }

  unbury(userId: string, itemId: string) {
    return this.act(userId, itemId, (row) => ({ next: { ...row, buriedUntil: null } }));
  }

  reset(userId: string, itemId: string, request: TResetRequest) {
    return this.act(userId, itemId, (row, { scheduler }, now) => ({
      next: { ...row, ...scheduler.forget(row, now, request.resetCounts), leech: request.resetCounts ? false : row.leech },
      logAs: 'reset',
    }));
  }

  setDue(userId: string, itemId: string, request: TSetDueRequest) {
    return this.act(userId, itemId, (row, { scheduler }, now) => ({
      next: { ...row, ...scheduler.setDue(row.kind, row, request.days, now), buriedUntil: null },
      logAs: 'set-due',
    }));
  }

  known(userId: string, itemId: string, request: TKnownRequest) {
    return this.act(userId, itemId, (row, { scheduler }, now) => {
      if (row.state !== 'new') throw new AppError(ErrorCode.Conflict, 'This item is already being studied; set its due date instead');
      return { next: { ...row, ...scheduler.known(row.kind, row, request.intervalDays, now), paused: false }, logAs: 'known' };
    });
  }

  /** Applies an action to the locked state row; schedule changes are logged (and can be undone like a review). */
  private async act(userId: string, itemId: string, action: Action): Promise<TItemActionResponse> {
    const key = toKey(itemId);
    const now = this.clock.now();
    const learner = await this.settings.forScheduling(userId);
    return this.prisma.$transaction(async (db) => {
      const row = await this.repository.lockLiveState(db, userId, key, now);
      if (!row) throw notFound();
      const { next, logAs } = action(row, learner, now);
      const saved = await this.repository.saveState(db, userId, next, now);
      if (logAs) {
        await this.repository.insertLog(db, {
          id: randomUUID(),
          userId,
          ...key,
          rating: null,
          source: logAs,
          reviewedAt: now,
          durationMs: null,
          elapsedDays: learner.scheduler.elapsedDays(row, now),
          scheduledDays: saved.scheduledDays,
          early: false,
          before: row,
          after: saved,
          clientReviewId: null,
          response: null,
          revertsId: null,
        });
      }
      const outcome = key.kind === 'problem' ? ((await this.repository.outcomes(userId, [key.refId], db)).get(key.refId) ?? null) : null;
      return { state: toItemState(saved, learner, now, outcome) };
    }, TX_OPTIONS);
  }
}
