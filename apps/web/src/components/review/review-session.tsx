'use client';

import {
  ZItemActionResponse,
  ZReviewNextResponse,
  ZReviewResponse,
  ZUndoResponse,
  type TLabDevice,
  type TPracticeLink,
  type TQueueItem,
  type TRating,
} from '@prep/contracts';
import { CalendarCheck, Code2, EyeOff, FlaskConical, MoreHorizontal, PauseCircle, TriangleAlert, Undo2, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { api } from '../../lib/api/browser';
import { withRetry } from '../../lib/client-id';
import { refreshDueNow } from '../../lib/due-now-store';
import { capitalise, dateTime, plural, relativeDue } from '../../lib/format';
import { LAB_DEVICE_LABEL } from '../../lib/lab-format';
import { INITIAL_REVIEW_STATE, REFILL_BELOW, remaining, reviewReducer } from '../../lib/review-queue';
import { Markdown } from '../markdown';
import { EmptyState } from '../states';
import { PracticeLinks } from '../study/practice-links';
import { RatingButtons } from '../study/rating-buttons';
import { Kbd } from '../ui/kbd';
import { Menu, MenuItem } from '../ui/menu';
import { ProgressBar } from '../ui/progress';
import { useToast } from '../ui/toast';

const FETCH_SIZE = 10;

/** A card that just became a leech (and was suspended), with the problems that practise it. */
type TLeechNotice = { itemId: string; front: string; practice: TPracticeLink[] };

/**
 * One item at a time, keyboard first: Space shows the answer, 1–4 rate (each button shows the interval it would
 * give and its key), Z undoes the last rating. Problems open on their own page and come back here when done.
 */
export function ReviewSession() {
  const [state, dispatch] = useReducer(reviewReducer, INITIAL_REVIEW_STATE);
  const [pending, setPending] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [leech, setLeech] = useState<TLeechNotice | null>(null);
  const notify = useToast();
  const router = useRouter();
  const fetching = useRef(false);

  const refill = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    const result = await api.get(`/api/review/next?limit=${FETCH_SIZE}`, ZReviewNextResponse);
    fetching.current = false;
    if (!result.ok) {
      setLoadError(result.message);
      return;
    }
    setLoadError(null);
    dispatch({ type: 'loaded', response: result.data, now: Date.now() });
  }, []);

  useEffect(() => {
    void refill();
  }, [refill]);

  // Keep a few items ahead; when the last one was rated, fetch before showing anything.
  useEffect(() => {
    if (
      state.status === 'loading' ||
      (state.status === 'ready' && state.upcoming.length < REFILL_BELOW && remaining(state) > state.upcoming.length + 1)
    ) {
      void refill();
    }
  }, [state, refill]);

  const shown = state.shown;
  const isCard = shown?.item.content.kind === 'card';

  async function rate(rating: TRating) {
    // Only cards are rated here; a problem (or a lab) is rated by its first accepted submit on its page.
    if (!shown || pending || !isCard || !shown.revealed) return;
    setPending(true);
    const body = { rating, durationMs: Math.min(Date.now() - shown.shownAt, 3_600_000), clientReviewId: shown.clientReviewId };
    const result = await withRetry(() => api.post(`/api/review/${shown.item.id}`, ZReviewResponse, body));
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: 'Your rating was not saved', description: `${result.message} Press the key again to retry.` });
      return;
    }
    if (result.data.leech && shown.item.content.kind === 'card') {
      setLeech({ itemId: shown.item.id, front: shown.item.content.front, practice: result.data.leechPractice });
    }
    dispatch({ type: 'rated', itemId: shown.item.id, now: Date.now() });
    void refreshDueNow();
  }

  async function undo() {
    if (pending || state.undoable === 0) return;
    setPending(true);
    const result = await withRetry(() => api.post('/api/review/undo', ZUndoResponse, {}));
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: 'Nothing was undone', description: result.message });
      return;
    }
    dispatch({ type: 'undone', item: result.data.item, now: Date.now() });
    if (leech?.itemId === result.data.undone.itemId) setLeech(null);
    notify({ title: 'Rating undone', description: 'The item is back as it was before.' });
    void refreshDueNow();
  }

  async function act(action: 'suspend' | 'bury', item: TQueueItem) {
    if (pending) return;
    setPending(true);
    const result = await api.post(`/api/items/${item.id}/${action}`, ZItemActionResponse, {});
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: `Could not ${action} this item`, description: result.message });
      return;
    }
    dispatch({ type: 'removed', itemId: item.id, now: Date.now() });
    void refreshDueNow();
    notify({
      title: action === 'suspend' ? 'Suspended' : 'Buried until tomorrow',
      description:
        action === 'suspend'
          ? 'It stays out of your reviews until you unsuspend it from its deck.'
          : 'It comes back after the day rolls over.',
    });
  }

  const reveal = () => {
    if (shown && isCard && !shown.revealed) dispatch({ type: 'revealed' });
  };

  useShortcuts(
    {
      // As in Anki: Space shows the answer, and once it is shown Space (or Enter) answers Good.
      Space: isCard && shown?.revealed ? () => void rate('good') : reveal,
      Enter: isCard
        ? shown?.revealed
          ? () => void rate('good')
          : reveal
        : shown?.item.content.kind === 'problem'
          ? () => router.push(`/problems/${shown.item.id.slice('problem:'.length)}?from=review`)
          : shown?.item.content.kind === 'lab'
            ? () => router.push(`/labs/${shown.item.id.slice('lab:'.length)}?from=review`)
            : undefined,
      '1': () => void rate('again'),
      '2': () => void rate('hard'),
      '3': () => void rate('good'),
      '4': () => void rate('easy'),
      z: () => void undo(),
    },
    state.status === 'ready' || state.undoable > 0,
  );

  const total = state.done + remaining(state);

  return (
    <div className="review">
      <div className="review__bar">
        <div className="review__counts" aria-label="Left today">
          <span className="count count--new" title="New">
            {state.counts.new}
            <span className="sr-only"> new</span>
          </span>
          <span className="count count--learning" title="Learning">
            {state.counts.learning}
            <span className="sr-only"> learning</span>
          </span>
          <span className="count count--review" title="To review">
            {state.counts.review}
            <span className="sr-only"> to review</span>
          </span>
        </div>
        <div className="review__progress">
          <ProgressBar value={state.done} max={total} label={`${state.done} of ${total} reviewed`} />
          <span className="small muted" data-testid="review-progress">
            {state.done} / {total}
          </span>
        </div>
        <div className="row">
          <button
            type="button"
            className="button button--ghost button--sm"
            onClick={() => void undo()}
            disabled={pending || state.undoable === 0}
            aria-keyshortcuts="Z"
          >
            <Undo2 size={15} aria-hidden="true" /> Undo <Kbd shortcut="z" />
          </button>
          {shown ? (
            <Menu
              trigger={
                <button type="button" className="button button--ghost button--sm button--icon" aria-label="More actions for this item">
                  <MoreHorizontal size={18} aria-hidden="true" />
                </button>
              }
            >
              <MenuItem onSelect={() => void act('bury', shown.item)}>
                <EyeOff size={16} aria-hidden="true" /> Bury until tomorrow
              </MenuItem>
              <MenuItem onSelect={() => void act('suspend', shown.item)}>
                <PauseCircle size={16} aria-hidden="true" /> Suspend
              </MenuItem>
            </Menu>
          ) : null}
        </div>
      </div>

      {leech ? <LeechNoticeBanner notice={leech} onDismiss={() => setLeech(null)} /> : null}

      {loadError && state.status !== 'ready' ? (
        <div className="banner banner--danger" role="alert">
          <p>{loadError}</p>
          <button type="button" className="button button--sm" onClick={() => void refill()}>
            Try again
          </button>
        </div>
      ) : null}

      {state.status === 'loading' && !loadError ? (
        <div className="review__card card" aria-busy="true">
          <div className="skeleton" style={{ height: '1.4rem', width: '70%' }} />
          <div className="skeleton" style={{ height: '1rem', width: '45%', marginTop: '0.8rem' }} />
        </div>
      ) : null}

      {state.status === 'empty' ? <DoneForNow done={state.done} nextDueAt={state.nextDueAt} /> : null}

      {state.status === 'ready' && shown ? (
        <>
          <article className="review__card card" aria-live="polite" data-testid="review-card" data-item-id={shown.item.id}>
            <div className="review__meta">
              <span
                className={`badge ${shown.item.queue === 'new' ? 'badge--info' : shown.item.queue === 'learning' ? 'badge--warning' : 'badge--success'}`}
              >
                {shown.item.queue === 'review' ? 'Review' : capitalise(shown.item.queue)}
              </span>
              {shown.item.content.kind === 'card' ? (
                <span className="muted small">{shown.item.content.deck.replace(/-/g, ' ')}</span>
              ) : null}
            </div>
            {shown.item.content.kind === 'card' ? (
              <>
                <div className="review__front" data-testid="card-front">
                  <Markdown>{shown.item.content.front}</Markdown>
                </div>
                {shown.revealed ? (
                  <>
                    <hr className="review__divider" />
                    <div className="review__back" data-testid="card-back">
                      <Markdown>{shown.item.content.back}</Markdown>
                    </div>
                    <PracticeLinks links={shown.item.content.practice} />
                  </>
                ) : null}
              </>
            ) : shown.item.content.kind === 'problem' ? (
              <ProblemItem slug={shown.item.content.slug} title={shown.item.content.title} difficulty={shown.item.content.difficulty} />
            ) : (
              <LabItem
                slug={shown.item.content.slug}
                title={shown.item.content.title}
                difficulty={shown.item.content.difficulty}
                device={shown.item.content.device}
              />
            )}
          </article>

          <div className="review__actions">
            {isCard && !shown.revealed ? (
              <button type="button" className="button button--primary button--lg review__reveal" onClick={reveal} aria-keyshortcuts="Space">
                Show answer <Kbd shortcut="Space" />
              </button>
            ) : isCard ? (
              <RatingButtons
                onRate={(rating) => void rate(rating)}
                disabled={pending}
                intervals={{
                  again: shown.item.previews.again.label,
                  hard: shown.item.previews.hard.label,
                  good: shown.item.previews.good.label,
                  easy: shown.item.previews.easy.label,
                }}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

function LeechNoticeBanner({ notice, onDismiss }: { notice: TLeechNotice; onDismiss: () => void }) {
  return (
    <div className="banner banner--warning leech-notice" role="status" data-testid="leech-notice">
      <TriangleAlert size={18} aria-hidden="true" />
      <div className="leech-notice__body">
        <p>
          <strong>Leech suspended.</strong> You have forgotten this card many times, so it is out of your reviews until you unsuspend it
          from its deck. Rewrite it in your own words, or put it to use first.
        </p>
        <div className="leech-notice__front">
          <Markdown>{notice.front}</Markdown>
        </div>
        <PracticeLinks links={notice.practice} title="Practise it with" />
      </div>
      <button
        type="button"
        className="button button--ghost button--sm button--icon"
        aria-label="Dismiss the leech notice"
        onClick={onDismiss}
      >
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}

function ProblemItem({ slug, title, difficulty }: { slug: string; title: string; difficulty: string }) {
  return (
    <div className="review__problem">
      <span className="feature__icon" aria-hidden="true">
        <Code2 size={20} />
      </span>
      <div>
        <p className="muted small" style={{ margin: 0 }}>
          Problem due for review
        </p>
        <h2 style={{ margin: '0.15rem 0 0.4rem' }}>{title}</h2>
        <span className={`badge badge--${difficulty}`}>{capitalise(difficulty)}</span>
        <p className="muted small" style={{ margin: '0.8rem 0 1rem' }}>
          Solve it from memory: the editor starts from the starter code. Your submit rates it; you come back here when it is done.
        </p>
        <Link href={`/problems/${slug}?from=review`} className="button button--primary">
          Solve now <Kbd shortcut="Enter" />
        </Link>
      </div>
    </div>
  );
}

function LabItem({ slug, title, difficulty, device }: { slug: string; title: string; difficulty: string; device: TLabDevice }) {
  return (
    <div className="review__problem" data-testid="review-lab">
      <span className="feature__icon" aria-hidden="true">
        <FlaskConical size={20} />
      </span>
      <div>
        <p className="muted small" style={{ margin: 0 }}>
          Lab due for review
        </p>
        <h2 style={{ margin: '0.15rem 0 0.4rem' }}>{title}</h2>
        <div className="row">
          <span className={`badge badge--${difficulty}`}>{capitalise(difficulty)}</span>
          <span className="badge">Runs on {LAB_DEVICE_LABEL[device]}</span>
        </div>
        <p className="muted small" style={{ margin: '0.8rem 0 1rem' }}>
          Solve it again from memory in Python. Your first accepted submission rates it; you come back here when it is graded.
        </p>
        <Link href={`/labs/${slug}?from=review`} className="button button--primary">
          Open the lab <Kbd shortcut="Enter" />
        </Link>
      </div>
    </div>
  );
}

function DoneForNow({ done, nextDueAt }: { done: number; nextDueAt: string | null }) {
  const now = new Date();
  return (
    <div className="card" data-testid="review-empty">
      <EmptyState
        icon={<CalendarCheck size={22} />}
        title={done > 0 ? `Well done: ${plural(done, 'review')} this session` : 'Nothing is due right now'}
        action={
          <div className="row" style={{ justifyContent: 'center' }}>
            <Link href="/" className="button button--primary">
              Back to Today
            </Link>
            <Link href="/decks" className="button">
              Add a deck
            </Link>
          </div>
        }
      >
        {nextDueAt ? (
          <span data-testid="next-due">
            The next item is due <strong>{relativeDue(nextDueAt, now)}</strong> ({dateTime(nextDueAt)}).
          </span>
        ) : (
          'Nothing else is scheduled. Enroll in a deck to get new items.'
        )}
      </EmptyState>
    </div>
  );
}
