import { Injectable } from '@nestjs/common';
import {
  itemIdOf,
  type TItemState,
  type TPracticeLink,
  type TQueueItem,
  type TQueueName,
  type TStudyContent,
  type TStudyItem,
} from '@prep/contracts';
import { ContentLinksService } from '../content/content-links.service';
import type { LearnerSchedule } from '../settings/settings.service';
import { blankState, toItemState } from './study.mapper';
import { StudyRepository } from './study.repository';
import { seedOf } from './study-keys';
import type { ItemContent, ItemKey, OutcomeRow, StateRow, StoredContent } from './study.types';

export function queueOf(row: StateRow): TQueueName {
  return row.state === 'new' ? 'new' : row.state === 'review' ? 'review' : 'learning';
}

/** card id → the problems that practise it. */
type PracticeByCard = Map<string, TPracticeLink[]>;

/** An item with its content as stored (a card without its practice links yet). */
type StoredItem = Omit<TStudyItem, 'content'> & { content: StoredContent };

/** Items as the API shows them: content (a card with the problems that practise it), my state, and for the queue a preview of each rating. */
@Injectable()
export class StudyItemsReader {
  constructor(
    private readonly repository: StudyRepository,
    private readonly links: ContentLinksService,
  ) {}

  /** Items with content, in the order given; unknown ids are left out. */
  async studyItems(userId: string, keys: ItemKey[], learner: LearnerSchedule, now: Date): Promise<TStudyItem[]> {
    const [built, practice] = await Promise.all([this.build(userId, keys, learner, now), this.practice(keys)]);
    return built.map(({ content, ...item }) => ({ ...item, content: shown(content, practice) }));
  }

  async states(userId: string, keys: ItemKey[], learner: LearnerSchedule, now: Date): Promise<TItemState[]> {
    return (await this.build(userId, keys, learner, now)).map((i) => i.state);
  }

  /** Queue items for rows already read, with previews; retired or unknown content is left out. */
  async queueItems(
    userId: string,
    entries: { row: StateRow; queue: TQueueName }[],
    learner: LearnerSchedule,
    now: Date,
  ): Promise<TQueueItem[]> {
    const keys = entries.map((e) => ({ kind: e.row.kind, refId: e.row.refId }));
    const problems = keys.filter((k) => k.kind === 'problem').map((k) => k.refId);
    const [contents, outcomes, practice] = await Promise.all([
      this.repository.contents(keys),
      this.repository.outcomes(userId, problems),
      this.practice(keys),
    ]);
    const out: TQueueItem[] = [];
    for (const { row, queue } of entries) {
      const content = contents.get(itemIdOf(row.kind, row.refId));
      if (!content || content.retired) continue;
      out.push(buildQueueItem(userId, row, shown(content.content, practice), learner, now, outcomes.get(row.refId) ?? null, queue));
    }
    return out;
  }

  /** One item for a review session (after undo); null when its content is gone or retired. */
  async queueItem(
    userId: string,
    row: StateRow,
    learner: LearnerSchedule,
    now: Date,
    outcome: OutcomeRow | null,
  ): Promise<TQueueItem | null> {
    const keys = [{ kind: row.kind, refId: row.refId }];
    const [contents, practice] = await Promise.all([this.repository.contents(keys), this.practice(keys)]);
    const content = contents.get(itemIdOf(row.kind, row.refId));
    if (!content || content.retired) return null;
    return buildQueueItem(userId, row, shown(content.content, practice), learner, now, outcome, queueOf(row));
  }

  /** Items with their stored content and my state, in the order given; unknown ids are left out. */
  private async build(userId: string, keys: ItemKey[], learner: LearnerSchedule, now: Date): Promise<StoredItem[]> {
    const problems = keys.filter((k) => k.kind === 'problem').map((k) => k.refId);
    const [contents, states, outcomes] = await Promise.all([
      this.repository.contents(keys),
      this.repository.findStates(userId, keys),
      this.repository.outcomes(userId, problems),
    ]);
    const out: StoredItem[] = [];
    for (const key of keys) {
      const id = itemIdOf(key.kind, key.refId);
      const content = contents.get(id);
      if (!content) continue;
      const row = rowFor(states.get(id), key, content, now);
      out.push({ id, kind: key.kind, content: content.content, state: toItemState(row, learner, now, outcomes.get(key.refId) ?? null) });
    }
    return out;
  }

  private practice(keys: ItemKey[]): Promise<PracticeByCard> {
    return this.links.practiceForCards(keys.filter((k) => k.kind === 'card').map((k) => k.refId));
  }
}

/** Stored content as shown: a card with its "Practise it" links. */
function shown(content: StoredContent, practice: PracticeByCard): TStudyContent {
  return content.kind === 'card' ? { ...content, practice: practice.get(content.cardId) ?? [] } : content;
}

function rowFor(stored: StateRow | undefined, key: ItemKey, content: ItemContent, now: Date): StateRow {
  const row = stored ?? blankState(key.kind, key.refId, now);
  return content.retired ? { ...row, retired: true } : row;
}

export function buildQueueItem(
  userId: string,
  row: StateRow,
  content: TStudyContent,
  learner: LearnerSchedule,
  now: Date,
  outcome: OutcomeRow | null,
  queue: TQueueName,
): TQueueItem {
  const key = { kind: row.kind, refId: row.refId };
  return {
    id: itemIdOf(row.kind, row.refId),
    kind: row.kind,
    content,
    state: toItemState(row, learner, now, outcome),
    queue,
    previews: learner.scheduler.preview(row.kind, row, now, seedOf(userId, key)),
  };
}
