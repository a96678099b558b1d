import { Injectable } from '@nestjs/common';
import type { TConceptRef, TPracticeLink } from '@prep/contracts';
import { toConceptRef } from './content.mapper';
import { ContentLinksRepository } from './content-links.repository';

/**
 * Reads the problem ↔ concept-card links for the slices that show or schedule them: the concepts behind a problem
 * (without the learner's state, which the caller adds) and the problems that practise a card. Retired cards and
 * problems are left out.
 */
@Injectable()
export class ContentLinksService {
  constructor(private readonly repository: ContentLinksRepository) {}

  /** slug → the cards the problem builds on, most fundamental first; every requested slug is a key. */
  async conceptsForProblems(problemSlugs: readonly string[]): Promise<Map<string, TConceptRef[]>> {
    const rows = problemSlugs.length ? await this.repository.conceptRows([...new Set(problemSlugs)]) : [];
    return groupInto(problemSlugs, rows, (r) => r.problemSlug, toConceptRef);
  }

  async conceptsForProblem(problemSlug: string): Promise<TConceptRef[]> {
    return (await this.conceptsForProblems([problemSlug])).get(problemSlug)!;
  }

  /** card id → the problems that practise it; every requested id is a key. */
  async practiceForCards(cardIds: readonly string[]): Promise<Map<string, TPracticeLink[]>> {
    const rows = cardIds.length ? await this.repository.practice([...new Set(cardIds)]) : [];
    return new Map(rows.map((r) => [r.cardId, r.practice]));
  }

  async practiceForCard(cardId: string): Promise<TPracticeLink[]> {
    return (await this.practiceForCards([cardId])).get(cardId)!;
  }
}

/** key → the mapped rows with that key, in row order; every requested key is present. */
function groupInto<R, T>(keys: readonly string[], rows: R[], keyOf: (row: R) => string, map: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(map(row));
  return groups;
}
