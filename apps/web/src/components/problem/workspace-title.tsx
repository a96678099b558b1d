'use client';

import type { TItemState } from '@prep/contracts';
import { ArrowLeft, CalendarClock } from 'lucide-react';
import Link from 'next/link';
import { useMounted } from '../../hooks/use-mounted';
import { capitalise, dateTime, relativeDue } from '../../lib/format';

type TStanding = 'new' | 'attempted' | 'solved' | 'due';

const STATUS_BADGE: Record<TStanding, string> = {
  new: 'badge--info',
  attempted: 'badge--warning',
  solved: 'badge--success',
  due: 'badge--accent',
};

/** The back link of a problem or lab workspace: to the review session when opened from it, else to the list. */
export function WorkspaceBackLink({ fromReview, href, label }: { fromReview: boolean; href: string; label: string }) {
  return fromReview ? (
    <Link href="/review" className="button button--ghost button--sm" aria-label="Back to the review session">
      <ArrowLeft size={16} aria-hidden="true" /> Review
    </Link>
  ) : (
    <Link href={href} className="button button--ghost button--sm" aria-label={label}>
      <ArrowLeft size={16} aria-hidden="true" />
    </Link>
  );
}

/** Where I stand with a problem or lab, and (in the browser, which knows the time) when it next comes back. */
export function StandingBadges({
  status,
  review,
  statusTestId,
  nextReviewTestId,
}: {
  status: TStanding;
  review: TItemState;
  statusTestId: string;
  nextReviewTestId?: string;
}) {
  const mounted = useMounted();
  return (
    <>
      <span className={`badge ${STATUS_BADGE[status]}`} data-testid={statusTestId}>
        {status === 'due' ? 'Due for review' : capitalise(status)}
      </span>
      {mounted && review.due && !review.dueNow && !review.suspended ? (
        <span className="workspace__next small muted" data-testid={nextReviewTestId} title={dateTime(review.due)}>
          <CalendarClock size={14} aria-hidden="true" /> Next review {relativeDue(review.due, new Date())}
        </span>
      ) : null}
    </>
  );
}
