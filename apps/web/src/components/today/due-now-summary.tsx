'use client';

import type { TKindCounts } from '@prep/contracts';
import { BookOpen, Code2, FlaskConical, Sparkles } from 'lucide-react';
import { useDueNow } from '../../hooks/use-due-now';
import { plural } from '../../lib/format';

/**
 * The dashboard's headline: what is due now (the same number as the page title and the reminder emails), by
 * kind, kept current with the title; what comes due later today; and the new items today's limits offer.
 */
export function DueNowSummary({
  dueNow: fromServer,
  dueToday,
  newToday,
}: {
  dueNow: TKindCounts;
  dueToday: TKindCounts;
  newToday: number;
}) {
  const dueNow = useDueNow(fromServer) ?? fromServer;
  const later = Math.max(0, dueToday.total - dueNow.total);
  return (
    <div className="today-hero__main">
      <div className="today-hero__number" data-testid="due-total">
        {dueNow.total}
      </div>
      <div>
        <p className="today-hero__label">{dueNow.total === 1 ? 'item' : 'items'} due now</p>
        <p className="today-hero__kinds muted small" data-testid="due-breakdown">
          <span>
            <BookOpen size={13} aria-hidden="true" /> {plural(dueNow.card, 'card')}
          </span>
          <span>
            <Code2 size={13} aria-hidden="true" /> {plural(dueNow.problem, 'problem')}
          </span>
          {dueNow.lab > 0 ? (
            <span>
              <FlaskConical size={13} aria-hidden="true" /> {plural(dueNow.lab, 'lab')}
            </span>
          ) : null}
          <span>
            <Sparkles size={13} aria-hidden="true" /> {newToday} new today
          </span>
        </p>
        {later > 0 ? (
          <p className="muted small today-hero__later" data-testid="due-later">
            {later} more {later === 1 ? 'comes' : 'come'} due later today.
          </p>
        ) : null}
      </div>
    </div>
  );
}
