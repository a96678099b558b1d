import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import type { CardRow, DeckItemRow, DeckRow, ProblemRow } from './content.mapper';

export type ContentKind = 'deck' | 'problem' | 'card';

@Injectable()
export class ContentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** id → content hash of every stored item of a kind, retired ones included. */
  async hashes(kind: ContentKind): Promise<Map<string, { hash: string; retired: boolean }>> {
    const select = { contentHash: true, retiredAt: true } as const;
    const rows =
      kind === 'deck'
        ? (await this.prisma.deck.findMany({ select: { slug: true, ...select } })).map((r) => ({ id: r.slug, ...r }))
        : kind === 'problem'
          ? (await this.prisma.problem.findMany({ select: { slug: true, ...select } })).map((r) => ({ id: r.slug, ...r }))
          : await this.prisma.card.findMany({ select: { id: true, ...select } });
    return new Map(rows.map((r) => [r.id, { hash: r.contentHash, retired: r.retiredAt !== null }]));
  }

  async upsertDeck(row: DeckRow, contentHash: string): Promise<void> {
    const data = { ...row, contentHash, retiredAt: null };
    await this.prisma.deck.upsert({ where: { slug: row.slug }, create: data, update: data, select: { slug: true } });
  }

  async upsertProblem(row: ProblemRow, contentHash: string): Promise<void> {
    const data = { ...row, detail: row.detail as object, contentHash, retiredAt: null };
    await this.prisma.problem.upsert({ where: { slug: row.slug }, create: data, update: data, select: { slug: true } });
  }

  async upsertCard(row: CardRow, contentHash: string): Promise<void> {
    const data = { ...row, contentHash, retiredAt: null };
    await this.prisma.card.upsert({ where: { id: row.id }, create: data, update: data, select: { id: true } });
  }

  /** Items no longer in the files are retired, never deleted: learners' progress points at them. */
  async retire(kind: ContentKind, ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    if (kind === 'deck') await this.prisma.deck.updateMany({ where: { slug: { in: ids } }, data: { retiredAt: now } });
    if (kind === 'problem') await this.prisma.problem.updateMany({ where: { slug: { in: ids } }, data: { retiredAt: now } });
    if (kind === 'card') await this.prisma.card.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } });
  }

  /** Rewrites the membership of the given decks (a deck's items are whatever its files list now). */
  async replaceDeckItems(deckSlugs: string[], rows: DeckItemRow[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.deckItem.deleteMany({ where: { deckSlug: { in: deckSlugs } } }),
      this.prisma.deckItem.createMany({ data: rows }),
    ]);
  }
}
