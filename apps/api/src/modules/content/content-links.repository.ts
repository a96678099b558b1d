import { Injectable } from '@nestjs/common';
import type { TPracticeLink } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';
import { PRACTICE_OF_CARD } from './content-links.sql';

/**
 * Reads of the problem ↔ concept-card links (ProblemConcept), for the slices that show or schedule them.
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

  /** The live problems that practise each of these cards (every id is answered, `[]` for none). */
  practice(cardIds: string[]): Promise<{ cardId: string; practice: TPracticeLink[] }[]> {
    return this.prisma.$queryRaw`
      SELECT c.id AS "cardId", ${PRACTICE_OF_CARD} AS practice FROM unnest(${cardIds}::text[]) AS c(id)`;
  }
}
