import { Injectable } from '@nestjs/common';
import type { TCreateSubmissionRequest, TGradeMode, TGradeResult } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';
import type { Tx } from '../prisma/transactions';
import type { AttemptRow } from '../outcomes/attempts.repository';
import { SUMMARY_SELECT, VIEW_SELECT, type SummaryRow, type ViewRow } from './submissions.mapper';

const UNFINISHED = ['queued', 'running'];

export interface NewSubmission {
  userId: string;
  problemSlug: string;
  problemVersion: number;
  mode: TGradeMode;
  code: string;
  customTests: TCreateSubmissionRequest['customTests'];
  attemptId: string;
  createdAt: Date;
}

/** What a worker needs to grade a submission. */
export interface GradingRow {
  id: string;
  userId: string;
  problemSlug: string;
  problemVersion: number;
  mode: TGradeMode;
  code: string;
  customTests: TCreateSubmissionRequest['customTests'] | null;
  attemptId: string | null;
  createdAt: Date;
  gradeAttempts: number;
}

export interface FinalResult {
  result: TGradeResult;
  problemVersion?: number;
  finishedAt: Date;
}

@Injectable()
export class SubmissionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts a queued submission unless the learner already has `maxInFlight` queued or running (checked and
   * inserted under a per-learner lock, so concurrent requests cannot both slip under the limit).
   */
  async createIfRoom(input: NewSubmission, maxInFlight: number): Promise<{ id: string } | { inFlight: number }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`submit:${input.userId}`}, 0))`;
      const inFlight = await tx.submission.count({ where: { userId: input.userId, status: { in: UNFINISHED } } });
      if (inFlight >= maxInFlight) return { inFlight };
      const { customTests, ...rest } = input;
      const row = await tx.submission.create({
        data: { ...rest, ...(customTests ? { customTests: customTests as object[] } : {}), status: 'queued' },
        select: { id: true },
      });
      return { id: row.id };
    });
  }

  /** The learner's own submission with the outcome it decided; null for another learner's or an unknown id. */
  async findOwned(userId: string, id: string): Promise<{ row: ViewRow; attempt: AttemptRow | null } | null> {
    const row = await this.prisma.submission.findFirst({
      where: { id, userId },
      select: { ...VIEW_SELECT, attempt: true },
    });
    if (!row) return null;
    const { attempt, ...view } = row;
    const decided = attempt && attempt.decidedBySubmissionId === id ? (attempt as AttemptRow) : null;
    return { row: view, attempt: decided };
  }

  async statusOf(userId: string, id: string): Promise<string | null> {
    const row = await this.prisma.submission.findFirst({ where: { id, userId }, select: { status: true } });
    return row?.status ?? null;
  }

  /** Newest first, after the cursor position (createdAt, id). */
  async history(
    userId: string,
    problemSlug: string,
    options: { mode?: TGradeMode; limit: number; after?: { createdAt: Date; id: string } },
  ): Promise<SummaryRow[]> {
    const { after } = options;
    return this.prisma.submission.findMany({
      where: {
        userId,
        problemSlug,
        ...(options.mode ? { mode: options.mode } : {}),
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
      select: SUMMARY_SELECT,
    });
  }

  // ---- the grading worker

  /** Marks it running (again, after a crash) and returns what to grade; null when it is already done. */
  async startGrading(id: string, now: Date): Promise<GradingRow | null> {
    const { count } = await this.prisma.submission.updateMany({
      where: { id, status: { in: UNFINISHED } },
      data: { status: 'running', startedAt: now, gradeAttempts: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await this.prisma.submission.findUnique({
      where: { id },
      select: {
        id: true,
        userId: true,
        problemSlug: true,
        problemVersion: true,
        mode: true,
        code: true,
        customTests: true,
        attemptId: true,
        createdAt: true,
        gradeAttempts: true,
      },
    });
    return row && ({ ...row } as GradingRow);
  }

  /**
   * Stores the verdict if nothing did yet: the one conditional update (`queued|running` → `done`) that makes a
   * verdict final. False when the submission was already done (a retried or recovered job).
   */
  async finish(tx: Tx, id: string, final: FinalResult): Promise<boolean> {
    const { result } = final;
    const { count } = await tx.submission.updateMany({
      where: { id, status: { in: UNFINISHED } },
      data: {
        status: 'done',
        verdict: result.verdict,
        passed: result.passed,
        total: result.total,
        runtimeMs: result.cpuTimeMs,
        result: result as object,
        finishedAt: final.finishedAt,
        ...(final.problemVersion === undefined ? {} : { problemVersion: final.problemVersion }),
      },
    });
    return count === 1;
  }

  /** Unfinished submissions created before `before`, oldest first. */
  async unfinishedBefore(before: Date, limit: number): Promise<{ id: string; mode: TGradeMode; status: string; createdAt: Date }[]> {
    const rows = await this.prisma.submission.findMany({
      where: { status: { in: UNFINISHED }, createdAt: { lt: before } },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true, mode: true, status: true, createdAt: true },
    });
    return rows.map((r) => ({ ...r, mode: r.mode as TGradeMode }));
  }
}
