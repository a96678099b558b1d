import { Injectable } from '@nestjs/common';
import type {
  TAdminProblemListItem,
  TAdminProblemListQuery,
  TAuthoredProblem,
  TMaterializedTestSet,
  TProblemCheckReport,
  TProblemDetail,
} from '@prep/contracts';
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import type { Tx } from '../prisma/transactions';

const HEAD_SELECT = {
  slug: true,
  version: true,
  title: true,
  difficulty: true,
  tags: true,
  decks: true,
  source: true,
  status: true,
  retiredAt: true,
  updatedAt: true,
  detail: true,
  editorial: true,
  referenceCode: true,
} as const;
export type HeadRow = Prisma.ProblemGetPayload<{ select: typeof HEAD_SELECT }>;

export type VersionRow = Prisma.ProblemVersionGetPayload<object>;

/** What learners read of a problem: its head row's learner projection. */
export interface HeadProjection {
  version: number;
  title: string;
  difficulty: string;
  tags: string[];
  detail: TProblemDetail;
  editorial: string;
  referenceCode: string;
  contentHash: string;
}

export interface NewVersion {
  problemSlug: string;
  number: number;
  source: TAuthoredProblem;
  sourceHash: string;
  forkedFrom: string | null;
  createdById: string;
  createdByEmail: string;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

@Injectable()
export class AdminProblemsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The client, for callers outside a transaction. */
  get client(): Db {
    return this.prisma;
  }

