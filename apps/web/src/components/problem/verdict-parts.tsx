'use client';

import { RATINGS, ZReviewResponse, type TRating } from '@prep/contracts';
import { CalendarClock, CheckCircle2, XCircle } from 'lucide-react';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { api } from '../../lib/api/browser';
import { newClientId, withRetry } from '../../lib/client-id';
import { dateTime, RATING_LABEL, relativeDue } from '../../lib/format';
import { useToast } from '../ui/toast';

/** The title row of a verdict (problem or lab): the verdict with its icon, and a line of figures beside it. */
export function VerdictHead({ accepted, label, children }: { accepted: boolean; label: ReactNode; children?: ReactNode }) {
  const Icon = accepted ? CheckCircle2 : XCircle;
  return (
    <div className="verdict__head">
      <h3 className={`verdict__title ${accepted ? 'is-good' : 'is-bad'}`}>
        <Icon size={20} aria-hidden="true" /> {label}
      </h3>
      {children}
    </div>
  );
}

/**
 * The rating a graded attempt gave its item and when the item comes back, with a one-time override of that
 * rating. `reviewItem` is the item's review key (`problem:<slug>`, `lab:<slug>`).
 */
export function OutcomeLine({
  outcome,
  reviewItem,
  testId,
  fromReview,
  onRatingChanged,
}: {
  outcome: { rating: TRating; due: string | null };
  reviewItem: string;
  testId: string;
  fromReview: boolean;
  onRatingChanged?: () => void;
}) {
  const notify = useToast();
  const [override, setOverride] = useState<{ rating: TRating; due: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const [clientReviewId] = useState(newClientId);
  const now = new Date();
  const due = override?.due ?? outcome.due;

  async function change(rating: TRating) {
    setPending(true);
    const response = await withRetry(() => api.post(`/api/review/${reviewItem}/override`, ZReviewResponse, { rating, clientReviewId }));
    setPending(false);
    if (!response.ok) {
      notify({ tone: 'danger', title: 'The rating was not changed', description: response.message });
      return;
    }
    setOverride({ rating, due: response.data.state.due });
    onRatingChanged?.();
    notify({ tone: 'success', title: `Rated ${RATING_LABEL[rating]} instead`, description: 'The schedule follows your rating.' });
  }

  return (
    <div className="outcome" data-testid={testId}>
      <p className="outcome__line">
        <CalendarClock size={16} aria-hidden="true" />
        <span>
          Rated <strong>{RATING_LABEL[override?.rating ?? outcome.rating]}</strong>
          {due ? (
            <>
              {' '}
              · comes back <strong data-testid="next-review">{relativeDue(due, now)}</strong> ({dateTime(due)})
            </>
          ) : null}
        </span>
      </p>
      {fromReview ? (
        <div>
          <Link href="/review" className="button button--primary button--sm">
            Continue the review session
          </Link>
        </div>
      ) : null}
      {override === null ? (
        <div className="outcome__override" role="group" aria-label="Change this rating once">
          <span className="muted small">Not how it felt? Change it once:</span>
          {RATINGS.filter((rating) => rating !== outcome.rating).map((rating) => (
            <button
              key={rating}
              type="button"
              className={`button button--sm rating-chip rating-chip--${rating}`}
              disabled={pending}
              onClick={() => void change(rating)}
            >
              {RATING_LABEL[rating]}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
