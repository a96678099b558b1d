import { Injectable } from '@nestjs/common';
import type { TStudyKind } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { SHOWABLE, unburied } from './study.sql';
import type { StateRow } from './study.types';

const STATE_COLUMNS = Prisma.raw(
  `s.kind, s."refId", s.state, s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps",
   s.reps, s.lapses, s."lastReview", s.suspended, s."buriedUntil", s.leech, s.paused, s.retired, s.version`,
);

export interface DayCounts {
  newByKind: Record<TStudyKind, number>;
  reviews: number;
}

/**
 * The queue's reads. Studied items come from the partial index StudyState_due_queue_idx (userId, due), new ones from
 * StudyState_new_queue_idx (userId, kind, newRank): each query repeats the index predicate so the planner can use it.
 */
@Injectable()
export class QueueRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** What today's limits have used: new items introduced per kind, and reviews of items in review. */
  async dayCounts(userId: string, from: Date, to: Date): Promise<DayCounts> {
    const rows = await this.prisma.$queryRaw<{ kind: TStudyKind; stateBefore: string; n: bigint }[]>`
      SELECT kind, "stateBefore", count(*) AS n FROM "ReviewLog"
      WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${from} AND "reviewedAt" < ${to}
        AND rating IS NOT NULL AND "undoneAt" IS NULL AND "stateBefore" IN ('new', 'review')
      GROUP BY kind, "stateBefore"`;
    const counts: DayCounts = { newByKind: { card: 0, problem: 0, lab: 0 }, reviews: 0 };
    for (const r of rows) {
      if (r.stateBefore === 'new') counts.newByKind[r.kind] += Number(r.n);
      else counts.reviews += Number(r.n);
    }
    return counts;
  }

  /** Due reviews, lowest retrievability first (for any FSRS decay that is the highest elapsed/stability), and how many. */
  async dueReviews(userId: string, now: Date, limit: number): Promise<{ rows: StateRow[]; total: number }> {
    const rows = await this.prisma.$queryRaw<(StateRow & { total: bigint })[]>`
      SELECT ${STATE_COLUMNS}, count(*) OVER () AS total FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE} AND s.due <= ${now}
        AND s.state = 'review' AND ${unburied(now)}
      ORDER BY extract(epoch FROM ${now}::timestamptz - coalesce(s."lastReview", s.due)) / greatest(s.stability, 0.001) DESC, s.due
      LIMIT ${limit}`;
    return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** Learning and relearning steps due by `until`, earliest first, and how many. */
  async dueLearning(userId: string, until: Date, now: Date, limit: number): Promise<{ rows: StateRow[]; total: number }> {
    const rows = await this.prisma.$queryRaw<(StateRow & { total: bigint })[]>`
      SELECT ${STATE_COLUMNS}, count(*) OVER () AS total FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE} AND s.due <= ${until}
        AND s.state IN ('learning', 'relearning') AND ${unburied(now)}
      ORDER BY s.due
      LIMIT ${limit}`;
    return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** The next new items of one kind, in rank order (deck enrolled first, then deck position). */
  async newItems(userId: string, kind: TStudyKind, now: Date, limit: number): Promise<StateRow[]> {
    if (limit <= 0) return [];
    return this.prisma.$queryRaw<StateRow[]>`
      SELECT ${STATE_COLUMNS} FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND s.kind = ${kind}::"StudyKind" AND s.state = 'new' AND ${SHOWABLE} AND ${unburied(now)}
      ORDER BY s."newRank"
      LIMIT ${limit}`;
  }

  /** How many new items of one kind are available, counting no further than `cap`. */
  async countNew(userId: string, kind: TStudyKind, now: Date, cap: number): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM "StudyState" s
        WHERE s."userId" = ${userId}::uuid AND s.kind = ${kind}::"StudyKind" AND s.state = 'new' AND ${SHOWABLE} AND ${unburied(now)}
        LIMIT ${cap}) capped`;
    return Number(row?.n ?? 0);
  }

  /** The earliest due time after `after` among studied items in the queue, per state group. */
  async nextDue(userId: string, after: Date): Promise<{ learning: Date | null; review: Date | null }> {
    const [row] = await this.prisma.$queryRaw<{ learning: Date | null; review: Date | null }[]>`
      SELECT
        (SELECT min(s.due) FROM "StudyState" s WHERE s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE}
           AND s.due > ${after} AND s.state IN ('learning', 'relearning')) AS learning,
        (SELECT min(s.due) FROM "StudyState" s WHERE s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE}
           AND s.due > ${after} AND s.state = 'review') AS review`;
    return { learning: row?.learning ?? null, review: row?.review ?? null };
  }

  /** Studied items due by `until` per kind (what a reminder counts). */
  async dueByKind(userId: string, until: Date, now: Date): Promise<Record<TStudyKind, number>> {
    const rows = await this.prisma.$queryRaw<{ kind: TStudyKind; n: bigint }[]>`
      SELECT s.kind, count(*) AS n FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE} AND s.due <= ${until} AND ${unburied(now)}
      GROUP BY s.kind`;
    const out: Record<TStudyKind, number> = { card: 0, problem: 0, lab: 0 };
    for (const r of rows) out[r.kind] = Number(r.n);
    return out;
  }
}