  async list(query: TAdminProblemListQuery): Promise<{ problems: TAdminProblemListItem[]; total: number }> {
    const where: Prisma.ProblemWhereInput = {
      source: query.source,
      status: query.status,
      ...(query.q
        ? { OR: [{ title: { contains: query.q, mode: 'insensitive' } }, { slug: { contains: query.q, mode: 'insensitive' } }] }
        : {}),
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.problem.findMany({
        where,
        select: { ...HEAD_SELECT, versions: { where: { state: 'draft' }, select: { id: true } } },
        orderBy: [{ title: 'asc' }, { slug: 'asc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.prisma.problem.count({ where }),
    ]);
    return { problems: rows.map((r) => toListItem(r, r.versions.length > 0)), total };
  }

  async head(db: Db, slug: string): Promise<HeadRow | null> {
    return db.problem.findUnique({ where: { slug }, select: HEAD_SELECT });
  }

  /** The head, locked for the rest of the transaction: changes to one problem apply one after the other. */
  async lockHead(tx: Tx, slug: string): Promise<HeadRow | null> {
    const locked = await tx.$queryRaw<{ slug: string }[]>`SELECT slug FROM "Problem" WHERE slug = ${slug} FOR UPDATE`;
    return locked.length ? this.head(tx, slug) : null;
  }

  async slugTaken(db: Db, slug: string): Promise<boolean> {
    return (await db.problem.count({ where: { slug } })) > 0;
  }

  async createHead(tx: Tx, slug: string, projection: HeadProjection, now: Date): Promise<void> {
    await tx.problem.create({
      data: {
        slug,
        ...projection,
        detail: json(projection.detail),
        decks: [],
        source: 'authored',
        status: 'draft',
        // Never published: hidden from learners (see the schema: retiredAt is null exactly when published).
        retiredAt: now,
      },
      select: { slug: true },
    });
  }

  async updateHead(tx: Tx, slug: string, data: Partial<HeadProjection> & { status?: string; retiredAt?: Date | null }): Promise<void> {
    const { detail, ...rest } = data;
    await tx.problem.update({
      where: { slug },
      data: { ...rest, ...(detail ? { detail: json(detail) } : {}) },
      select: { slug: true },
    });
  }

  async versions(db: Db, slug: string): Promise<VersionRow[]> {
    return db.problemVersion.findMany({ where: { problemSlug: slug }, orderBy: { number: 'desc' } });
  }

  async version(db: Db, slug: string, number: number): Promise<VersionRow | null> {
    return db.problemVersion.findUnique({ where: { problemSlug_number: { problemSlug: slug, number } } });
  }

  async versionById(db: Db, id: string): Promise<VersionRow | null> {
    return db.problemVersion.findUnique({ where: { id } });
  }

  async inState(db: Db, slug: string, state: 'draft' | 'published'): Promise<VersionRow | null> {
    return db.problemVersion.findFirst({ where: { problemSlug: slug, state } });
  }

  async createVersion(tx: Tx, v: NewVersion): Promise<VersionRow> {
    return tx.problemVersion.create({
      data: {
        problemSlug: v.problemSlug,
        number: v.number,
        state: 'draft',
        contentVersion: v.source.version,
        title: v.source.title,
        source: json(v.source),
        sourceHash: v.sourceHash,
        forkedFrom: v.forkedFrom,
        createdById: v.createdById,
        createdByEmail: v.createdByEmail,
      },
    });
  }

  async nextNumber(tx: Tx, slug: string): Promise<number> {
    const max = await tx.problemVersion.aggregate({ where: { problemSlug: slug }, _max: { number: true } });
    return (max._max.number ?? 0) + 1;
  }

  /** Replaces a draft's source; a changed source forgets a pending check request (its job will store nothing). */
  async updateDraft(tx: Tx, id: string, source: TAuthoredProblem, hash: string, forkedFrom?: string | null): Promise<VersionRow> {
    const before = await tx.problemVersion.findUniqueOrThrow({ where: { id }, select: { sourceHash: true } });
    return tx.problemVersion.update({
      where: { id },
      data: {
        source: json(source),
        sourceHash: hash,
        title: source.title,
        contentVersion: source.version,
        ...(before.sourceHash === hash ? {} : { checkRequestedAt: null }),
        ...(forkedFrom === undefined ? {} : { forkedFrom }),
      },
    });
  }

  async markCheckRequested(db: Db, id: string, now: Date): Promise<VersionRow> {
    return db.problemVersion.update({ where: { id }, data: { checkRequestedAt: now } });
  }

  async publishVersion(
    tx: Tx,
    draft: VersionRow,
    previous: VersionRow | null,
    data: { source: TAuthoredProblem; contentVersion: number; now: Date; actor: { id: string; email: string } },
  ): Promise<void> {
    if (previous) await tx.problemVersion.update({ where: { id: previous.id }, data: { state: 'superseded' }, select: { id: true } });
    await tx.problemVersion.update({
      where: { id: draft.id },
      data: {
        state: 'published',
        source: json(data.source),
        contentVersion: data.contentVersion,
        publishedAt: data.now,
        publishedById: data.actor.id,
        publishedByEmail: data.actor.email,
      },
      select: { id: true },
    });
  }

  async testSet(db: Db, hash: string): Promise<TMaterializedTestSet | null> {
    const row = await db.problemTestSet.findUnique({ where: { hash }, select: { data: true } });
    return row ? (row.data as unknown as TMaterializedTestSet) : null;
  }

  /**
   * Stores a finished check, only if the version still has the source that was checked (an edit since makes it
   * stale). A passing check's test set is stored once per distinct tests (by their hash).
   */
  async storeCheck(
    versionId: string,
    checkedHash: string,
    report: TProblemCheckReport,
    testSet: TMaterializedTestSet | null,
    now: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (testSet) {
        await tx.problemTestSet.upsert({
          where: { hash: testSet.hash },
          create: { hash: testSet.hash, data: json(testSet) },
          update: {},
          select: { hash: true },
        });
      }
      const { count } = await tx.problemVersion.updateMany({
        where: { id: versionId, sourceHash: checkedHash },
        data: { checkReport: json(report), checkedAt: now, checkRequestedAt: null, testSetHash: testSet?.hash ?? null },
      });
      return count === 1;
    });
  }
}

export function toListItem(row: HeadRow, hasDraft: boolean): TAdminProblemListItem {
  return {
    slug: row.slug,
    source: row.source as TAdminProblemListItem['source'],
    status: row.status as TAdminProblemListItem['status'],
    title: row.title,
    difficulty: row.difficulty as TAdminProblemListItem['difficulty'],
    tags: row.tags,
    decks: row.decks,
    version: row.version,
    hasDraft,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
