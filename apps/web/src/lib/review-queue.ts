import type { TQueueCounts, TQueueItem, TReviewNextResponse } from '@prep/contracts';
import { newClientId } from './client-id';

/**
 * The state of a review session in the browser, as a pure reducer: the items fetched ahead, the one shown (with
 * its clientReviewId, fixed while it is shown, so a double press or a retry sends the same id), whether its answer
 * is revealed, and how many were done in this session. The server stays the source of truth: each fetch replaces
 * what is left and the counts.
 */
export type TShown = { item: TQueueItem; clientReviewId: string; shownAt: number; revealed: boolean };

export type TReviewState = {
  status: 'loading' | 'ready' | 'empty';
  shown: TShown | null;
  upcoming: TQueueItem[];
  counts: TQueueCounts;
  nextDueAt: string | null;
  done: number;
  /** Reviews of this session that can still be undone, newest last. */
  undoable: number;
};

export type TReviewAction =
  | { type: 'loaded'; response: TReviewNextResponse; now: number }
  | { type: 'revealed' }
  | { type: 'rated'; itemId: string; now: number }
  | { type: 'removed'; itemId: string; now: number }
  | { type: 'undone'; item: TQueueItem | null; now: number };

export const INITIAL_REVIEW_STATE: TReviewState = {
  status: 'loading',
  shown: null,
  upcoming: [],
  counts: { new: 0, learning: 0, review: 0 },
  nextDueAt: null,
  done: 0,
  undoable: 0,
};

function show(item: TQueueItem | undefined, now: number): TShown | null {
  return item ? { item, clientReviewId: newClientId(), shownAt: now, revealed: false } : null;
}

function withoutItem(counts: TQueueCounts, item: TQueueItem): TQueueCounts {
  const key = item.queue;
  return { ...counts, [key]: Math.max(0, counts[key] - 1) };
}

/** What is left to do in this session, as the progress bar's denominator. */
export function remaining(state: TReviewState): number {
  return state.counts.new + state.counts.learning + state.counts.review;
}

/** Fetch more when fewer than this many are waiting behind the shown one. */
export const REFILL_BELOW = 2;

export function reviewReducer(state: TReviewState, action: TReviewAction): TReviewState {
  switch (action.type) {
    case 'loaded': {
      const { items, counts, nextDueAt } = action.response;
      // Keep the item on screen (and its clientReviewId) if the server still lists it; queue the rest behind it.
      const shownId = state.shown?.item.id;
      const rest = items.filter((item) => item.id !== shownId);
      const keepShown = state.shown && items.some((item) => item.id === shownId) ? state.shown : null;
      const shown = keepShown ?? show(rest.shift(), action.now);
      return { ...state, status: shown ? 'ready' : 'empty', shown, upcoming: rest, counts, nextDueAt };
    }
    case 'revealed':
      return state.shown ? { ...state, shown: { ...state.shown, revealed: true } } : state;
    case 'rated':
    case 'removed': {
      if (!state.shown || state.shown.item.id !== action.itemId) return state;
      const [next, ...upcoming] = state.upcoming;
      const shown = show(next, action.now);
      return {
        ...state,
        status: shown ? 'ready' : 'loading',
        shown,
        upcoming,
        counts: withoutItem(state.counts, state.shown.item),
        done: action.type === 'rated' ? state.done + 1 : state.done,
        undoable: action.type === 'rated' ? state.undoable + 1 : state.undoable,
      };
    }
    case 'undone': {
      const back = action.item;
      const upcoming = [state.shown?.item, ...state.upcoming].filter((item): item is TQueueItem => Boolean(item) && item!.id !== back?.id);
      const counts = back ? { ...state.counts, [back.queue]: state.counts[back.queue] + 1 } : state.counts;
      const shown = back ? show(back, action.now) : show(upcoming.shift(), action.now);
      return {
        ...state,
        status: shown ? 'ready' : 'empty',
        shown,
        upcoming,
        counts,
        done: Math.max(0, state.done - 1),
        undoable: Math.max(0, state.undoable - 1),
      };
    }
  }
}
