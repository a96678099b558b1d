import { Injectable } from '@nestjs/common';
import type { TAccountExportSections } from '@prep/contracts';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

type Section<K extends keyof TAccountExportSections> = {
  /** The table (Prisma model) the section comes from; a test checks every table that belongs to a user has one. */
  table: string;
  read(db: Prisma.TransactionClient, userId: string): Promise<TAccountExportSections[K]>;
};

/**
 * Every table that holds a user's rows, as it appears in their export: the one place to add a table to the export
 * (plus its section in the contract's ZAccountExportSections, which the type below then demands).
 */
export const EXPORT_SECTIONS: { [K in keyof TAccountExportSections]: Section<K> } = {
  sessions: {
    table: 'Session',
    read: async (db, userId) =>
      (
        await db.session.findMany({
          where: { userId },
          orderBy: { createdAt: 'asc' },
          select: { id: true, userAgent: true, ip: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
        })
      ).map((s) => ({
        ...s,
        createdAt: iso(s.createdAt),
        lastUsedAt: iso(s.lastUsedAt),
        expiresAt: iso(s.expiresAt),
        revokedAt: isoOrNull(s.revokedAt),
      })),
  },
  submissions: {
    table: 'Submission',
    read: async (db, userId) =>
      (
        await db.submission.findMany({
          where: { userId },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            problemSlug: true,
            problemVersion: true,
            mode: true,
            code: true,
            status: true,
            verdict: true,
            result: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).map((s) => ({ ...s, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) })),
  },
  enrollments: {
    table: 'Enrollment',
    read: async (db, userId) =>
      (
        await db.enrollment.findMany({ where: { userId }, orderBy: { enrolledAt: 'asc' }, select: { deckSlug: true, enrolledAt: true } })
      ).map((e) => ({ ...e, enrolledAt: iso(e.enrolledAt) })),
  },
  studyStates: {
    table: 'StudyState',
    read: async (db, userId) =>
      (
        await db.studyState.findMany({
          where: { userId },
          orderBy: [{ kind: 'asc' }, { refId: 'asc' }],
          select: {
            kind: true,
            refId: true,
            state: true,
            due: true,
            stability: true,
            difficulty: true,
            elapsedDays: true,
            scheduledDays: true,
            learningSteps: true,
            reps: true,
            lapses: true,
            lastReview: true,
            suspended: true,
            buriedUntil: true,
            leech: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).map((s) => ({
        ...s,
        due: iso(s.due),
        lastReview: isoOrNull(s.lastReview),
        buriedUntil: isoOrNull(s.buriedUntil),
        createdAt: iso(s.createdAt),
        updatedAt: iso(s.updatedAt),
      })),
  },
  reviewLogs: {
    table: 'ReviewLog',
    read: async (db, userId) =>
      (
        await db.reviewLog.findMany({
          where: { userId },
          orderBy: { seq: 'asc' },
          select: {
            id: true,
            kind: true,
            refId: true,
            rating: true,
            source: true,
            reviewedAt: true,
            durationMs: true,
            elapsedDays: true,
            scheduledDays: true,
            early: true,
            stateBefore: true,
            stateAfter: true,
            clientReviewId: true,
            undoneAt: true,
            revertsId: true,
          },
        })
      ).map((r) => ({ ...r, reviewedAt: iso(r.reviewedAt), undoneAt: isoOrNull(r.undoneAt) })),
  },
  studySettings: {
    table: 'StudySettings',
    read: async (db, userId) =>
      (
        await db.studySettings.findMany({
          where: { userId },
          select: {
            desiredRetention: true,
            newCardsPerDay: true,
            newProblemsPerDay: true,
            newLabsPerDay: true,
            reviewsPerDay: true,
            steps: true,
            rolloverHour: true,
            timezone: true,
            fuzz: true,
            maximumIntervalDays: true,
            leechThreshold: true,
            fsrsWeights: true,
            optimizedAt: true,
            updatedAt: true,
          },
        })
      ).map((s) => ({ ...s, optimizedAt: isoOrNull(s.optimizedAt), updatedAt: iso(s.updatedAt) })),
  },
  fsrsOptimizations: {
    table: 'FsrsOptimization',
    read: async (db, userId) =>
      (
        await db.fsrsOptimization.findMany({
          where: { userId },
          orderBy: { requestedAt: 'asc' },
          select: {
            id: true,
            trigger: true,
            status: true,
            requestedAt: true,
            finishedAt: true,
            reviewCount: true,
            itemCount: true,
            beforeLogLoss: true,
            beforeRmse: true,
            afterLogLoss: true,
            afterRmse: true,
            applied: true,
            weights: true,
            message: true,
          },
        })
      ).map((o) => ({ ...o, requestedAt: iso(o.requestedAt), finishedAt: isoOrNull(o.finishedAt) })),
  },
  problemAttempts: {
    table: 'ProblemAttempt',
    read: async (db, userId) =>
      (
        await db.problemAttempt.findMany({
          where: { userId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            problemSlug: true,
            openedAt: true,
            hintsRevealed: true,
            firstHintAt: true,
            revealedAt: true,
            decidedAt: true,
            rating: true,
            outcomeReason: true,
            decidedBySubmissionId: true,
            outcomeDue: true,
            createdAt: true,
          },
        })
      ).map((a) => ({
        ...a,
        openedAt: isoOrNull(a.openedAt),
        firstHintAt: isoOrNull(a.firstHintAt),
        revealedAt: isoOrNull(a.revealedAt),
        decidedAt: isoOrNull(a.decidedAt),
        outcomeDue: isoOrNull(a.outcomeDue),
        createdAt: iso(a.createdAt),
      })),
  },
  problemDrafts: {
    table: 'ProblemDraft',
    read: async (db, userId) =>
      (
        await db.problemDraft.findMany({
          where: { userId },
          orderBy: { savedAt: 'asc' },
          select: { problemSlug: true, code: true, clientUpdatedAt: true, savedAt: true },
        })
      ).map((d) => ({ ...d, clientUpdatedAt: iso(d.clientUpdatedAt), savedAt: iso(d.savedAt) })),
  },
  reminderPreferences: {
    table: 'ReminderPreference',
    read: async (db, userId) =>
      (
        await db.reminderPreference.findMany({
          where: { userId },
          select: {
            enabled: true,
            minuteOfDay: true,
            weekdays: true,
            minDue: true,
            activeSince: true,
            unsubscribedAt: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).map((p) => ({
        ...p,
        activeSince: iso(p.activeSince),
        unsubscribedAt: isoOrNull(p.unsubscribedAt),
        createdAt: iso(p.createdAt),
        updatedAt: iso(p.updatedAt),
      })),
  },
  reminderSends: {
    table: 'ReminderSend',
    read: async (db, userId) =>
      (
        await db.reminderSend.findMany({
          where: { userId },
          orderBy: { localDate: 'asc' },
          select: {
            id: true,
            localDate: true,
            timezone: true,
            scheduledFor: true,
            status: true,
            due: true,
            dueTotal: true,
            streakDays: true,
            reason: true,
            error: true,
            attempts: true,
            messageId: true,
            sentAt: true,
            createdAt: true,
            updatedAt: true,
          },
        })
      ).map((r) => ({
        ...r,
        localDate: iso(r.localDate).slice(0, 10),
        scheduledFor: iso(r.scheduledFor),
        sentAt: isoOrNull(r.sentAt),
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      })),
  },
  auditEvents: {
    table: 'AuditEvent',
    read: async (db, userId) =>
      (
        await db.auditEvent.findMany({
          where: { actorId: userId },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true },
        })
      ).map((e) => ({ ...e, at: iso(e.at) })),
  },
  problemVersions: {
    table: 'ProblemVersion',
    read: async (db, userId) =>
      (
        await db.problemVersion.findMany({
          where: { OR: [{ createdById: userId }, { publishedById: userId }] },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            problemSlug: true,
            number: true,
            title: true,
            createdById: true,
            publishedById: true,
            createdAt: true,
            publishedAt: true,
          },
        })
      ).map(({ createdById, publishedById, createdAt, publishedAt, ...v }) => ({
        ...v,
        roles: [...(createdById === userId ? ['created' as const] : []), ...(publishedById === userId ? ['published' as const] : [])],
        createdAt: iso(createdAt),
        publishedAt: isoOrNull(publishedAt),
      })),
  },
};

/**
 * Tables that keep a user's rows after the account is deleted, on purpose, with the user's identity removed
 * (the foreign key is SET NULL and `forget` clears what else names them). A test holds every other table to CASCADE.
 */
export const RETAINED_AFTER_DELETE: Record<string, { why: string; forget(db: Prisma.TransactionClient, userId: string): Promise<void> }> = {
  AuditEvent: {
    why: 'admin changes to content and accounts stay traceable',
    forget: async (db, userId) => {
      await db.auditEvent.updateMany({ where: { actorId: userId }, data: { actorEmail: 'deleted account' } });
    },
  },
  ProblemVersion: {
    why: 'the history of authored problems (who wrote and published each version) stays, without the author',
    forget: async (db, userId) => {
      await db.problemVersion.updateMany({ where: { createdById: userId }, data: { createdByEmail: null } });
      await db.problemVersion.updateMany({ where: { publishedById: userId }, data: { publishedById: null, publishedByEmail: null } });
    },
  },
};

@Injectable()
export class AccountExportRepository {
  constructor(private readonly prisma: PrismaService) {}

  async readSections(userId: string): Promise<TAccountExportSections> {
    const keys = Object.keys(EXPORT_SECTIONS) as (keyof TAccountExportSections)[];
    const values = await this.prisma.$transaction(async (tx) => Promise.all(keys.map((key) => EXPORT_SECTIONS[key].read(tx, userId))), {
      isolationLevel: 'RepeatableRead',
    });
    return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as TAccountExportSections;
  }
}
