import { Injectable } from '@nestjs/common';
import type { TDifficulty, TProblemDetail, TProblemSummary } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';
import { SUMMARY_SELECT, type SummaryRow } from '../submissions/submissions.mapper';

const CATALOG_SELECT = { slug: true, version: true, title: true, difficulty: true, tags: true, decks: true } as const;

export interface LiveProblem {
  summary: TProblemSummary;
  detail: TProblemDetail;
  editorial: string;
  referenceCode: string;
}

export interface SubmitStats {
  solved: boolean;
  lastSubmittedAt: Date;
}

const toSummary = (row: { slug: string; version: number; title: string; difficulty: string; tags: string[]; decks: string[] }) => ({
  ...row,
  difficulty: row.difficulty as TDifficulty,
});

/**
 * What learners may see: published and not retired. Admins keep `retiredAt` null exactly when `status` is published
 * (a draft never published is retired too), so the other learner queries that filter on `retiredAt` agree.
 */
const LEARNER_VISIBLE = { retiredAt: null, status: 'published' } as const;

@Injectable()
export class ProblemsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every problem a learner can open (retired ones are kept for history but not listed). */
  async listLive(): Promise<TProblemSummary[]> {
    const rows = await this.prisma.problem.findMany({ where: LEARNER_VISIBLE, select: CATALOG_SELECT });
    return rows.map(toSummary);
  }

  /** The deck's problems in learning order; null for an unknown or retired deck. */
  async deckOrder(deck: string): Promise<string[] | null> {
    const row = await this.prisma.deck.findFirst({ where: { slug: deck, retiredAt: null }, select: { problemSlugs: true } });
    return row?.problemSlugs ?? null;
  }

  async findLive(slug: string): Promise<LiveProblem | null> {
    const row = await this.prisma.problem.findFirst({
      where: { slug, ...LEARNER_VISIBLE },
      select: { ...CATALOG_SELECT, detail: true, editorial: true, referenceCode: true },
    });
    if (!row) return null;
    const { detail, editorial, referenceCode, ...summary } = row;
    return { summary: toSummary(summary), detail: detail as TProblemDetail, editorial, referenceCode };
  }

  /** What admitting a submission needs: the version and the function's arity (raw SQL: on every submission's path). */
  async admission(slug: string): Promise<{ version: number; arity: number } | null> {
    const rows = await this.prisma.$queryRaw<{ version: number; arity: number }[]>`
      SELECT "version", jsonb_array_length("detail"->'params') AS arity
      FROM "Problem" WHERE "slug" = ${slug} AND "retiredAt" IS NULL AND "status" = 'published'`;
    return rows[0] ?? null;
  }

  /** Per problem: whether a submit was accepted, and the latest submit (runs do not count). */
  async submitStats(userId: string, slug?: string): Promise<Map<string, SubmitStats>> {
    const rows = await this.prisma.$queryRaw<{ slug: string; solved: boolean; last: Date }[]>`
      SELECT "problemSlug" AS slug, bool_or("verdict" = 'accepted') AS solved, max("createdAt") AS last
      FROM "Submission"
      WHERE "userId" = ${userId}::uuid AND "mode" = 'submit' AND (${slug ?? null}::text IS NULL OR "problemSlug" = ${slug ?? null})
      GROUP BY "problemSlug"`;
    return new Map(rows.map((r) => [r.slug, { solved: r.solved === true, lastSubmittedAt: r.last }]));
  }

  async latestSubmission(userId: string, slug: string): Promise<SummaryRow | null> {
    return this.prisma.submission.findFirst({
      where: { userId, problemSlug: slug },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: SUMMARY_SELECT,
    });
  }

  async latestAccepted(userId: string, slug: string): Promise<{ id: string; code: string; createdAt: Date } | null> {
    return this.prisma.submission.findFirst({
      where: { userId, problemSlug: slug, mode: 'submit', verdict: 'accepted' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, code: true, createdAt: true },
    });
  }
}
