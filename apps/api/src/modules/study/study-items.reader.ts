import { Injectable } from '@nestjs/common';
import { itemIdOf, type TItemState, type TQueueItem, type TQueueName, type TStudyItem } from '@prep/contracts';
import type { LearnerSchedule } from '../settings/settings.service';
import { blankState, toItemState } from './study.mapper';
import { StudyRepository } from './study.repository';
import { seedOf } from './study-keys';
import type { ItemContent, ItemKey, OutcomeRow, StateRow } from './study.types';

export function queueOf(row: StateRow): TQueueName {
  return row.state === 'new' ? 'new' : row.state === 'review' ? 'review' : 'learning';
}

/** Items as the API shows them: content, my state, and for the queue a preview of each rating. */
@Injectable()
export class StudyItemsReader {
  constructor(private readonly repository: StudyRepository) {}

  /** Items with content, in the order given; unknown ids are left out. */
  async studyItems(userId: string, keys: ItemKey[], learner: LearnerSchedule, now: Date): Promise<TStudyItem[]> {
    const [contents, states, outcomes] = await this.load(userId, keys);
    const out: TStudyItem[] = [];
    for (const key of keys) {
      const id = itemIdOf(key.kind, key.refId);
      const content = contents.get(id);
      if (!content) continue;
      const row = rowFor(states.get(id), key, content, now);
      out.push({ id, kind: key.kind, content: content.content, state: toItemState(row, learner, now, outcomes.get(key.refId) ?? null) });
    }
    return out;
  }

  async states(userId: string, keys: ItemKey[], learner: LearnerSchedule, now: Date): Promise<TItemState[]> {
    return (await this.studyItems(userId, keys, learner, now)).map((i) => i.state);
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
    const [contents, outcomes] = await Promise.all([this.repository.contents(keys), this.repository.outcomes(userId, problems)]);
    const out: TQueueItem[] = [];
    for (const { row, queue } of entries) {
      const content = contents.get(itemIdOf(row.kind, row.refId));
      if (!content || content.retired) continue;
      out.push(buildQueueItem(userId, row, content, learner, now, outcomes.get(row.refId) ?? null, queue));
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
    const content = (await this.repository.contents([{ kind: row.kind, refId: row.refId }])).get(itemIdOf(row.kind, row.refId));
    if (!content || content.retired) return null;
    return buildQueueItem(userId, row, content, learner, now, outcome, queueOf(row));
  }

  private load(userId: string, keys: ItemKey[]) {
    const problems = keys.filter((k) => k.kind === 'problem').map((k) => k.refId);
    return Promise.all([
      this.repository.contents(keys),
      this.repository.findStates(userId, keys),
      this.repository.outcomes(userId, problems),
    ]);
  }
}

function rowFor(stored: StateRow | undefined, key: ItemKey, content: ItemContent, now: Date): StateRow {
  const row = stored ?? blankState(key.kind, key.refId, now);
  return content.retired ? { ...row, retired: true } : row;
}

export function buildQueueItem(
  userId: string,
  row: StateRow,
  content: ItemContent,
  learner: LearnerSchedule,
  now: Date,
  outcome: OutcomeRow | null,
  queue: TQueueName,
): TQueueItem {
  const key = { kind: row.kind, refId: row.refId };
  return {
    id: itemIdOf(row.kind, row.refId),
    kind: row.kind,
    content: content.content,
    state: toItemState(row, learner, now, outcome),
    queue,
    previews: learner.scheduler.preview(row.kind, row, now, seedOf(userId, key)),
  };
}
