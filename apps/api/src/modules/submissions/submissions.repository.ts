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
  /** The authored problem version graded against. */
  problemVersionId?: string;
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
    // Raw SQL on this hot path: one statement counts and inserts, after the lock, in the same transaction.
    const customTests = input.customTests ? JSON.stringify(input.customTests) : null;
    const created = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`submit:${input.userId}`}, 0))`;
      return tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Submission"
          ("id", "userId", "problemSlug", "problemVersion", "mode", "code", "customTests", "status", "attemptId", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), ${input.userId}::uuid, ${input.problemSlug}, ${input.problemVersion}, ${input.mode}, ${input.code},
               ${customTests}::jsonb, 'queued', ${input.attemptId}::uuid, ${input.createdAt}, now()
        WHERE (SELECT count(*) FROM "Submission"
               WHERE "userId" = ${input.userId}::uuid AND "status" IN ('queued', 'running')) < ${maxInFlight}
        RETURNING "id"`;
    });
    if (created[0]) return { id: created[0].id };
    const inFlight = await this.prisma.submission.count({ where: { userId: input.userId, status: { in: UNFINISHED } } });
    return { inFlight };
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
    const rows = await this.prisma.$queryRaw<{ status: string }[]>`
      SELECT "status" FROM "Submission" WHERE "id" = ${id}::uuid AND "userId" = ${userId}::uuid`;
    return rows[0]?.status ?? null;
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
    const rows = await this.prisma.$queryRaw<GradingRow[]>`
      UPDATE "Submission"
      SET "status" = 'running', "startedAt" = ${now}, "gradeAttempts" = "gradeAttempts" + 1, "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "status" IN ('queued', 'running')
      RETURNING "id", "userId", "problemSlug", "problemVersion", "mode", "code", "customTests", "attemptId", "createdAt", "gradeAttempts"`;
    return rows[0] ?? null;
  }

  /**
   * Stores the verdict if nothing did yet: the one conditional update (`queued|running` → `done`) that makes a
   * verdict final. False when the submission was already done (a retried or recovered job).
   */
  async finish(tx: Tx, id: string, final: FinalResult): Promise<boolean> {
    const { result } = final;
    const count = await tx.$executeRaw`
      UPDATE "Submission"
      SET "status" = 'done', "verdict" = ${result.verdict}, "passed" = ${result.passed}, "total" = ${result.total},
          "runtimeMs" = ${result.cpuTimeMs}, "result" = ${JSON.stringify(result)}::jsonb, "finishedAt" = ${final.finishedAt},
          "problemVersion" = COALESCE(${final.problemVersion ?? null}::int, "problemVersion"),
          "problemVersionId" = COALESCE(${final.problemVersionId ?? null}::uuid, "problemVersionId"), "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "status" IN ('queued', 'running')`;
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
