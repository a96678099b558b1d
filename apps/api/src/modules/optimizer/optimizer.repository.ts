import { Injectable } from '@nestjs/common';
import type { TOptimization, TStudyKind } from '@prep/contracts';
import type { OptimizationStatus } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import type { TrainingLog } from './training-items';

const SELECT = {
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
} as const;

type Row = {
  id: string;
  trigger: string;
  status: OptimizationStatus;
  requestedAt: Date;
  finishedAt: Date | null;
  reviewCount: number | null;
  itemCount: number | null;
  beforeLogLoss: number | null;
  beforeRmse: number | null;
  afterLogLoss: number | null;
  afterRmse: number | null;
  applied: boolean;
  weights: number[];
  message: string | null;
};

function toOptimization(row: Row): TOptimization {
  const metrics = (logLoss: number | null, rmse: number | null) => (logLoss === null || rmse === null ? null : { logLoss, rmse });
  return {
    id: row.id,
    trigger: row.trigger === 'weekly' ? 'weekly' : 'manual',
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    reviewCount: row.reviewCount,
    itemCount: row.itemCount,
    before: metrics(row.beforeLogLoss, row.beforeRmse),
    after: metrics(row.afterLogLoss, row.afterRmse),
    applied: row.applied,
    weights: row.weights.length ? row.weights : null,
    message: row.message,
  };
}

export interface FitResult {
  reviewCount: number;
  itemCount: number;
  before: { logLoss: number; rmse: number } | null;
  after: { logLoss: number; rmse: number } | null;
  applied: boolean;
  weights: number[];
  message: string | null;
}

@Injectable()
export class OptimizerRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The learner's queued or running optimization, or a new queued one; one at a time per learner. */
  async activeOrNew(userId: string, trigger: 'manual' | 'weekly', now: Date): Promise<{ optimization: TOptimization; created: boolean }> {
    return this.prisma.$transaction(async (db) => {
      await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`optimize:${userId}`}))`;
      const active = await db.fsrsOptimization.findFirst({
        where: { userId, status: { in: ['queued', 'running'] } },
        orderBy: { requestedAt: 'desc' },
        select: SELECT,
      });
      if (active) return { optimization: toOptimization(active), created: false };
      const row = await db.fsrsOptimization.create({ data: { userId, trigger, requestedAt: now }, select: SELECT });
      return { optimization: toOptimization(row), created: true };
    });
  }

  async latest(userId: string): Promise<TOptimization | null> {
    const row = await this.prisma.fsrsOptimization.findFirst({ where: { userId }, orderBy: { requestedAt: 'desc' }, select: SELECT });
    return row ? toOptimization(row) : null;
  }

  /** Claims a queued (or stalled running) run; null when it is finished or gone. */
  async start(id: string): Promise<{ userId: string } | null> {
    const row = await this.prisma.fsrsOptimization.findUnique({ where: { id }, select: { userId: true, status: true } });
    if (!row || row.status === 'done' || row.status === 'failed') return null;
    await this.prisma.fsrsOptimization.update({ where: { id }, data: { status: 'running' }, select: { id: true } });
    return { userId: row.userId };
  }

  async finish(id: string, result: FitResult, now: Date): Promise<void> {
    await this.prisma.fsrsOptimization.update({
      where: { id },
      data: {
        status: 'done',
        finishedAt: now,
        reviewCount: result.reviewCount,
        itemCount: result.itemCount,
        beforeLogLoss: result.before?.logLoss ?? null,
        beforeRmse: result.before?.rmse ?? null,
        afterLogLoss: result.after?.logLoss ?? null,
        afterRmse: result.after?.rmse ?? null,
        applied: result.applied,
        weights: result.weights,
        message: result.message,
      },
      select: { id: true },
    });
  }

  async fail(id: string, message: string, now: Date): Promise<void> {
    await this.prisma.fsrsOptimization.update({
      where: { id },
      data: { status: 'failed', finishedAt: now, message },
      select: { id: true },
    });
  }

  /** The learner's rated reviews that still count, plus resets and "known" starts, grouped by item in order. */
  async trainingLogs(userId: string): Promise<TrainingLog[]> {
    const rows = await this.prisma.reviewLog.findMany({
      where: { userId, undoneAt: null, OR: [{ rating: { not: null } }, { source: { in: ['reset', 'known'] } }] },
      orderBy: [{ kind: 'asc' }, { refId: 'asc' }, { seq: 'asc' }],
      select: { kind: true, refId: true, rating: true, source: true, elapsedDays: true, stateBefore: true },
    });
    return rows.map((r) => ({
      itemKey: `${r.kind as TStudyKind}:${r.refId}`,
      rating: r.rating,
      source: r.source === 'set_due' ? 'set-due' : r.source,
      elapsedDays: r.elapsedDays,
      stateBefore: r.stateBefore,
    }));
  }

  /** Learners with at least `minReviews` rated reviews since their last fit (applied or not) and no run in progress. */
  async learnersDueForFit(minReviews: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ userId: string }[]>`
      WITH last_fit AS (SELECT "userId", max("requestedAt") AS at FROM "FsrsOptimization" WHERE status = 'done' GROUP BY 1)
      SELECT l."userId" FROM "ReviewLog" l
      LEFT JOIN last_fit ON last_fit."userId" = l."userId"
      WHERE l.rating IS NOT NULL AND l."undoneAt" IS NULL AND (last_fit.at IS NULL OR l."reviewedAt" > last_fit.at)
        AND NOT EXISTS (SELECT 1 FROM "FsrsOptimization" o WHERE o."userId" = l."userId" AND o.status IN ('queued', 'running'))
      GROUP BY l."userId"
      HAVING count(*) >= ${minReviews}`;
    return rows.map((r) => r.userId);
  }

  /** Runs still queued long after they were requested (their job was lost, e.g. Redis was down): enqueue them again. */
  async staleQueued(before: Date): Promise<string[]> {
    const rows = await this.prisma.fsrsOptimization.findMany({
      where: { status: 'queued', requestedAt: { lt: before } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async userOf(id: string): Promise<string | null> {
    return (await this.prisma.fsrsOptimization.findUnique({ where: { id }, select: { userId: true } }))?.userId ?? null;
  }
}
