import { Injectable } from '@nestjs/common';
import type { TRating, TOutcomeReason } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import type { Db, Tx } from '../prisma/transactions';

/**
 * What ended an attempt: an outcome's reason, or `reviewed`: the learner rated the problem by hand (a review session,
 * "I already know this") while the attempt was open, which answered the due review instead (the attempt has no rating).
 */
export type AttemptEnd = TOutcomeReason | 'reviewed';

export interface AttemptRow {
  id: string;
  userId: string;
  problemSlug: string;
  openedAt: Date | null;
  hintsRevealed: number;
  firstHintAt: Date | null;
  revealedAt: Date | null;
  decidedAt: Date | null;
  rating: TRating | null;
  outcomeReason: AttemptEnd | null;
  decidedBySubmissionId: string | null;
  outcomeDue: Date | null;
  createdAt: Date;
}

const ATTEMPT_SELECT = {
  id: true,
  userId: true,
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
} as const;

/** The same columns, for raw queries. */
const ATTEMPT_COLUMNS = Prisma.raw(
  Object.keys(ATTEMPT_SELECT)
    .map((column) => `"${column}"`)
    .join(', '),
);

type Selected = Omit<AttemptRow, 'rating' | 'outcomeReason'> & { rating: string | null; outcomeReason: string | null };
const toRow = (row: Selected): AttemptRow => row as AttemptRow;

/** Verdicts that count as a failed submit: the learner's code failed, not us. */
const NOT_FAILED = ['accepted', 'internal_error'];

export interface Decision {
  rating: TRating | null;
  reason: AttemptEnd;
  at: Date;
  submissionId: string | null;
}

@Injectable()
export class AttemptsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** On every submission's path, so raw SQL (a model query costs several times its CPU). */
  async latest(userId: string, problemSlug: string, db: Db = this.prisma): Promise<AttemptRow | null> {
    const rows = await db.$queryRaw<Selected[]>`
      SELECT ${ATTEMPT_COLUMNS} FROM "ProblemAttempt"
      WHERE "userId" = ${userId}::uuid AND "problemSlug" = ${problemSlug}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT 1`;
    return rows[0] ? toRow(rows[0]) : null;
  }

  async byId(id: string, db: Db = this.prisma): Promise<AttemptRow | null> {
    const row = await db.problemAttempt.findUnique({ where: { id }, select: ATTEMPT_SELECT });
    return row && toRow(row);
  }

  /**
   * The attempt, its row locked until the transaction ends: whoever decides an attempt locks it first, then the
   * problem's scheduling state (one order everywhere, so deciders queue rather than deadlock).
   */
  async lockById(tx: Tx, id: string): Promise<AttemptRow | null> {
    const rows = await tx.$queryRaw<Selected[]>`
      SELECT ${ATTEMPT_COLUMNS} FROM "ProblemAttempt" WHERE "id" = ${id}::uuid
      FOR UPDATE`;
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Serialises starting an attempt per learner and problem, until the transaction ends. */
  async lockProblem(tx: Tx, userId: string, problemSlug: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attempt:${userId}:${problemSlug}`}, 0))`;
  }

  async create(tx: Tx, input: { userId: string; problemSlug: string; now: Date; opened: boolean }): Promise<AttemptRow> {
    const row = await tx.problemAttempt.create({
      data: { userId: input.userId, problemSlug: input.problemSlug, createdAt: input.now, openedAt: input.opened ? input.now : null },
      select: ATTEMPT_SELECT,
    });
    return toRow(row);
  }

  async markOpened(id: string, now: Date): Promise<void> {
    await this.prisma.problemAttempt.updateMany({ where: { id, openedAt: null }, data: { openedAt: now } });
  }

  /** Reveals one more hint unless all `total` are shown; returns how many are revealed now, or null if none was left. */
  async revealHint(id: string, total: number, now: Date): Promise<number | null> {
    const rows = await this.prisma.$queryRaw<{ hintsRevealed: number }[]>`
      UPDATE "ProblemAttempt"
      SET "hintsRevealed" = "hintsRevealed" + 1, "firstHintAt" = COALESCE("firstHintAt", ${now})
      WHERE "id" = ${id}::uuid AND "hintsRevealed" < ${total}
      RETURNING "hintsRevealed"`;
    return rows[0]?.hintsRevealed ?? null;
  }

  async markRevealed(tx: Tx, id: string, now: Date): Promise<void> {
    await tx.problemAttempt.updateMany({ where: { id, revealedAt: null }, data: { revealedAt: now } });
  }

  /** Decides the attempt unless something already did (a conditional update): true when this call decided it. */
  async decide(tx: Tx, id: string, decision: Decision): Promise<boolean> {
    const { count } = await tx.problemAttempt.updateMany({
      where: { id, decidedAt: null },
      data: {
        decidedAt: decision.at,
        rating: decision.rating,
        outcomeReason: decision.reason,
        decidedBySubmissionId: decision.submissionId,
      },
    });
    return count === 1;
  }

  async setOutcomeDue(tx: Tx, id: string, due: Date | null): Promise<void> {
    await tx.problemAttempt.update({ where: { id }, data: { outcomeDue: due }, select: { id: true } });
  }

  /** Failed submits of the attempt, made before `before` when given. */
  async failedSubmits(attemptId: string, before?: Date, db: Db = this.prisma): Promise<number> {
    return db.submission.count({
      where: {
        attemptId,
        mode: 'submit',
        status: 'done',
        verdict: { notIn: NOT_FAILED },
        ...(before ? { createdAt: { lt: before } } : {}),
      },
    });
  }

  /** Undecided attempts with a failed submit, none in flight and none made since `cutoff`: given up. */
  async abandoned(cutoff: Date, limit: number): Promise<{ id: string; userId: string; problemSlug: string }[]> {
    return this.prisma.$queryRaw<{ id: string; userId: string; problemSlug: string }[]>`
      SELECT a."id", a."userId", a."problemSlug"
      FROM "ProblemAttempt" a
      WHERE a."decidedAt" IS NULL
        AND EXISTS (
          SELECT 1 FROM "Submission" s
          WHERE s."attemptId" = a."id" AND s."mode" = 'submit' AND s."status" = 'done'
            AND s."verdict" NOT IN ('accepted', 'internal_error'))
        AND NOT EXISTS (
          SELECT 1 FROM "Submission" s
          WHERE s."attemptId" = a."id" AND s."mode" = 'submit' AND (s."status" <> 'done' OR s."createdAt" >= ${cutoff}))
      ORDER BY a."createdAt"
      LIMIT ${limit}`;
  }
}
