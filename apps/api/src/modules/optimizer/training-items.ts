import { FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import type { TMemoryState, TRating, TReviewSource } from '@prep/contracts';

/** One review-log row as the optimizer reads it, in the item's order. */
export interface TrainingLog {
  itemKey: string;
  rating: TRating | null;
  source: TReviewSource;
  elapsedDays: number;
  stateBefore: TMemoryState;
}

const GRADE: Record<TRating, number> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * FSRS training items from a learner's log, as fsrs-rs expects them: per item, each review after the first becomes
 * one item holding the reviews up to it, with `delta_t` in learner days (0 for the first). A reset or an
 * "I already know this" starts a new history, and a history that does not begin with a new item is skipped (its start
 * is unknown), as Anki does. Logs must be grouped by item and in order; undone reviews must already be left out.
 */
export function trainingItems(logs: TrainingLog[]): { items: FSRSBindingItem[]; reviewCount: number; itemCount: number } {
  const items: FSRSBindingItem[] = [];
  const studied = new Set<string>();
  let reviewCount = 0;
  let history: FSRSBindingReview[] = [];
  let key: string | null = null;
  let usable = false;
  for (const log of logs) {
    if (log.itemKey !== key || log.source === 'reset' || log.source === 'known') {
      key = log.itemKey;
      history = [];
      usable = false;
    }
    if (log.rating === null) continue;
    if (history.length === 0) usable = log.stateBefore === 'new';
    if (!usable) continue;
    history.push(new FSRSBindingReview(GRADE[log.rating], history.length === 0 ? 0 : log.elapsedDays));
    reviewCount++;
    studied.add(log.itemKey);
    if (history.length > 1) items.push(new FSRSBindingItem([...history]));
  }
  return { items, reviewCount, itemCount: studied.size };
}
