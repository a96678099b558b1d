import { Injectable } from '@nestjs/common';
import { LAB_FAILED_VERDICTS, type TLabOutcome, type TLabResultJob } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';
import type { Tx } from '../prisma/transactions';

const UNFINISHED = ['queued', 'running'];

export interface LabRow {
  slug: string;
  version: number;
  title: string;
  difficulty: string;
  tags: string[];
  decks: string[];
  device: string;
  detail: unknown;
}

export interface LabSubmissionSummaryRow {
  id: string;
  labSlug: string;
  labVersion: number;
  status: string;
  verdict: string | null;
  device: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface LabSubmissionRow extends LabSubmissionSummaryRow {
  code: string;
  result: unknown;
  worker: unknown;
  attempt: number | null;
  startedAt: Date | null;
  outcomeRating: string | null;
  outcomeDue: Date | null;
  updatedAt: Date;
}

export const LAB_SUMMARY_SELECT = {
  id: true,
  labSlug: true,
  labVersion: true,
  status: true,
  verdict: true,
  device: true,
  createdAt: true,
  finishedAt: true,
} as const;

const LAB_VIEW_SELECT = {
  ...LAB_SUMMARY_SELECT,
  code: true,
  result: true,
  worker: true,
  attempt: true,
  startedAt: true,
  outcomeRating: true,
  outcomeDue: true,
  updatedAt: true,
} as const;

const LAB_SELECT = {
  slug: true,
  version: true,
  title: true,
  difficulty: true,
  tags: true,
  decks: true,
  device: true,
  detail: true,
} as const;

/** What a stored result needs to know of its submission to rate the lab. */
export interface FinishedLabSubmission {
  id: string;
  userId: string;
  labSlug: string;
  createdAt: Date;
}

@Injectable()
export class LabsRepository {
  constructor(private readonly prisma: PrismaService) {}

  liveLabs(): Promise<LabRow[]> {
    return this.prisma.lab.findMany({ where: { retiredAt: null }, orderBy: { title: 'asc' }, select: LAB_SELECT });
  }

  liveLab(slug: string): Promise<LabRow | null> {
    return this.prisma.lab.findFirst({ where: { slug, retiredAt: null }, select: LAB_SELECT });
  }

  /** Per lab: whether I submitted, whether one was accepted, and my latest submission time. */
  async myProgress(userId: string): Promise<Map<string, { accepted: boolean; lastSubmittedAt: Date }>> {
    const rows = await this.prisma.$queryRaw<{ labSlug: string; accepted: boolean; last: Date }[]>`
      SELECT "labSlug", bool_or(verdict = 'accepted') AS accepted, max("createdAt") AS last
      FROM "LabSubmission" WHERE "userId" = ${userId}::uuid GROUP BY "labSlug"`;
    return new Map(rows.map((r) => [r.labSlug, { accepted: r.accepted === true, lastSubmittedAt: r.last }]));
  }

  /**
   * Inserts a queued submission unless the learner already has `maxInFlight` lab submissions queued or running
   * (checked and inserted under a per-learner lock, as code submissions are).
   */
  async createIfRoom(
    input: { userId: string; labSlug: string; labVersion: number; code: string; createdAt: Date },
    maxInFlight: number,
  ): Promise<{ id: string } | { inFlight: number }> {
    const created = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lab-submit:${input.userId}`}, 0))`;
      return tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "LabSubmission" ("id", "userId", "labSlug", "labVersion", "code", "status", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), ${input.userId}::uuid, ${input.labSlug}, ${input.labVersion}, ${input.code}, 'queued', ${input.createdAt}, now()
        WHERE (SELECT count(*) FROM "LabSubmission"
               WHERE "userId" = ${input.userId}::uuid AND "status" IN ('queued', 'running')) < ${maxInFlight}
        RETURNING "id"`;
    });
    if (created[0]) return { id: created[0].id };
    const inFlight = await this.prisma.labSubmission.count({ where: { userId: input.userId, status: { in: UNFINISHED } } });
    return { inFlight };
  }

  findOwned(userId: string, id: string): Promise<LabSubmissionRow | null> {
    return this.prisma.labSubmission.findFirst({ where: { id, userId }, select: LAB_VIEW_SELECT });
  }

  async statusOf(userId: string, id: string): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ status: string }[]>`
      SELECT "status" FROM "LabSubmission" WHERE "id" = ${id}::uuid AND "userId" = ${userId}::uuid`;
    return rows[0]?.status ?? null;
  }

  latest(userId: string, labSlug: string): Promise<LabSubmissionSummaryRow | null> {
    return this.prisma.labSubmission.findFirst({
      where: { userId, labSlug },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: LAB_SUMMARY_SELECT,
    });
  }

  history(
    userId: string,
    labSlug: string,
    options: { limit: number; after?: { createdAt: Date; id: string } },
  ): Promise<LabSubmissionSummaryRow[]> {
    const { after } = options;
    return this.prisma.labSubmission.findMany({
      where: {
        userId,
        labSlug,
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
      select: LAB_SUMMARY_SELECT,
    });
  }

  findDraft(userId: string, labSlug: string): Promise<{ code: string; clientUpdatedAt: Date; savedAt: Date } | null> {
    return this.prisma.labDraft.findUnique({
      where: { userId_labSlug: { userId, labSlug } },
      select: { code: true, clientUpdatedAt: true, savedAt: true },
    });
  }

  /** Stores the draft unless the stored one was typed later (one atomic upsert); null when the stored one won. */
  async saveDraftIfNotOlder(input: {
    userId: string;
    labSlug: string;
    code: string;
    clientUpdatedAt: Date;
    savedAt: Date;
  }): Promise<{ code: string; clientUpdatedAt: Date; savedAt: Date } | null> {
    const rows = await this.prisma.$queryRaw<{ code: string; clientUpdatedAt: Date; savedAt: Date }[]>`
      INSERT INTO "LabDraft" ("userId", "labSlug", "code", "clientUpdatedAt", "savedAt")
      VALUES (${input.userId}::uuid, ${input.labSlug}, ${input.code}, ${input.clientUpdatedAt}, ${input.savedAt})
      ON CONFLICT ("userId", "labSlug") DO UPDATE
        SET "code" = EXCLUDED."code", "clientUpdatedAt" = EXCLUDED."clientUpdatedAt", "savedAt" = EXCLUDED."savedAt"
        WHERE "LabDraft"."clientUpdatedAt" <= EXCLUDED."clientUpdatedAt"
      RETURNING "code", "clientUpdatedAt", "savedAt"`;
    return rows[0] ?? null;
  }

  // ---- the main worker

  /**
   * Marks it running for grading run `attempt` (a later run after a lost worker moves it on); false when it is done
   * or this run was already recorded (another main worker saw the same progress event).
   */
  async markStarted(id: string, attempt: number, now: Date): Promise<boolean> {
    const count = await this.prisma.$executeRaw`
      UPDATE "LabSubmission"
      SET "status" = 'running', "attempt" = ${attempt}, "startedAt" = COALESCE("startedAt", ${now}), "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "status" IN ('queued', 'running') AND ("attempt" IS NULL OR "attempt" < ${attempt})`;
    return count === 1;
  }

