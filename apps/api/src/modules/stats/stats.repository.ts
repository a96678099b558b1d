import { Injectable } from '@nestjs/common';
import type { TMemoryState, TStudyKind } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { SHOWABLE, unburied } from '../study/study.sql';

/** A learner's day of a timestamp column, in SQL: local wall time minus the rollover hours (as LearnerCalendar.dayOf). */
function learnerDate(column: Prisma.Sql, timezone: string, rolloverHour: number): Prisma.Sql {
  return Prisma.sql`to_char((${column} AT TIME ZONE ${timezone}) - make_interval(hours => ${rolloverHour}), 'YYYY-MM-DD')`;
}

/** Reviews that count: a learner's rating, not undone (undo rows and schedule changes have no rating). */
const COUNTED = Prisma.sql`l.rating IS NOT NULL AND l."undoneAt" IS NULL`;

export interface LearnerDays {
  timezone: string;
  rolloverHour: number;
}

@Injectable()
export class StatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Reviews and time spent per learner day, over the whole history. */
  async reviewDays(userId: string, days: LearnerDays): Promise<{ date: string; reviews: number; timeMs: number }[]> {
    const rows = await this.prisma.$queryRaw<{ date: string; reviews: bigint; timeMs: bigint | null }[]>`
      SELECT ${learnerDate(Prisma.sql`l."reviewedAt"`, days.timezone, days.rolloverHour)} AS date,
        count(*) AS reviews, sum(l."durationMs") AS "timeMs"
      FROM "ReviewLog" l WHERE l."userId" = ${userId}::uuid AND ${COUNTED}
      GROUP BY 1 ORDER BY 1`;
    return rows.map((r) => ({ date: r.date, reviews: Number(r.reviews), timeMs: Number(r.timeMs ?? 0) }));
  }

  /** New items introduced on and after a time. */
  async newStudiedSince(userId: string, since: Date): Promise<number> {
    return this.prisma.reviewLog.count({
      where: { userId, reviewedAt: { gte: since }, rating: { not: null }, undoneAt: null, stateBefore: 'new' },
    });
  }

  /** True retention since a time: reviews of items in review state, and how many were rated above `again`. */
  async retentionSince(userId: string, since: Date): Promise<{ reviews: number; passed: number }> {
    const [row] = await this.prisma.$queryRaw<{ reviews: bigint; passed: bigint }[]>`
      SELECT count(*) AS reviews, count(*) FILTER (WHERE l.rating <> 'again') AS passed
      FROM "ReviewLog" l
      WHERE l."userId" = ${userId}::uuid AND l."reviewedAt" >= ${since} AND ${COUNTED} AND l."stateBefore" = 'review'`;
    return { reviews: Number(row?.reviews ?? 0), passed: Number(row?.passed ?? 0) };
  }

  /** Studied items in the queue due before `until`, per learner day of their due time and kind (overdue under the earliest day). */
  async dueByDay(userId: string, until: Date, now: Date, days: LearnerDays): Promise<{ date: string; kind: TStudyKind; n: number }[]> {
    const rows = await this.prisma.$queryRaw<{ date: string; kind: TStudyKind; n: bigint }[]>`
      SELECT ${learnerDate(Prisma.sql`greatest(s.due, ${now}::timestamptz)`, days.timezone, days.rolloverHour)} AS date, s.kind, count(*) AS n
      FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE} AND s.due < ${until} AND ${unburied(now)}
      GROUP BY 1, 2`;
    return rows.map((r) => ({ date: r.date, kind: r.kind, n: Number(r.n) }));
  }

  /** Items by kind and state (retired ones and new items outside enrolled decks left out), with suspended and leech counts. */
  async stateCounts(userId: string): Promise<{ kind: TStudyKind; state: TMemoryState; n: number; suspended: number; leech: number }[]> {
    const rows = await this.prisma.$queryRaw<{ kind: TStudyKind; state: TMemoryState; n: bigint; suspended: bigint; leech: bigint }[]>`
      SELECT s.kind, s.state, count(*) AS n, count(*) FILTER (WHERE s.suspended) AS suspended, count(*) FILTER (WHERE s.leech) AS leech
      FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND NOT s.retired AND (s.state <> 'new' OR NOT s.paused)
      GROUP BY 1, 2`;
    return rows.map((r) => ({ kind: r.kind, state: r.state, n: Number(r.n), suspended: Number(r.suspended), leech: Number(r.leech) }));
  }

  /** Per deck: items studied, mature (interval of 21 days or more) and due before `until`. */
  async deckProgress(
    userId: string,
    until: Date,
    now: Date,
  ): Promise<{ slug: string; title: string; enrolled: boolean; total: number; studied: number; mature: number; due: number }[]> {
    const rows = await this.prisma.$queryRaw<
      { slug: string; title: string; enrolled: boolean; total: bigint; studied: bigint; mature: bigint; due: bigint }[]
    >`
      SELECT d.slug, d.title, (en."userId" IS NOT NULL) AS enrolled, count(di."refId") AS total,
        count(s."refId") FILTER (WHERE s.state <> 'new') AS studied,
        count(s."refId") FILTER (WHERE s.state = 'review' AND s."scheduledDays" >= 21) AS mature,
        count(s."refId") FILTER (WHERE s.state <> 'new' AND ${SHOWABLE} AND s.due < ${until} AND ${unburied(now)}) AS due
      FROM "Deck" d
      LEFT JOIN "Enrollment" en ON en."deckSlug" = d.slug AND en."userId" = ${userId}::uuid
      JOIN "DeckItem" di ON di."deckSlug" = d.slug
      LEFT JOIN "StudyState" s ON s."userId" = ${userId}::uuid AND s.kind = di.kind AND s."refId" = di."refId"
      WHERE d."retiredAt" IS NULL
      GROUP BY d.slug, d.title, en."userId"
      HAVING en."userId" IS NOT NULL OR count(s."refId") FILTER (WHERE s.state <> 'new') > 0
      ORDER BY d.title, d.slug`;
    return rows.map((r) => ({ ...r, total: Number(r.total), studied: Number(r.studied), mature: Number(r.mature), due: Number(r.due) }));
  }
}
