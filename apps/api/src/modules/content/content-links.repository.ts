import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

/**
 * Reads of the problem ↔ concept-card links (ProblemConcept), for the slices that show or schedule them. Raw SQL:
 * the practice lookup runs on every review-queue request (one query for all of a response's cards).
 */
@Injectable()
export class ContentLinksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The live cards these problems build on (their `concepts`), each problem's in its own order. */
  conceptRows(problemSlugs: string[]): Promise<{ problemSlug: string; cardId: string; front: string }[]> {
    return this.prisma.$queryRaw`
      SELECT pc."problemSlug", pc."cardId", c.front
      FROM "ProblemConcept" pc JOIN "Card" c ON c.id = pc."cardId" AND c."retiredAt" IS NULL
      WHERE pc."problemSlug" = ANY(${problemSlugs}::text[]) AND pc."conceptOrder" IS NOT NULL
      ORDER BY pc."problemSlug", pc."conceptOrder"`;
  }

  /** The live problems that practise these cards (named by the card, or building on it), each card's in its order. */
  practiceRows(cardIds: string[]): Promise<{ cardId: string; problemSlug: string; title: string }[]> {
    return this.prisma.$queryRaw`
      SELECT pc."cardId", pc."problemSlug", p.title
      FROM "ProblemConcept" pc JOIN "Problem" p ON p.slug = pc."problemSlug" AND p."retiredAt" IS NULL
      WHERE pc."cardId" = ANY(${cardIds}::text[])
      ORDER BY pc."cardId", pc."practiceOrder"`;
  }
}
