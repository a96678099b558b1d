import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import type { DueByKind } from './learner-state';
import { fromDbDate, toDbDate, type PreferenceRow } from './reminders.mapper';
import type { Occurrence } from './reminder-schedule';

const PREFERENCE_SELECT = { enabled: true, minuteOfDay: true, weekdays: true, minDue: true } as const;

export interface ActivePreference extends PreferenceRow {
  userId: string;
  activeSince: Date;
}

export interface Recipient {
  email: string;
  displayName: string | null;
  preference: (PreferenceRow & { activeSince: Date }) | null;
}

export type SendStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface SendRecord {
  id: string;
  status: SendStatus;
  attempts: number;
}

/** Reminder preferences and the send log. The log's unique (learner, local date) key is what "never twice" rests on. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPreference(userId: string): Promise<PreferenceRow | null> {
    return this.prisma.reminderPreference.findUnique({ where: { userId }, select: PREFERENCE_SELECT });
  }

  async savePreference(userId: string, row: PreferenceRow, changes: { activeSince?: Date; unsubscribedAt?: Date | null }): Promise<void> {
    const data = { ...row, ...changes };
    await this.prisma.reminderPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: { userId: true } });
  }

  /** Turns reminders off; false when the learner never had them on (no row: off by default). */
  async disable(userId: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.reminderPreference.updateMany({ where: { userId }, data: { enabled: false, unsubscribedAt: now } });
    return count > 0;
  }

  async findAccount(userId: string): Promise<{ email: string; remindersEnabled: boolean } | null> {
    const row = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { email: true, reminderPreference: { select: { enabled: true } } },
    });
    return row ? { email: row.email, remindersEnabled: row.reminderPreference?.enabled ?? false } : null;
  }

  /** A page of learners with reminders on, in id order (keyset pagination). */
  enabledPreferences(afterUserId: string | null, limit: number): Promise<ActivePreference[]> {
    return this.prisma.reminderPreference.findMany({
      where: { enabled: true, ...(afterUserId ? { userId: { gt: afterUserId } } : {}) },
      select: { userId: true, activeSince: true, ...PREFERENCE_SELECT },
      orderBy: { userId: 'asc' },
      take: limit,
    });
  }

  /** Decisions (any outcome) for these learners with an occurrence after `since`. */
  async recentDecisions(userIds: readonly string[], since: Date): Promise<Map<string, Occurrence[]>> {
    const rows = await this.prisma.reminderSend.findMany({
      where: { userId: { in: [...userIds] }, scheduledFor: { gt: since } },
      select: { userId: true, localDate: true, scheduledFor: true },
    });
    const byUser = new Map<string, Occurrence[]>();
    for (const row of rows) {
      const list = byUser.get(row.userId) ?? [];
      list.push({ localDate: fromDbDate(row.localDate), at: row.scheduledFor });
      byUser.set(row.userId, list);
    }
    return byUser;
  }

  async findRecipient(userId: string): Promise<Recipient | null> {
    const row = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { email: true, displayName: true, reminderPreference: { select: { ...PREFERENCE_SELECT, activeSince: true } } },
    });
    return row ? { email: row.email, displayName: row.displayName, preference: row.reminderPreference } : null;
  }

  /** The log row of this learner and local date, created as `pending` by the first caller; later callers get it as it is. */
  async claimDecision(input: { userId: string; localDate: string; scheduledFor: Date; timezone: string }): Promise<SendRecord> {
    const where = { userId_localDate: { userId: input.userId, localDate: toDbDate(input.localDate) } };
    const select = { id: true, status: true, attempts: true } as const;
    const existing = await this.prisma.reminderSend.findUnique({ where, select });
    if (existing) return existing;
    try {
      return await this.prisma.reminderSend.create({ data: { ...input, localDate: toDbDate(input.localDate) }, select });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
        return this.prisma.reminderSend.findUniqueOrThrow({ where, select });
      }
      throw e;
    }
  }

  /** pending → skipped, with why and what was due. */
  async markSkipped(id: string, reason: string, snapshot?: { due: DueByKind; streakDays: number }): Promise<void> {
    await this.prisma.reminderSend.updateMany({
      where: { id, status: 'pending' },
      data: { status: 'skipped', reason, ...(snapshot ? this.snapshotColumns(snapshot) : {}) },
    });
  }

  /** pending → sending, counting the attempt. False when another attempt got there first. */
  async markSending(id: string, snapshot: { due: DueByKind; streakDays: number }, messageId: string): Promise<boolean> {
    const { count } = await this.prisma.reminderSend.updateMany({
      where: { id, status: 'pending' },
      data: { status: 'sending', attempts: { increment: 1 }, messageId, error: null, ...this.snapshotColumns(snapshot) },
    });
    return count === 1;
  }

  async markSent(id: string, sentAt: Date): Promise<void> {
    await this.prisma.reminderSend.updateMany({ where: { id, status: 'sending' }, data: { status: 'sent', sentAt } });
  }

  /** sending → pending (a retry will follow) or → failed (no more retries), with the SMTP error. */
  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.prisma.reminderSend.updateMany({
      where: { id, status: 'sending' },
      data: { status: final ? 'failed' : 'pending', error: error.slice(0, 1000) },
    });
  }

  /** A row left `sending` by a crash: the mail may have gone out, so it is closed as failed, never resent. */
  async markInterrupted(id: string): Promise<void> {
    await this.prisma.reminderSend.updateMany({
      where: { id, status: 'sending' },
      data: { status: 'failed', error: 'interrupted while handing the mail to SMTP; not resent, as it may have been delivered' },
    });
  }

  private snapshotColumns(snapshot: { due: DueByKind; streakDays: number }) {
    return { due: { ...snapshot.due }, dueTotal: snapshot.due.total, streakDays: snapshot.streakDays };
  }
}