  /**
   * Stores the result if nothing did yet: the one conditional update (`queued|running` → `done`) that makes a verdict
   * final. Null when the submission was already done (a redelivered result) or is not this lab's.
   */
  async finish(tx: Tx, result: TLabResultJob, finishedAt: Date): Promise<FinishedLabSubmission | null> {
    const { evaluation } = result;
    const rows = await tx.$queryRaw<FinishedLabSubmission[]>`
      UPDATE "LabSubmission"
      SET "status" = 'done', "verdict" = ${evaluation.verdict}, "device" = ${evaluation.environment.device},
          "result" = ${JSON.stringify(evaluation)}::jsonb, "worker" = ${JSON.stringify(result.worker)}::jsonb,
          "attempt" = ${result.attempt}, "startedAt" = COALESCE("startedAt", ${new Date(result.startedAt)}),
          "finishedAt" = ${finishedAt}, "updatedAt" = now()
      WHERE "id" = ${result.submissionId}::uuid AND "labSlug" = ${result.labSlug} AND "status" IN ('queued', 'running')
      RETURNING "id", "userId", "labSlug", "createdAt"`;
    return rows[0] ?? null;
  }

  /** Ends an unfinished submission with a result the grader never produced (we failed); false when already done. */
  async failUnfinished(tx: Tx, id: string, evaluation: object, finishedAt: Date): Promise<boolean> {
    const count = await tx.$executeRaw`
      UPDATE "LabSubmission"
      SET "status" = 'done', "verdict" = 'internal_error', "result" = ${JSON.stringify(evaluation)}::jsonb,
          "finishedAt" = ${finishedAt}, "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "status" IN ('queued', 'running')`;
    return count === 1;
  }

  /** My failed submissions of a lab created in [since, before). */
  async failedBetween(tx: Tx, userId: string, labSlug: string, since: Date | null, before: Date): Promise<number> {
    const rows = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "LabSubmission"
      WHERE "userId" = ${userId}::uuid AND "labSlug" = ${labSlug} AND "status" = 'done'
        AND "verdict" = ANY(${[...LAB_FAILED_VERDICTS]}::text[])
        AND "createdAt" < ${before} AND (${since}::timestamptz IS NULL OR "createdAt" >= ${since})`;
    return rows[0]?.n ?? 0;
  }

  /** Unfinished submissions created before `before`, oldest first (for the sweeper). */
  async unfinishedBefore(before: Date, limit: number): Promise<{ id: string }[]> {
    return this.prisma.labSubmission.findMany({
      where: { status: { in: UNFINISHED }, createdAt: { lt: before } },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true },
    });
  }

  async storeOutcome(tx: Tx, id: string, outcome: TLabOutcome): Promise<void> {
    await tx.$executeRaw`
      UPDATE "LabSubmission" SET "outcomeRating" = ${outcome.rating}, "outcomeDue" = ${outcome.due ? new Date(outcome.due) : null}
      WHERE "id" = ${id}::uuid`;
  }
}
