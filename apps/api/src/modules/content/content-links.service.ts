import { Injectable } from '@nestjs/common';
import type { TConceptRef, TPracticeLink } from '@prep/contracts';
import { toConceptRef, toPracticeLink } from './content.mapper';
import { ContentRepository } from './content.repository';

/**
 * Reads the problem ↔ concept-card links for the slices that show or schedule them: the concepts behind a problem
 * (without the learner's state, which the caller adds) and the problems that practise a card. Retired cards and
 * problems are left out.
 */
@Injectable()
export class ContentLinksService {
  constructor(private readonly repository: ContentRepository) {}

  /** slug → its concept cards, most fundamental first; every requested slug is a key. */
  async conceptsForProblems(problemSlugs: readonly string[]): Promise<Map<string, TConceptRef[]>> {
    const bySlug = new Map<string, TConceptRef[]>(problemSlugs.map((s) => [s, []]));
    if (problemSlugs.length === 0) return bySlug;
    for (const row of await this.repository.conceptRows([...new Set(problemSlugs)])) bySlug.get(row.problemSlug)?.push(toConceptRef(row));
    return bySlug;
  }

  async conceptsForProblem(problemSlug: string): Promise<TConceptRef[]> {
    return (await this.conceptsForProblems([problemSlug])).get(problemSlug)!;
  }

  /** card id → the problems that practise it; every requested id is a key. */
  async practiceForCards(cardIds: readonly string[]): Promise<Map<string, TPracticeLink[]>> {
    const byCard = new Map<string, TPracticeLink[]>(cardIds.map((id) => [id, []]));
    if (cardIds.length === 0) return byCard;
    for (const row of await this.repository.practiceRows([...new Set(cardIds)])) byCard.get(row.cardId)?.push(toPracticeLink(row));
    return byCard;
  }

  async practiceForCard(cardId: string): Promise<TPracticeLink[]> {
    return (await this.practiceForCards([cardId])).get(cardId)!;
  }
}
