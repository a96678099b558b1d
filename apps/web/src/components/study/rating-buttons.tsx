'use client';

import { RATINGS, type TRating } from '@prep/contracts';
import { RATING_LABEL } from '../../lib/format';
import { ariaShortcut, Kbd } from '../ui/kbd';

/** The keys that rate, as in Anki: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const RATING_KEYS: Record<TRating, string> = { again: '1', hard: '2', good: '3', easy: '4' };

/** Again / Hard / Good / Easy, each with its key and, when known, the interval it would give. */
export function RatingButtons({
  onRate,
  disabled = false,
  intervals,
  className,
}: {
  onRate: (rating: TRating) => void;
  disabled?: boolean;
  /** What each rating would give ("10m", "3d"), shown above its name. */
  intervals?: Record<TRating, string>;
  className?: string;
}) {
  return (
    <div className={className ? `ratings ${className}` : 'ratings'} role="group" aria-label="How well did you remember?">
      {RATINGS.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`rating rating--${rating}`}
          onClick={() => onRate(rating)}
          disabled={disabled}
          aria-keyshortcuts={ariaShortcut(RATING_KEYS[rating])}
          aria-label={intervals ? `${RATING_LABEL[rating]}: next in ${intervals[rating]}` : undefined}
        >
          {intervals ? <span className="rating__interval">{intervals[rating]}</span> : null}
          <span className="rating__label">{RATING_LABEL[rating]}</span>
          <Kbd shortcut={RATING_KEYS[rating]} />
        </button>
      ))}
    </div>
  );
}
