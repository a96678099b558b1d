import { Injectable } from '@nestjs/common';
import type { TAdminDeckListQuery, TContentSource, TContentStatus } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import type { Db, Tx } from '../prisma/transactions';
import { PrismaService } from '../prisma/prisma.service';

export interface DeckRow {
  slug: string;
  title: string;
  description: string;
  tags: string[];
  source: TContentSource;
  status: TContentStatus;
  problemSlugs: string[];
  cardTopics: string[];
  itemRefs: string[];
  topicTitles: Record<string, string>;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface CardRow {
  id: string;
  version: number;
  deck: string;
  topic: string;
  front: string;
  back: string;
  tags: string[];
  source: TContentSource;
  status: TContentStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  revision: number;
}

export interface CardVersionRow {
  number: number;
  front: string;
  back: string;
  tags: string[];
  topic: string;
  restoredFrom: number | null;
  createdAt: Date;
  createdBy: string | null;
}

export interface NewCard {
  id: string;
  version: number;
  deck: string;
  topic: string;
  front: string;
  back: string;
  tags: string[];
}

const DECK_SELECT = {
  slug: true,
  title: true,
  description: true,
  tags: true,
  source: true,
  status: true,
  problemSlugs: true,
  cardTopics: true,
  itemRefs: true,
  topicTitles: true,
  publishedAt: true,
  updatedAt: true,
} as const;

const CARD_SELECT = {
  id: true,
  version: true,
  deck: true,
  topic: true,
  front: true,
  back: true,
  tags: true,
  source: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  versions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 },
} as const;

type RawDeck = Prisma.DeckGetPayload<{ select: typeof DECK_SELECT }>;
type RawCard = Prisma.CardGetPayload<{ select: typeof CARD_SELECT }>;

const toDeck = (r: RawDeck): DeckRow => ({
  ...r,
  source: r.source as TContentSource,
  status: r.status as TContentStatus,
  topicTitles: (r.topicTitles ?? {}) as Record<string, string>,
});
const toCard = ({ versions, ...r }: RawCard): CardRow => ({
  ...r,
  source: r.source as TContentSource,
  status: r.status as TContentStatus,
  revision: versions[0]?.number ?? 0,
});

