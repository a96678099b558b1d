'use client';

import {
  ZAdminCardDetail,
  ZCreateCardRequest,
  ZDeleteCardResponse,
  ZUpdateCardRequest,
  type TAdminCardDetail,
  type TAdminDeckTopic,
} from '@prep/contracts';
import { ArrowLeft, History, RotateCcw, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { api, apiRequest } from '../../lib/api/browser';
import { parseTags } from '../../lib/admin/text';
import { Markdown } from '../markdown';
import { ConfirmDialog } from '../ui/dialog';
import { Field, FormAlert } from '../ui/field';
import { AdminPageHead } from './admin-page-head';
import { JsonDiffView } from './json-diff-view';
import { LocalTime } from './local-time';
import { SourceBadge, StatusBadge } from './status-badge';
import { useAdminCall } from './use-admin-call';

/**
 * A concept card: front (one line) and back in Markdown, previewed live exactly as the review page shows it (the same
 * renderer, KaTeX and highlighting), with tags, topic and, for an existing card, its versions.
 */
export function CardEditor({
  deck,
  topics,
  detail,
}: {
  deck: { slug: string; title: string };
  topics: TAdminDeckTopic[];
  detail?: TAdminCardDetail;
}) {
  const card = detail?.card;
  const readOnly = card ? !card.editable : false;
  const [front, setFront] = useState(card?.front ?? '');
  const [back, setBack] = useState(card?.back ?? '');
  const [tags, setTags] = useState(card?.tags.join(', ') ?? '');
  const [topic, setTopic] = useState(card?.topic ?? topics[0]?.slug ?? 'cards');
  const [revealed, setRevealed] = useState(true);
  const { errors, pending, submit } = useFormSubmit();
  const { call, router } = useAdminCall();
  const dirty = !card || front !== card.front || back !== card.back || tags !== card.tags.join(', ') || topic !== card.topic;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!card) {
      const done = await submit(ZCreateCardRequest, { front, back, tags: parseTags(tags), topic }, (body) =>
        call(
          () => api.post(`/api/admin/decks/${deck.slug}/cards`, ZAdminCardDetail, body),
          { success: 'Card added', failure: 'Could not add the card' },
          { refresh: false },
        ),
      );
      if (done) router.push(`/admin/decks/${deck.slug}`);
      return;
    }
    await submit(ZUpdateCardRequest, { front, back, tags: parseTags(tags), topic }, (body) =>
      call(() => apiRequest('PATCH', `/api/admin/cards/${card.id}`, ZAdminCardDetail, body), {
        success: card.status === 'published' ? 'Saved: learners see the new version now' : 'Card saved',
        failure: 'Could not save the card',
      }),
    );
  }

  return (
    <div className="stack stack--lg">
      <Link href={`/admin/decks/${deck.slug}`} className="back-link">
        <ArrowLeft size={15} aria-hidden="true" /> {deck.title}
      </Link>
      <AdminPageHead
        title={card ? 'Edit card' : 'New card'}
        lead={
          card ? (
            <span className="row">
              <SourceBadge source={card.source} />
              <StatusBadge status={card.status} />
              <code className="small">{card.id}</code>
              <span className="small">· version {card.version}</span>
            </span>
          ) : (
            'A draft until the deck is next published.'
          )
        }
        actions={card && card.editable ? <DeleteCard id={card.id} deck={deck.slug} published={card.status !== 'draft'} /> : null}
      />
      <div className="editor-split">
        <form className="card stack" onSubmit={(event) => void save(event)} noValidate aria-label="Card">
          <FormAlert message={errors.form} />
          <Field
            id="card-front"
            label="Front"
            hint="One line: the question or prompt (Markdown and $math$ work)."
            error={errors.fields.front}
          >
            <input id="card-front" className="field__input" value={front} readOnly={readOnly} onChange={(e) => setFront(e.target.value)} />
          </Field>
          <Field
            id="card-back"
            label="Back"
            hint="Markdown: **bold**, lists, `code`, ```ts fences, $inline$ and $$display$$ math."
            error={errors.fields.back}
          >
            <textarea
              id="card-back"
              className="field__input markdown-input"
              rows={14}
              value={back}
              readOnly={readOnly}
              onChange={(e) => setBack(e.target.value)}
            />
          </Field>
          <div className="field-pair">
            <Field id="card-tags" label="Tags" hint="Separated by commas or spaces." error={errors.fields.tags}>
              <input id="card-tags" className="field__input" value={tags} readOnly={readOnly} onChange={(e) => setTags(e.target.value)} />
            </Field>
            <Field id="card-topic" label="Topic" hint="Cards of one topic share a file on export." error={errors.fields.topic}>
              {topics.length > 0 ? (
                <select id="card-topic" className="select" value={topic} disabled={readOnly} onChange={(e) => setTopic(e.target.value)}>
                  {topics.some((t) => t.slug === topic) ? null : <option value={topic}>{topic}</option>}
                  {topics.map((t) => (
                    <option key={t.slug} value={t.slug}>
                      {t.title}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id="card-topic"
                  className="field__input"
                  value={topic}
                  readOnly={readOnly}
                  onChange={(e) => setTopic(e.target.value)}
                />
              )}
            </Field>
          </div>
          {readOnly ? null : (
            <div className="row">
              <button type="submit" className="button button--primary" disabled={pending || !dirty}>
                {card ? 'Save card' : 'Add card'}
              </button>
              <Link href={`/admin/decks/${deck.slug}`} className="button button--ghost">
                Cancel
              </Link>
            </div>
          )}
        </form>
        <section className="stack" aria-label="Preview">
          <div className="row row--between">
            <h2 className="preview-title">Preview</h2>
            <button type="button" className="button button--ghost button--sm" onClick={() => setRevealed((v) => !v)}>
              {revealed ? 'Hide answer' : 'Show answer'}
            </button>
          </div>
          {/* The review page's own card markup and renderer, so what the admin sees is what learners get. */}
          <article className="review__card card" data-testid="card-preview">
            <div className="review__meta">
              <span className="badge badge--info">New</span>
              <span className="muted small">{deck.title}</span>
            </div>
            <div className="review__front">
              {front.trim() ? <Markdown>{front}</Markdown> : <p className="muted">The front appears here.</p>}
            </div>
            {revealed ? (
              <>
                <hr className="review__divider" />
                <div className="review__back">
                  {back.trim() ? <Markdown>{back}</Markdown> : <p className="muted">The back appears here.</p>}
                </div>
              </>
            ) : null}
          </article>
        </section>
      </div>
      {detail && detail.versions.length > 0 ? <CardVersions detail={detail} /> : null}
    </div>
  );
}

function DeleteCard({ id, deck, published }: { id: string; deck: string; published: boolean }) {
  const { pending, call, router } = useAdminCall();
  return (
    <ConfirmDialog
      danger
      title={published ? 'Archive this card?' : 'Delete this card?'}
      description={
        published
          ? 'Learners have seen it, so it is archived: it leaves their queue and the deck, and their history of it is kept.'
          : 'It was never published, so it is deleted for good.'
      }
      confirmLabel={published ? 'Archive card' : 'Delete card'}
      onConfirm={() =>
        void call(
          () => apiRequest('DELETE', `/api/admin/cards/${id}`, ZDeleteCardResponse),
          {
            success: (data) => (data.outcome === 'archived' ? 'Card archived' : 'Card deleted'),
            failure: 'Could not remove the card',
          },
          { refresh: false },
        ).then((result) => {
          if (result.ok) router.push(`/admin/decks/${deck}`);
        })
      }
      trigger={
        <button type="button" className="button button--ghost button--danger-text" disabled={pending}>
          <Trash2 size={16} aria-hidden="true" /> {published ? 'Archive' : 'Delete'}
        </button>
      }
    />
  );
}

function CardVersions({ detail }: { detail: TAdminCardDetail }) {
  const { call, pending } = useAdminCall();
  const versions = detail.versions;
  return (
    <section className="card card--flush" aria-labelledby="card-versions-title">
      <div className="card-head">
        <h2 id="card-versions-title" className="card__title">
          <History size={17} aria-hidden="true" /> History
        </h2>
        <span className="muted small">Each save is a version; restoring one makes a new version with its text.</span>
      </div>
      <ol className="version-list">
        {versions.map((version, index) => {
          const previous = versions[index + 1];
          const current = version.number === detail.card.version;
          return (
            <li key={version.number} className="version-row">
              <div className="version-row__head">
                <strong>Version {version.number}</strong>
                {current ? <span className="badge badge--success">Current</span> : null}
                {version.restoredFrom ? <span className="badge">Restored from {version.restoredFrom}</span> : null}
                <span className="muted small">
                  {version.createdBy ?? 'built-in content'} · <LocalTime iso={version.createdAt} />
                </span>
                {current || !detail.card.editable ? null : (
                  <button
                    type="button"
                    className="button button--sm version-row__action"
                    disabled={pending}
                    onClick={() =>
                      void call(() => api.post(`/api/admin/cards/${detail.card.id}/versions/${version.number}/restore`, ZAdminCardDetail), {
                        success: `Version ${version.number} restored as a new version`,
                        failure: 'Could not restore that version',
                      })
                    }
                  >
                    <RotateCcw size={14} aria-hidden="true" /> Restore
                  </button>
                )}
              </div>
              {previous ? (
                <details className="audit-row__details">
                  <summary>Changes from version {previous.number}</summary>
                  <JsonDiffView
                    before={{ front: previous.front, back: previous.back, tags: previous.tags, topic: previous.topic }}
                    after={{ front: version.front, back: version.back, tags: version.tags, topic: version.topic }}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
