import { Injectable } from '@nestjs/common';
import type { TStudyKind } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { dueAt, SHOWABLE, STATE_COLUMNS, unburied } from './study.sql';
import type { StateRow } from './study.types';

export interface Candidates {
  reviews: { rows: StateRow[]; total: number };
  learning: { rows: StateRow[]; total: number };
  fresh: Record<TStudyKind, StateRow[]>;
}

const stateOf = ({ queue: _q, total: _t, key: _k, ...row }: StateRow & { queue: string; total: bigint; key: number }): StateRow => row;

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

  /**
   * Everything the queue may offer now, in one round trip: due reviews, lowest retrievability first (for any FSRS
   * decay that is the highest elapsed/stability; at most `reviews`), learning steps due now (at most `learning`), and
   * the next new items of each kind (at most `fresh[kind]`), each with how many there are. The selection reads only
   * the partial queue indexes (their INCLUDE columns); full rows are fetched for the picked items alone.
   */
  async candidates(
    userId: string,
    now: Date,
    limits: { reviews: number; learning: number; fresh: Record<TStudyKind, number> },
  ): Promise<Candidates> {
    const due = Prisma.sql`s."userId" = ${userId}::uuid AND s.state <> 'new' AND ${SHOWABLE} AND s.due <= ${now} AND ${unburied(now)}`;
    const fresh = (kind: TStudyKind) => Prisma.sql`
      (SELECT 'new' AS queue, s.kind, s."refId", 0::bigint AS total, s."newRank"::float8 AS key
       FROM "StudyState" s
       WHERE s."userId" = ${userId}::uuid AND s.kind = ${kind}::"StudyKind" AND s.state = 'new' AND ${SHOWABLE} AND ${unburied(now)}
       ORDER BY s."newRank" LIMIT ${limits.fresh[kind]})`;
    const rows = await this.prisma.$queryRaw<(StateRow & { queue: 'review' | 'learning' | 'new'; total: bigint; key: number })[]>`
      WITH picked AS (
        (SELECT 'review' AS queue, s.kind, s."refId", count(*) OVER () AS total,
           extract(epoch FROM ${now}::timestamptz - coalesce(s."lastReview", s.due)) / greatest(s.stability, 0.001) AS key
         FROM "StudyState" s WHERE ${due} AND s.state = 'review'
         ORDER BY key DESC, s.due LIMIT ${limits.reviews})
        UNION ALL
        (SELECT 'learning' AS queue, s.kind, s."refId", count(*) OVER () AS total, extract(epoch FROM s.due) AS key
         FROM "StudyState" s WHERE ${due} AND s.state IN ('learning', 'relearning')
         ORDER BY s.due LIMIT ${limits.learning})
        UNION ALL ${fresh('card')} UNION ALL ${fresh('problem')} UNION ALL ${fresh('lab')}
      )
      SELECT p.queue, p.total, p.key, ${STATE_COLUMNS}
      FROM picked p JOIN "StudyState" s ON s."userId" = ${userId}::uuid AND s.kind = p.kind AND s."refId" = p."refId"`;
    const pick = (queue: string) => rows.filter((r) => r.queue === queue);
    const reviews = pick('review').sort((a, b) => b.key - a.key || a.due.getTime() - b.due.getTime());
    const learning = pick('learning').sort((a, b) => a.key - b.key);
    const newRows = pick('new').sort((a, b) => a.key - b.key);
    return {
      reviews: { rows: reviews.map(stateOf), total: Number(reviews[0]?.total ?? 0) },
      learning: { rows: learning.map(stateOf), total: Number(learning[0]?.total ?? 0) },
      fresh: {
        card: newRows.filter((r) => r.kind === 'card').map(stateOf),
        problem: newRows.filter((r) => r.kind === 'problem').map(stateOf),
        lab: newRows.filter((r) => r.kind === 'lab').map(stateOf),
      },
    };
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

  /** Studied items the queue would show at `at`, per kind: reviews, and learning or relearning steps. */
  async dueByKind(userId: string, at: Date): Promise<{ review: Record<TStudyKind, number>; learning: Record<TStudyKind, number> }> {
    const rows = await this.prisma.$queryRaw<{ kind: TStudyKind; review: boolean; n: bigint }[]>`
      SELECT s.kind, (s.state = 'review') AS review, count(*) AS n FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND ${dueAt(at)}
      GROUP BY 1, 2`;
    const out = { review: { card: 0, problem: 0, lab: 0 }, learning: { card: 0, problem: 0, lab: 0 } };
    for (const r of rows) out[r.review ? 'review' : 'learning'][r.kind] = Number(r.n);
    return out;
  }

  /** The kinds of the first `limit` due reviews in queue order (when the daily review limit cuts the queue short). */
  async firstReviewsByKind(userId: string, at: Date, limit: number): Promise<Record<TStudyKind, number>> {
    const { reviews } = await this.candidates(userId, at, { reviews: limit, learning: 0, fresh: { card: 0, problem: 0, lab: 0 } });
    const out: Record<TStudyKind, number> = { card: 0, problem: 0, lab: 0 };
    for (const row of reviews.rows) out[row.kind]++;
    return out;
  }
}
