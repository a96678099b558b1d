import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { itemIdOf, type TDifficulty, type TItemId } from '@prep/contracts';
import { EnrollmentRepository } from '../../src/modules/decks/enrollment.repository';
import { PrismaService } from '../../src/modules/prisma/prisma.service';
import { holdContentLock, type HeldLock } from './content-lock';

export interface TestDeck {
  slug: string;
  cardIds: string[];
  problemSlugs: string[];
  /** Every item id in deck order (cards, then problems). */
  itemIds: TItemId[];
  cardItemIds: TItemId[];
  problemItemIds: TItemId[];
}

export interface DeckSpec {
  cards?: number;
  problems?: number;
  /** Card front text per index (default "Question <i> of <slug>"). */
  front?: (i: number) => string;
  tags?: (i: number) => string[];
  /** Fixed ids (deck-<suffix>, card-<suffix>-<i>, …) for a reproducible run; an earlier deck with them is replaced. */
  suffix?: string;
}

/**
 * For files that create content with createDeck: a content sync retires every item it was not given, so such a file
 * holds the content lock exclusively for its whole run (as content-sync does). Call at the top of the file.
 */
export function useOwnContent(): void {
  let lock: HeldLock | undefined;
  beforeAll(async () => {
    lock = await holdContentLock('exclusive');
  }, 600_000);
  afterAll(async () => {
    await lock?.release();
  });
}

/**
 * A small deck of its own (unique slugs and ids), written as content sync would write it: Deck, Card and Problem rows,
 * the deck's ordered items, then reconciliation of learners' queues. Tests that need only a few items use this
 * instead of the built-in content.
 */
export async function createDeck(app: NestFastifyApplication, spec: DeckSpec = {}): Promise<TestDeck> {
  const prisma = app.get(PrismaService);
  const suffix = spec.suffix ?? randomUUID().slice(0, 8);
  const slug = `deck-${suffix}`;
  const cardIds = Array.from({ length: spec.cards ?? 3 }, (_, i) => `card-${suffix}-${i}`);
  const problemSlugs = Array.from({ length: spec.problems ?? 1 }, (_, i) => `problem-${suffix}-${i}`);
  if (spec.suffix) {
    await prisma.deck.deleteMany({ where: { slug } });
    await prisma.card.deleteMany({ where: { deck: slug } });
    await prisma.problem.deleteMany({ where: { slug: { in: problemSlugs } } });
  }
  await prisma.deck.create({
    data: { slug, title: `Deck ${suffix}`, description: 'A test deck.', tags: [], problemSlugs, cardTopics: ['topic'], contentHash: 'x' },
  });
  await prisma.card.createMany({
    data: cardIds.map((id, i) => ({
      id,
      version: 1,
      deck: slug,
      topic: 'topic',
      front: spec.front?.(i) ?? `Question ${i} of ${slug}`,
      back: `Answer ${i}`,
      tags: spec.tags?.(i) ?? ['test'],
      contentHash: 'x',
    })),
  });
  for (const [i, problemSlug] of problemSlugs.entries()) {
    const summary = {
      slug: problemSlug,
      version: 1,
      title: `Problem ${i} ${suffix}`,
      difficulty: 'easy' as TDifficulty,
      tags: ['test'],
      decks: [slug],
    };
    await prisma.problem.create({ data: { ...summary, detail: summary, contentHash: 'x' } });
  }
  const items = [
    ...cardIds.map((refId) => ({ kind: 'card' as const, refId })),
    ...problemSlugs.map((refId) => ({ kind: 'problem' as const, refId })),
  ];
  await prisma.deckItem.createMany({ data: items.map((item, position) => ({ deckSlug: slug, ...item, position })) });
  const cardItemIds = cardIds.map((id) => itemIdOf('card', id));
  const problemItemIds = problemSlugs.map((s) => itemIdOf('problem', s));
  return { slug, cardIds, problemSlugs, itemIds: [...cardItemIds, ...problemItemIds], cardItemIds, problemItemIds };
}

/**
 * Links a problem to concept cards as content sync stores a problem's `concepts` (in this order), and to cards that
 * only name it as practice.
 */
export async function linkConcepts(
  app: NestFastifyApplication,
  problemSlug: string,
  concepts: string[],
  practiceOnly: string[] = [],
): Promise<void> {
  await app.get(PrismaService).problemConcept.createMany({
    data: [
      ...concepts.map((cardId, i) => ({ problemSlug, cardId, conceptOrder: i, practiceOrder: 0 })),
      ...practiceOnly.map((cardId) => ({ problemSlug, cardId, conceptOrder: null, practiceOrder: 0 })),
    ],
  });
}

/** Retires content as content sync does when an item leaves the files. */
export async function retireItem(app: NestFastifyApplication, itemId: TItemId): Promise<void> {
  const prisma = app.get(PrismaService);
  const [kind, ref] = itemId.split(':') as ['card' | 'problem', string];
  if (kind === 'card') await prisma.card.update({ where: { id: ref }, data: { retiredAt: new Date() } });
  else await prisma.problem.update({ where: { slug: ref }, data: { retiredAt: new Date() } });
  await prisma.deckItem.deleteMany({ where: { kind, refId: ref } });
  await app.get(EnrollmentRepository).reconcileWithContent(new Date());
}

let reviewCounter = 0;
/** A fresh clientReviewId. */
export function reviewId(): string {
  return `r-${randomUUID()}-${++reviewCounter}`;
}
