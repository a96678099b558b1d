import { Injectable } from '@nestjs/common';
import type { TDeckCounts, TDeckItemsQuery, TKindCounts, TStudyKind } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { dueAt, LIVE_DECK_ITEM } from '../study/study.sql';
import type { ItemKey } from '../study/study.types';

export interface DeckRowWithCounts {
  slug: string;
  title: string;
  description: string;
  tags: string[];
  enrolledAt: Date | null;
  kinds: TKindCounts;
  counts: TDeckCounts;
}

type CountsRow = {
  slug: string;
  title: string;
  description: string;
  tags: string[];
  enrolledAt: Date | null;
} & Record<'cards' | 'problems' | 'labs' | 'total' | 'new' | 'due' | 'learning' | 'review' | 'suspended', bigint>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class DecksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Live decks (or one) with my counts, in title order. */
  async decksWithCounts(userId: string, now: Date, slug?: string): Promise<DeckRowWithCounts[]> {
    const rows = await this.prisma.$queryRaw<CountsRow[]>`
      SELECT d.slug, d.title, d.description, d.tags, en."enrolledAt",
        count(di."refId") FILTER (WHERE di.kind = 'card') AS cards,
        count(di."refId") FILTER (WHERE di.kind = 'problem') AS problems,
        count(di."refId") FILTER (WHERE di.kind = 'lab') AS labs,
        count(di."refId") AS total,
        count(di."refId") FILTER (WHERE s.state IS NULL OR s.state = 'new') AS new,
        count(di."refId") FILTER (WHERE ${dueAt(now)}) AS due,
        count(di."refId") FILTER (WHERE s.state IN ('learning', 'relearning')) AS learning,
        count(di."refId") FILTER (WHERE s.state = 'review') AS review,
        count(di."refId") FILTER (WHERE s.suspended) AS suspended
      FROM "Deck" d
      LEFT JOIN "Enrollment" en ON en."deckSlug" = d.slug AND en."userId" = ${userId}::uuid
      LEFT JOIN "DeckItem" di ON di."deckSlug" = d.slug AND ${LIVE_DECK_ITEM}
      LEFT JOIN "StudyState" s ON s."userId" = ${userId}::uuid AND s.kind = di.kind AND s."refId" = di."refId"
      WHERE d."retiredAt" IS NULL ${slug === undefined ? Prisma.empty : Prisma.sql`AND d.slug = ${slug}`}
      GROUP BY d.slug, en."enrolledAt"
      ORDER BY d.title, d.slug`;
    return rows.map((r) => {
      const n = (v: bigint) => Number(v);
      return {
        slug: r.slug,
        title: r.title,
        description: r.description,
        tags: r.tags,
        enrolledAt: r.enrolledAt,
        kinds: { card: n(r.cards), problem: n(r.problems), lab: n(r.labs), total: n(r.total) },
        counts: {
          total: n(r.total),
          new: n(r.new),
          due: n(r.due),
          learning: n(r.learning),
          review: n(r.review),
          suspended: n(r.suspended),
        },
      };
    });
  }

  /** One page of a deck's items matching the filter, in deck order, and how many match. */
  async deckItems(
    userId: string,
    slug: string,
    query: TDeckItemsQuery,
    now: Date,
  ): Promise<{ items: (ItemKey & { position: number })[]; total: number }> {
    const source = itemSource(userId, slug, query, now);
    const rows = await this.prisma.$queryRaw<{ kind: TStudyKind; refId: string; position: number; total: bigint }[]>`
      SELECT di.kind, di."refId", di.position, count(*) OVER () AS total ${source}
      ORDER BY di.position
      LIMIT ${query.limit} OFFSET ${query.offset}`;
    let total = rows[0] ? Number(rows[0].total) : 0;
    // Past the last page the window count has no row to ride on.
    if (!rows[0] && query.offset > 0) total = Number((await this.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${source}`)[0]!.n);
    return { items: rows.map((r) => ({ kind: r.kind, refId: r.refId, position: r.position })), total };
  }

  /** Every tag of a deck's items, sorted. */
  async deckTags(slug: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT unnest(coalesce(c.tags, p.tags)) AS tag
      FROM "DeckItem" di
      LEFT JOIN "Card" c ON di.kind = 'card' AND c.id = di."refId"
      LEFT JOIN "Problem" p ON di.kind = 'problem' AND p.slug = di."refId"
      WHERE di."deckSlug" = ${slug}
      ORDER BY tag`;
    return rows.map((r) => r.tag);
  }

  async deckExists(slug: string): Promise<boolean> {
    return (await this.prisma.deck.count({ where: { slug, retiredAt: null } })) > 0;
  }
}

/** FROM/WHERE over a deck's items with their content and my state, filtered as asked. */
function itemSource(userId: string, slug: string, query: TDeckItemsQuery, now: Date): Prisma.Sql {
  const filters: Prisma.Sql[] = [Prisma.sql`di."deckSlug" = ${slug}`, LIVE_DECK_ITEM];
  if (query.kind) filters.push(Prisma.sql`di.kind = ${query.kind}::"StudyKind"`);
  if (query.tag) filters.push(Prisma.sql`${query.tag} = ANY(coalesce(c.tags, p.tags))`);
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(Prisma.sql`(c.front ILIKE ${like} OR c.back ILIKE ${like} OR p.title ILIKE ${like} OR di."refId" ILIKE ${like})`);
  }
  if (query.state) {
    const byState = {
      new: Prisma.sql`(s.state IS NULL OR s.state = 'new')`,
      learning: Prisma.sql`s.state = 'learning'`,
      relearning: Prisma.sql`s.state = 'relearning'`,
      review: Prisma.sql`s.state = 'review'`,
      due: dueAt(now),
      suspended: Prisma.sql`s.suspended`,
      leech: Prisma.sql`s.leech`,
    } as const;
    filters.push(byState[query.state]);
  }
  return Prisma.sql`
    FROM "DeckItem" di
    LEFT JOIN "Card" c ON di.kind = 'card' AND c.id = di."refId"
    LEFT JOIN "Problem" p ON di.kind = 'problem' AND p.slug = di."refId"
    LEFT JOIN "StudyState" s ON s."userId" = ${userId}::uuid AND s.kind = di.kind AND s."refId" = di."refId"
    WHERE ${Prisma.join(filters, ' AND ')}`;
}
