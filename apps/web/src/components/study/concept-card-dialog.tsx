'use client';

import { ZItemDetailResponse, ZReviewResponse, type TItemState, type TRating, type TStudyItem } from '@prep/contracts';
import { CalendarClock } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { api } from '../../lib/api/browser';
import { newClientId, withRetry } from '../../lib/client-id';
import { refreshDueNow } from '../../lib/due-now-store';
import { dateTime, RATING_LABEL, relativeDue } from '../../lib/format';
import { Markdown } from '../markdown';
import { Dialog, DialogClose } from '../ui/dialog';
import { FormAlert } from '../ui/field';
import { Kbd } from '../ui/kbd';
import { ItemStateBadge } from './item-state-badge';
import { PracticeLinks } from './practice-links';
import { RatingButtons } from './rating-buttons';

type TCard = Extract<TStudyItem['content'], { kind: 'card' }>;
type TLoaded = { card: TCard; state: TItemState };
type TRated = { rating: TRating; state: TItemState; leech: boolean };

/**
 * A concept card in a dialog, as a short review: the front, Space (or the button) shows the answer, and when the
 * card is due now it can be rated right here (1–4), which counts as its review. Otherwise it says where the card
 * stands. The card's other practice problems and its deck are one click away.
 */
export function ConceptCardDialog({
  cardId,
  onClose,
  onRated,
  exclude,
  returnFocusTo,
}: {
  /** The card to show; null: closed. */
  cardId: string | null;
  onClose: () => void;
  /** After a rating here, with the card's new state. */
  onRated?: (state: TItemState) => void;
  /** A problem not to list under "Also practised in" (the page the dialog opens on). */
  exclude?: string;
  /** The control that opened the dialog: focus goes back to it on close. */
  returnFocusTo?: () => HTMLElement | null;
}) {
  const [loaded, setLoaded] = useState<TLoaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [rated, setRated] = useState<TRated | null>(null);
  const [pending, setPending] = useState(false);
  const review = useRef({ clientReviewId: newClientId(), shownAt: Date.now() });
  const answer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setLoaded(null);
    setError(null);
    setRevealed(false);
    setRated(null);
    if (!cardId) return undefined;
    review.current = { clientReviewId: newClientId(), shownAt: Date.now() };
    const controller = new AbortController();
    api
      .get(`/api/items/card:${cardId}`, ZItemDetailResponse, { signal: controller.signal })
      .then((result) => {
        if (!result.ok) setError(result.message);
        else if (result.data.item.content.kind === 'card') setLoaded({ card: result.data.item.content, state: result.data.item.state });
        else setError('This is not a concept card.');
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [cardId]);

  useEffect(() => {
    if (revealed) answer.current?.focus();
  }, [revealed]);

  const canRate = Boolean(loaded && revealed && !rated && loaded.state.dueNow);

  async function rate(rating: TRating) {
    if (!cardId || !canRate || pending) return;
    setPending(true);
    const body = {
      rating,
      durationMs: Math.min(Date.now() - review.current.shownAt, 3_600_000),
      clientReviewId: review.current.clientReviewId,
    };
    const result = await withRetry(() => api.post(`/api/review/card:${cardId}`, ZReviewResponse, body));
    setPending(false);
    if (!result.ok) {
      setError(`${result.message} Your rating was not saved; try again.`);
      return;
    }
    setError(null);
    setRated({ rating, state: result.data.state, leech: result.data.leech });
    onRated?.(result.data.state);
    void refreshDueNow();
  }

  useShortcuts(
    {
      Space: loaded && !revealed ? () => setRevealed(true) : undefined,
      '1': () => void rate('again'),
      '2': () => void rate('hard'),
      '3': () => void rate('good'),
      '4': () => void rate('easy'),
    },
    cardId !== null,
  );

  const state = rated?.state ?? loaded?.state ?? null;

  return (
    <Dialog
      open={cardId !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Concept card"
      description={
        loaded && state ? (
          <span className="concept-dialog__meta">
            <span className="concept-dialog__deck">{loaded.card.deck.replace(/-/g, ' ')}</span>
            <ItemStateBadge state={state} />
          </span>
        ) : undefined
      }
      className="dialog--wide concept-dialog"
      onCloseAutoFocus={(event) => {
        const target = returnFocusTo?.();
        if (!target) return;
        event.preventDefault();
        target.focus();
      }}
    >
      <div data-testid="concept-dialog">
        {!loaded && !error ? (
          <div aria-busy="true">
            <div className="skeleton" style={{ height: '1.3rem', width: '75%' }} />
            <div className="skeleton" style={{ height: '1rem', width: '50%', marginTop: '0.7rem' }} />
          </div>
        ) : null}
        {loaded ? (
          <>
            <div className="concept-dialog__front" data-testid="concept-front">
              <Markdown>{loaded.card.front}</Markdown>
            </div>
            {revealed ? (
              <>
                <hr className="review__divider" />
                <div className="concept-dialog__back" ref={answer} tabIndex={-1} aria-label="Answer" data-testid="concept-back">
                  <Markdown>{loaded.card.back}</Markdown>
                </div>
              </>
            ) : (
              <div className="concept-dialog__reveal">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => setRevealed(true)}
                  autoFocus
                  aria-keyshortcuts="Space"
                >
                  Show answer <Kbd shortcut="Space" />
                </button>
              </div>
            )}
          </>
        ) : null}
        <FormAlert message={error} />
        {loaded && revealed ? (
          <div className="concept-dialog__schedule">
            {rated ? (
              <p className="concept-dialog__note" role="status" data-testid="concept-rated">
                <CalendarClock size={16} aria-hidden="true" />
                <span>
                  Rated <strong>{RATING_LABEL[rated.rating]}</strong>
                  {rated.state.due ? (
                    <>
                      {' '}
                      · comes back <strong>{relativeDue(rated.state.due, new Date())}</strong> ({dateTime(rated.state.due)})
                    </>
                  ) : null}
                  .
                </span>
              </p>
            ) : loaded.state.dueNow ? (
              <>
                <p className="concept-dialog__note">It is due now: rate it here as in a review session.</p>
                <RatingButtons onRate={(rating) => void rate(rating)} disabled={pending} className="ratings--compact" />
              </>
            ) : (
              <p className="concept-dialog__note" data-testid="concept-schedule">
                <CalendarClock size={16} aria-hidden="true" />
                <span>{scheduleText(loaded.state)}</span>
              </p>
            )}
            {rated?.leech ? (
              <p className="banner banner--warning" role="alert">
                This card is now a leech and is suspended: you have forgotten it many times. Rewrite it in your own words, or put it to use
                in a problem first.
              </p>
            ) : null}
            <PracticeLinks links={loaded.card.practice} exclude={exclude} title="Also practised in" />
          </div>
        ) : null}
        <div className="dialog__actions">
          {loaded ? (
            <Link href={`/decks/${loaded.card.deck}`} className="button button--ghost">
              Open its deck
            </Link>
          ) : null}
          <DialogClose className="button">Close</DialogClose>
        </div>
      </div>
    </Dialog>
  );
}

/** Where a card that is not due now stands, in a sentence. */
function scheduleText(state: TItemState): string {
  if (state.suspended) return 'Suspended: it stays out of your reviews until you unsuspend it from its deck.';
  if (state.state === 'new') {
    return 'You have not studied it yet. It comes up with its deck’s new cards, or next in your reviews when you fail a problem built on it.';
  }
  if (state.buriedUntil) return `Buried until ${dateTime(state.buriedUntil)}.`;
  if (state.due) return `Next review ${relativeDue(state.due, new Date())} (${dateTime(state.due)}).`;
  return 'Not scheduled.';
}