/** An admin's view of decks and cards. Learners read the same rows through `retiredAt` (see refreshLiveness). */
@Injectable()
export class AdminDecksRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: TAdminDeckListQuery): Promise<{ decks: DeckRow[]; total: number }> {
    const where: Prisma.DeckWhereInput = {
      ...(query.source ? { source: query.source } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q
        ? { OR: [{ slug: { contains: query.q, mode: 'insensitive' } }, { title: { contains: query.q, mode: 'insensitive' } }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.deck.findMany({
        where,
        select: DECK_SELECT,
        orderBy: [{ title: 'asc' }, { slug: 'asc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.prisma.deck.count({ where }),
    ]);
    return { decks: rows.map(toDeck), total };
  }

  async deck(db: Db, slug: string): Promise<DeckRow | null> {
    const row = await db.deck.findUnique({ where: { slug }, select: DECK_SELECT });
    return row && toDeck(row);
  }

  /** Locks the deck row for the rest of the transaction (changes to one deck are serialised). */
  async lockDeck(tx: Tx, slug: string): Promise<DeckRow | null> {
    await tx.$executeRaw`SELECT 1 FROM "Deck" WHERE slug = ${slug} FOR UPDATE`;
    return this.deck(tx, slug);
  }

  async cardsOfDeck(db: Db, deck: string): Promise<CardRow[]> {
    return (await db.card.findMany({ where: { deck }, select: CARD_SELECT, orderBy: { id: 'asc' } })).map(toCard);
  }

  async card(db: Db, id: string): Promise<CardRow | null> {
    const row = await db.card.findUnique({ where: { id }, select: CARD_SELECT });
    return row && toCard(row);
  }

  async countsByDeck(slugs: string[]): Promise<Map<string, { cards: number; enrolled: number }>> {
    const rows = await this.prisma.$queryRaw<{ slug: string; cards: bigint; enrolled: bigint }[]>`
      SELECT d.slug,
        (SELECT count(*) FROM "Card" c WHERE c.deck = d.slug) AS cards,
        (SELECT count(*) FROM "Enrollment" e WHERE e."deckSlug" = d.slug) AS enrolled
      FROM "Deck" d WHERE d.slug = ANY(${slugs}::text[])`;
    return new Map(rows.map((r) => [r.slug, { cards: Number(r.cards), enrolled: Number(r.enrolled) }]));
  }

  async enrolledCount(db: Db, slug: string): Promise<number> {
    return db.enrollment.count({ where: { deckSlug: slug } });
  }

  async problems(db: Db, slugs: string[]): Promise<Map<string, { title: string; live: boolean }>> {
    if (slugs.length === 0) return new Map();
    const rows = await db.problem.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true, retiredAt: true } });
    return new Map(rows.map((r) => [r.slug, { title: r.title, live: r.retiredAt === null }]));
  }

  async takenCardIds(db: Db, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set((await db.card.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id));
  }

  /** Every card id that starts with one of these prefixes (to make unique ids from fronts). */
  async cardIdsLike(db: Db, prefixes: string[]): Promise<Set<string>> {
    if (prefixes.length === 0) return new Set();
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Card" WHERE id LIKE ANY(${prefixes.map((p) => `${p}%`)}::text[])`;
    return new Set(rows.map((r) => r.id));
  }

  async createDeck(
    tx: Tx,
    data: { slug: string; title: string; description: string; tags: string[]; itemRefs: string[]; topicTitles: Record<string, string> },
    now: Date,
  ): Promise<void> {
    await tx.deck.create({
      data: {
        ...data,
        problemSlugs: [],
        cardTopics: [],
        source: 'authored',
        status: 'draft',
        contentHash: '',
        retiredAt: now,
      },
      select: { slug: true },
    });
  }

  async updateDeck(
    tx: Tx,
    slug: string,
    data: Partial<Pick<DeckRow, 'title' | 'description' | 'tags' | 'itemRefs' | 'topicTitles' | 'status' | 'publishedAt'>>,
  ): Promise<void> {
    await tx.deck.update({ where: { slug }, data, select: { slug: true } });
  }

  async deleteDeck(tx: Tx, slug: string): Promise<void> {
    await tx.card.deleteMany({ where: { deck: slug } });
    await tx.deck.delete({ where: { slug }, select: { slug: true } });
  }

  async createCards(tx: Tx, cards: NewCard[], actorEmail: string, now: Date): Promise<void> {
    if (cards.length === 0) return;
    await tx.card.createMany({
      data: cards.map((c) => ({ ...c, source: 'authored', status: 'draft', contentHash: '', retiredAt: now })),
    });
    await tx.cardVersion.createMany({
      data: cards.map((c) => ({
        cardId: c.id,
        number: 1,
        front: c.front,
        back: c.back,
        tags: c.tags,
        topic: c.topic,
        createdBy: actorEmail,
        createdAt: now,
      })),
    });
  }

  /** Saves the card's new text and appends it to its history as version `number`. */
  async saveCardVersion(
    tx: Tx,
    id: string,
    content: { front: string; back: string; tags: string[]; topic: string },
    number: number,
    restoredFrom: number | null,
    actorEmail: string,
    now: Date,
  ): Promise<void> {
    await tx.card.update({ where: { id }, data: content, select: { id: true } });
    await tx.cardVersion.create({
      data: { cardId: id, number, ...content, restoredFrom, createdBy: actorEmail, createdAt: now },
      select: { id: true },
    });
  }

  async setCardStatus(tx: Tx, ids: string[], status: TContentStatus, publishedAt?: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx.card.updateMany({ where: { id: { in: ids } }, data: { status, ...(publishedAt ? { publishedAt } : {}) } });
  }

  async deleteCard(tx: Tx, id: string): Promise<void> {
    await tx.card.delete({ where: { id }, select: { id: true } });
  }

  async versions(db: Db, id: string): Promise<CardVersionRow[]> {
    const rows = await db.cardVersion.findMany({
      where: { cardId: id },
      orderBy: { number: 'desc' },
      select: { number: true, front: true, back: true, tags: true, topic: true, restoredFrom: true, createdAt: true, createdBy: true },
    });
    return rows;
  }

  async version(db: Db, id: string, number: number): Promise<CardVersionRow | null> {
    return (await this.versions(db, id)).find((v) => v.number === number) ?? null;
  }

  /**
   * Refreshes every authored deck that lists this item (e.g. `problem:<slug>` after the problem was published or
   * archived elsewhere), so its DeckItem rows follow; the caller reconciles learners' queues after the commit.
   */
  async refreshDecksListing(tx: Tx, ref: string, now: Date): Promise<void> {
    const decks = await tx.deck.findMany({ where: { source: 'authored', itemRefs: { has: ref } }, select: { slug: true } });
    for (const d of decks) await this.refreshLiveness(tx, d.slug, now);
  }

  /**
   * Makes what learners see of an authored deck follow its admin state, in the caller's transaction: `retiredAt` set
   * on the deck unless published, and on each card unless it and the deck are published (every learner query already
   * reads `retiredAt`); the deck's live items rewritten into DeckItem in the deck's order; problemSlugs and cardTopics
   * (read by the problem catalogue's deck filter and the export) derived from the order.
   */
  async refreshLiveness(tx: Tx, slug: string, now: Date): Promise<void> {
    const deck = (await this.deck(tx, slug))!;
    const live = deck.status === 'published';
    await tx.$executeRaw`
      UPDATE "Deck" SET "retiredAt" = CASE WHEN ${live} THEN NULL ELSE coalesce("retiredAt", ${now}) END WHERE slug = ${slug}`;
    await tx.$executeRaw`
      UPDATE "Card" SET "retiredAt" = CASE WHEN ${live} AND status = 'published' THEN NULL ELSE coalesce("retiredAt", ${now}) END
      WHERE deck = ${slug} AND source = 'authored'`;
    const cards = new Map(
      (await tx.card.findMany({ where: { deck: slug }, select: { id: true, topic: true, retiredAt: true } })).map((c) => [c.id, c]),
    );
    const problemSlugs = deck.itemRefs.filter((r) => r.startsWith('problem:')).map((r) => r.slice('problem:'.length));
    const problems = await this.problems(tx, problemSlugs);
    const items: { kind: 'card' | 'problem'; refId: string }[] = [];
    const topics: string[] = [];
    for (const ref of deck.itemRefs) {
      const [kind, refId] = ref.split(':') as ['card' | 'problem', string];
      if (kind === 'card') {
        const card = cards.get(refId);
        if (card && !topics.includes(card.topic)) topics.push(card.topic);
        if (card && card.retiredAt === null) items.push({ kind, refId });
      } else if (problems.get(refId)?.live) items.push({ kind, refId });
    }
    await tx.deck.update({ where: { slug }, data: { problemSlugs, cardTopics: topics }, select: { slug: true } });
    await tx.deckItem.deleteMany({ where: { deckSlug: slug } });
    if (live && items.length)
      await tx.deckItem.createMany({ data: items.map((item, position) => ({ deckSlug: slug, ...item, position })) });
  }
}
