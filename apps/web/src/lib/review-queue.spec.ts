import type { TQueueItem, TReviewNextResponse } from '@prep/contracts';
import { INITIAL_REVIEW_STATE, remaining, reviewReducer, type TReviewState } from './review-queue';

const preview = { due: '2026-03-01T12:10:00.000Z', state: 'learning' as const, days: 0, minutes: 10, label: '10m' };

function item(id: string, queue: TQueueItem['queue'] = 'new'): TQueueItem {
  return {
    id: `card:${id}`,
    kind: 'card',
    queue,
    content: { kind: 'card', cardId: id, deck: 'algorithms', topic: 't', front: `Q ${id}`, back: `A ${id}`, tags: [], practice: [] },
    state: {
      itemId: `card:${id}`,
      kind: 'card',
      state: 'new',
      due: null,
      dueNow: true,
      suspended: false,
      buriedUntil: null,
      leech: false,
      retired: false,
      reps: 0,
      lapses: 0,
      stability: null,
      difficulty: null,
      retrievability: null,
      scheduledDays: 0,
      lastReviewedAt: null,
      lastOutcome: null,
    },
    previews: { again: preview, hard: preview, good: preview, easy: preview },
  };
}

function response(items: TQueueItem[], counts = { new: items.length, learning: 0, review: 0 }): TReviewNextResponse {
  return {
    items,
    counts,
    nextDueAt: null,
    day: { date: '2026-03-01', startsAt: '', endsAt: '', newStudied: 0, reviewsDone: 0, newLimit: 20, reviewLimit: 200 },
  };
}

const load = (state: TReviewState, items: TQueueItem[], counts?: { new: number; learning: number; review: number }) =>
  reviewReducer(state, { type: 'loaded', response: response(items, counts), now: 1 });

describe('reviewReducer', () => {
  it('shows the first item, hidden, with a clientReviewId', () => {
    const state = load(INITIAL_REVIEW_STATE, [item('a'), item('b')]);
    expect(state.status).toBe('ready');
    expect(state.shown?.item.id).toBe('card:a');
    expect(state.shown?.revealed).toBe(false);
    expect(state.shown?.clientReviewId).toMatch(/.{8,}/);
    expect(state.upcoming.map((i) => i.id)).toEqual(['card:b']);
    expect(remaining(state)).toBe(2);
  });

  it('says the queue is empty when nothing is due', () => {
    expect(load(INITIAL_REVIEW_STATE, []).status).toBe('empty');
  });

  it('moves on after a rating and counts it; a stale rating of another item changes nothing', () => {
    let state = load(INITIAL_REVIEW_STATE, [item('a'), item('b')]);
    state = reviewReducer(state, { type: 'revealed' });
    const before = state;
    expect(reviewReducer(state, { type: 'rated', itemId: 'card:zzz', now: 2 })).toBe(before);
    state = reviewReducer(state, { type: 'rated', itemId: 'card:a', now: 2 });
    expect(state.shown?.item.id).toBe('card:b');
    expect(state.shown?.revealed).toBe(false);
    expect(state.done).toBe(1);
    expect(remaining(state)).toBe(1);
  });

  it('keeps the same clientReviewId for the shown item across a refill, so a retry applies once', () => {
    let state = load(INITIAL_REVIEW_STATE, [item('a')]);
    const id = state.shown!.clientReviewId;
    state = load(state, [item('a'), item('c')]);
    expect(state.shown!.clientReviewId).toBe(id);
    expect(state.upcoming.map((i) => i.id)).toEqual(['card:c']);
  });

  it('asks for more (loading) when the last fetched item was rated', () => {
    let state = load(INITIAL_REVIEW_STATE, [item('a')], { new: 5, learning: 0, review: 0 });
    state = reviewReducer(state, { type: 'rated', itemId: 'card:a', now: 2 });
    expect(state.status).toBe('loading');
    expect(state.shown).toBeNull();
  });

  it('puts an undone item back in front, hidden, with a new clientReviewId', () => {
    let state = load(INITIAL_REVIEW_STATE, [item('a'), item('b')]);
    const first = state.shown!.clientReviewId;
    state = reviewReducer(state, { type: 'rated', itemId: 'card:a', now: 2 });
    state = reviewReducer(state, { type: 'undone', item: item('a'), now: 3 });
    expect(state.shown?.item.id).toBe('card:a');
    expect(state.shown?.revealed).toBe(false);
    expect(state.shown?.clientReviewId).not.toBe(first);
    expect(state.upcoming.map((i) => i.id)).toEqual(['card:b']);
    expect(state.done).toBe(0);
    expect(remaining(state)).toBe(2);
  });

  it('skips an item that was suspended or buried without counting it as done', () => {
    let state = load(INITIAL_REVIEW_STATE, [item('a'), item('b')]);
    state = reviewReducer(state, { type: 'removed', itemId: 'card:a', now: 2 });
    expect(state.shown?.item.id).toBe('card:b');
    expect(state.done).toBe(0);
    expect(state.undoable).toBe(0);
  });
});
