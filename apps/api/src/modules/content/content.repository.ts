import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import type { CardRow, DeckItemRow, DeckRow, LabRow, LinkRow, ProblemRow } from './content.mapper';

export type ContentKind = 'deck' | 'problem' | 'card' | 'lab';

@Injectable()
export class ContentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * id → content hash of every stored built-in item of a kind, retired ones included. Authored decks, cards and
   * problems are not content-sync's: they are left out, so a sync never updates or retires them.
   */
  async hashes(kind: ContentKind): Promise<Map<string, { hash: string; retired: boolean }>> {
    const select = { contentHash: true, retiredAt: true } as const;
    const builtin = { source: 'builtin' } as const;
    const rows =
      kind === 'deck'
        ? (await this.prisma.deck.findMany({ where: builtin, select: { slug: true, ...select } })).map((r) => ({ id: r.slug, ...r }))
        : kind === 'problem'
          ? (await this.prisma.problem.findMany({ where: builtin, select: { slug: true, ...select } })).map((r) => ({
              id: r.slug,
              ...r,
            }))
          : kind === 'lab'
            ? (await this.prisma.lab.findMany({ select: { slug: true, ...select } })).map((r) => ({ id: r.slug, ...r }))
            : await this.prisma.card.findMany({ where: builtin, select: { id: true, ...select } });
    return new Map(rows.map((r) => [r.id, { hash: r.contentHash, retired: r.retiredAt !== null }]));
  }

  /** Ids of authored decks or cards: a file that reuses one is not synced over the admin's content. */
  async authoredIds(kind: 'deck' | 'card'): Promise<Set<string>> {
    const where = { source: 'authored' } as const;
    const rows =
      kind === 'deck'
        ? (await this.prisma.deck.findMany({ where, select: { slug: true } })).map((r) => r.slug)
        : (await this.prisma.card.findMany({ where, select: { id: true } })).map((r) => r.id);
    return new Set(rows);
  }

  async upsertDeck(row: DeckRow, contentHash: string): Promise<void> {
    const data = { ...row, contentHash, retiredAt: null, status: 'published' };
    await this.prisma.deck.upsert({ where: { slug: row.slug }, create: data, update: data, select: { slug: true } });
  }

  /** Slugs of problems admins authored: a built-in problem of the same slug is not synced over them. */
  async authoredProblemSlugs(): Promise<Set<string>> {
    const rows = await this.prisma.problem.findMany({ where: { source: 'authored' }, select: { slug: true } });
    return new Set(rows.map((r) => r.slug));
  }

  async upsertProblem(row: ProblemRow, contentHash: string): Promise<void> {
    const data = { ...row, detail: row.detail as object, contentHash, source: 'builtin', status: 'published', retiredAt: null };
    const updated = await this.prisma.problem.updateMany({ where: { slug: row.slug, source: 'builtin' }, data });
    if (updated.count === 0) await this.prisma.problem.create({ data, select: { slug: true } });
  }

  async upsertLab(row: LabRow, contentHash: string): Promise<void> {
    const data = { ...row, detail: row.detail as object, contentHash, retiredAt: null };
    await this.prisma.lab.upsert({ where: { slug: row.slug }, create: data, update: data, select: { slug: true } });
  }

  /** The live labs with the decks they name (deck items of labs, when a sync was given no labs). */
  async liveLabDecks(): Promise<{ slug: string; decks: string[] }[]> {
    return this.prisma.lab.findMany({ where: { retiredAt: null }, select: { slug: true, decks: true } });
  }

  async upsertCard(row: CardRow, contentHash: string): Promise<void> {
    const data = { ...row, contentHash, retiredAt: null, status: 'published' };
    await this.prisma.card.upsert({ where: { id: row.id }, create: data, update: data, select: { id: true } });
  }

  /** Items no longer in the files are retired, never deleted: learners' progress points at them. */
  async retire(kind: ContentKind, ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    const builtin = { source: 'builtin' } as const;
    const archived = { retiredAt: now, status: 'archived' } as const;
    if (kind === 'deck') await this.prisma.deck.updateMany({ where: { slug: { in: ids }, ...builtin }, data: archived });
    if (kind === 'problem') await this.prisma.problem.updateMany({ where: { slug: { in: ids }, ...builtin }, data: archived });
    if (kind === 'lab') await this.prisma.lab.updateMany({ where: { slug: { in: ids } }, data: { retiredAt: now } });
    if (kind === 'card') await this.prisma.card.updateMany({ where: { id: { in: ids }, ...builtin }, data: archived });
  }

  /** Stored links that touch any of these problems or cards (the part of the table a sync of them owns). */
  async linksTouching(problemSlugs: string[], cardIds: string[]): Promise<LinkRow[]> {
    return this.prisma.problemConcept.findMany({
      where: { OR: [{ problemSlug: { in: problemSlugs } }, { cardId: { in: cardIds } }] },
      select: { problemSlug: true, cardId: true, conceptOrder: true, practiceOrder: true },
    });
  }

  /** Applies a link diff in one transaction: links are derived from the files and hold no progress, so they are deleted. */
  async applyLinkChanges(changes: { remove: LinkRow[]; create: LinkRow[]; update: LinkRow[] }): Promise<void> {
    const id = (l: LinkRow) => ({ problemSlug: l.problemSlug, cardId: l.cardId });
    await this.prisma.$transaction([
      ...(changes.remove.length ? [this.prisma.problemConcept.deleteMany({ where: { OR: changes.remove.map(id) } })] : []),
      ...(changes.create.length ? [this.prisma.problemConcept.createMany({ data: changes.create })] : []),
      ...changes.update.map((l) =>
        this.prisma.problemConcept.update({
          where: { problemSlug_cardId: id(l) },
          data: { conceptOrder: l.conceptOrder, practiceOrder: l.practiceOrder },
          select: { cardId: true },
        }),
      ),
    ]);
  }

  /** Rewrites the membership of the given decks (a deck's items are whatever its files list now). */
  async replaceDeckItems(deckSlugs: string[], rows: DeckItemRow[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.deckItem.deleteMany({ where: { deckSlug: { in: deckSlugs } } }),
      this.prisma.deckItem.createMany({ data: rows }),
    ]);
  }
}
