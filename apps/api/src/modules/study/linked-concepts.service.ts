import { Injectable } from '@nestjs/common';
import type { TConceptLink, TPracticeLink } from '@prep/contracts';
import { ContentLinksService } from '../content/content-links.service';
import type { Db } from '../prisma/db';
import { LinkedConceptsRepository } from './linked-concepts.repository';
import { lapseRank } from './study.sql';
import type { ItemKey } from './study.types';

/**
 * The concept links as the learner meets them: the concepts behind a problem with my state of each, the lapse rule
 * (a problem rated `again` brings its concept cards into my queue; see LAPSE_CONCEPTS_RULE in the contracts), and the
 * problems a leech card is practised by.
 */
@Injectable()
export class LinkedConceptsService {
  constructor(
    private readonly links: ContentLinksService,
    private readonly repository: LinkedConceptsRepository,
  ) {}

  /** "Concepts behind this problem", each with my state (`new` when I never studied it). */
  async forProblem(userId: string, problemSlug: string): Promise<TConceptLink[]> {
    const concepts = await this.links.conceptsForProblem(problemSlug);
    const states = await this.repository.memoryStates(
      userId,
      concepts.map((c) => c.id),
    );
    return concepts.map((c) => ({ ...c, state: states.get(c.id) ?? 'new' }));
  }

  /**
   * The lapse rule, inside the transaction that wrote the problem's `again` (review `reviewId`): its concept cards
   * studied come due now, never studied are introduced next; what moved is stored on the review for undo.
   */
  async bringIn(db: Db, userId: string, problemSlug: string, reviewId: string, now: Date): Promise<void> {
    const concepts = await this.links.conceptsForProblem(problemSlug);
    if (concepts.length === 0) return;
    const cards = concepts.map((c, i) => ({ cardId: c.id, rank: lapseRank(now, i) }));
    const pulls = await this.repository.bringIn(db, userId, cards, now);
    if (pulls.length) await this.repository.recordPulls(db, userId, reviewId, pulls);
  }

  /** Undoes what the lapse of review `reviewId` moved (with the review's undo or override). */
  revert(db: Db, userId: string, reviewId: string, now: Date): Promise<void> {
    return this.repository.revert(db, userId, reviewId, now);
  }

  /** For the leech notice: the problems that practise a card that just became a leech. */
  async leechPractice(key: ItemKey, leech: boolean): Promise<TPracticeLink[]> {
    return leech && key.kind === 'card' ? this.links.practiceForCard(key.refId) : [];
  }
}
