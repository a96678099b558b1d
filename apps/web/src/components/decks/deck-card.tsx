import type { TDeckSummary } from '@prep/contracts';
import { BookOpen, Code2, FlaskConical } from 'lucide-react';
import Link from 'next/link';
import { plural } from '../../lib/format';
import { EnrollButton } from './enroll-button';

export function DeckCard({ deck }: { deck: TDeckSummary }) {
  const studied = deck.counts.total - deck.counts.new;
  const share = deck.counts.total ? Math.round((studied / deck.counts.total) * 100) : 0;
  return (
    <li className="card deck-card" data-testid={`deck-${deck.slug}`}>
      <div className="deck-card__head">
        <h2>
          <Link href={`/decks/${deck.slug}`} className="deck-card__link">
            {deck.title}
          </Link>
        </h2>
        {deck.enrolled ? <span className="badge badge--accent">Enrolled</span> : null}
      </div>
      <p className="deck-card__desc">{deck.description}</p>
      <div className="deck-card__kinds">
        <span>
          <BookOpen size={14} aria-hidden="true" /> {plural(deck.kinds.card, 'card')}
        </span>
        <span>
          <Code2 size={14} aria-hidden="true" /> {plural(deck.kinds.problem, 'problem')}
        </span>
        {deck.kinds.lab > 0 ? (
          <span>
            <FlaskConical size={14} aria-hidden="true" /> {plural(deck.kinds.lab, 'lab')}
          </span>
        ) : null}
      </div>
      {deck.enrolled ? (
        <div className="deck-card__progress">
          <div className="row row--between small">
            <span className="muted">
              {studied} of {deck.counts.total} studied
            </span>
            <span>
              {deck.counts.due > 0 ? (
                <strong className="due-text">{deck.counts.due} due</strong>
              ) : deck.counts.new > 0 ? (
                <span className="muted">{deck.counts.new} new to learn</span>
              ) : (
                <span className="muted">Nothing due</span>
              )}
            </span>
          </div>
          <div className="meter" role="img" aria-label={`${share}% studied`}>
            <div className="meter__fill" style={{ width: `${share}%` }} />
          </div>
        </div>
      ) : null}
      <div className="deck-card__actions">
        <EnrollButton slug={deck.slug} title={deck.title} enrolled={deck.enrolled} />
        <Link href={`/decks/${deck.slug}`} className="button button--ghost">
          Browse
        </Link>
      </div>
    </li>
  );
}
