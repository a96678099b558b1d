'use client';

import { ZAdminDeckDetail, ZUpdateDeckRequest, type TAdminDeckDetail, type TAdminDeckItem, type TAdminDeckItemRef } from '@prep/contracts';
import { Archive, ArrowDown, ArrowUp, Code2, Download, FileText, Lock, Plus, Send, Trash2, Undo2, X } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { api, apiRequest } from '../../lib/api/browser';
import { parseTags } from '../../lib/admin/text';
import { plural } from '../../lib/format';
import { ConfirmDialog } from '../ui/dialog';
import { Field, FormAlert } from '../ui/field';
import { AdminPageHead } from './admin-page-head';
import { CardImport } from './card-import';
import { DeckDescriptionTagsFields } from './deck-fields';
import { ForkDeckButton } from './deck-fork';
import { SourceBadge, StatusBadge } from './status-badge';
import { useAdminCall } from './use-admin-call';

type TProblemChoice = { slug: string; title: string; status: string };

/** One deck: its details, its items in order, its cards, card import, publishing and export. */
export function DeckEditor({ detail, problems }: { detail: TAdminDeckDetail; problems: TProblemChoice[] }) {
  const { deck } = detail;
  const readOnly = !deck.editable;
  return (
    <div className="stack stack--lg">
      <AdminPageHead
        title={deck.title}
        lead={
          <span className="row">
            <SourceBadge source={deck.source} />
            <StatusBadge status={deck.status} />
            <code className="small">{deck.slug}</code>
            <span className="small">
              · {plural(deck.cards, 'card')} · {plural(deck.problems, 'problem')} · {plural(deck.enrolled, 'learner')}
            </span>
          </span>
        }
        actions={<DeckActions detail={detail} />}
      />
      {readOnly ? (
        <p className="banner banner--info" role="note">
          <Lock size={16} aria-hidden="true" /> Built-in decks come from packages/problems and are read-only here. Fork it to make an
          editable copy, or change its files in the repository.
        </p>
      ) : null}
      <div className="admin-columns">
        <div className="stack stack--lg">
          {readOnly ? null : <DeckDetailsForm detail={detail} />}
          <DeckItems detail={detail} problems={problems} readOnly={readOnly} />
        </div>
        <div className="stack stack--lg">
          {readOnly ? null : <CardImport deckSlug={deck.slug} topics={detail.topics} />}
          <section className="card stack" aria-labelledby="exports-title">
            <h2 id="exports-title" className="card__title">
              Export
            </h2>
            <p className="muted small">
              The zip has the packages/problems file layout: it passes <code>content:lint</code> and imports back here. The Anki package
              holds the deck&apos;s concept cards, math included.
            </p>
            <div className="row">
              <a className="button button--sm" href={`/api/admin/decks/${deck.slug}/export.zip`} download>
                <Download size={14} aria-hidden="true" /> Deck .zip
              </a>
              <a className="button button--sm" href={`/api/admin/decks/${deck.slug}/export.apkg`} download>
                <Download size={14} aria-hidden="true" /> Anki .apkg
              </a>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}

function DeckActions({ detail }: { detail: TAdminDeckDetail }) {
  const { deck } = detail;
  const { pending, call, router } = useAdminCall();
  if (!deck.editable) return <ForkDeckButton slug={deck.slug} title={deck.title} />;
  const change = (verb: 'publish' | 'unpublish' | 'archive', success: string) =>
    void call(() => api.post(`/api/admin/decks/${deck.slug}/${verb}`, ZAdminDeckDetail), {
      success,
      failure: `Could not ${verb} the deck`,
    });
  const drafts = detail.items.filter((item) => item.kind === 'card' && item.status === 'draft').length;
  return (
    <>
      {deck.status !== 'published' ? (
        <ConfirmDialog
          title={`Publish “${deck.title}”?`}
          description={
            drafts > 0
              ? `Learners will see it and can enroll. Its ${plural(drafts, 'draft card')} ${drafts === 1 ? 'is' : 'are'} published with it.`
              : 'Learners will see it and can enroll.'
          }
          confirmLabel="Publish"
          onConfirm={() => change('publish', 'Deck published: learners can enroll now')}
          trigger={
            <button type="button" className="button button--primary" disabled={pending}>
              <Send size={16} aria-hidden="true" /> Publish
            </button>
          }
        />
      ) : (
        <button type="button" className="button" disabled={pending} onClick={() => change('unpublish', 'Deck is a draft again')}>
          <Undo2 size={16} aria-hidden="true" /> Unpublish
        </button>
      )}
      {deck.status === 'published' ? (
        <ConfirmDialog
          title={`Archive “${deck.title}”?`}
          description="Learners no longer see it. Their progress is kept, and publishing it again brings it back."
          confirmLabel="Archive"
          onConfirm={() => change('archive', 'Deck archived')}
          trigger={
            <button type="button" className="button" disabled={pending}>
              <Archive size={16} aria-hidden="true" /> Archive
            </button>
          }
        />
      ) : null}
      {deck.publishedAt === null ? (
        <ConfirmDialog
          danger
          title={`Delete “${deck.title}”?`}
          description="It was never published, so no learner has it. Its cards are deleted with it."
          confirmLabel="Delete deck"
          onConfirm={() =>
            void call(
              () => apiRequest('DELETE', `/api/admin/decks/${deck.slug}`, null),
              { success: 'Deck deleted', failure: 'Could not delete the deck' },
              { refresh: false },
            ).then((result) => {
              if (result.ok) router.push('/admin/decks');
            })
          }
          trigger={
            <button type="button" className="button button--ghost button--danger-text" disabled={pending}>
              <Trash2 size={16} aria-hidden="true" /> Delete
            </button>
          }
        />
      ) : null}
    </>
  );
}

function DeckDetailsForm({ detail }: { detail: TAdminDeckDetail }) {
  const { deck } = detail;
  const [title, setTitle] = useState(deck.title);
  const [description, setDescription] = useState(deck.description);
  const [tags, setTags] = useState(deck.tags.join(', '));
  // A newer deck from the server (after any change on this page) replaces what the form holds.
  const [seen, setSeen] = useState(deck.updatedAt);
  if (seen !== deck.updatedAt) {
    setSeen(deck.updatedAt);
    setTitle(deck.title);
    setDescription(deck.description);
    setTags(deck.tags.join(', '));
  }
  const { errors, pending, submit } = useFormSubmit();
  const { call } = useAdminCall();
  const dirty = title !== deck.title || description !== deck.description || tags !== deck.tags.join(', ');

  async function save(event: React.FormEvent) {
    event.preventDefault();
    await submit(ZUpdateDeckRequest, { title, description, tags: parseTags(tags) }, (body) =>
      call(() => apiRequest('PATCH', `/api/admin/decks/${deck.slug}`, ZAdminDeckDetail, body), {
        success: 'Deck details saved',
        failure: 'Could not save the deck',
      }),
    );
  }

  return (
    <section className="card stack" aria-labelledby="details-title">
      <h2 id="details-title" className="card__title">
        Details
      </h2>
      <form className="stack" onSubmit={(event) => void save(event)} noValidate>
        <FormAlert message={errors.form} />
        <Field id="deck-edit-title" label="Title" error={errors.fields.title}>
          <input id="deck-edit-title" className="field__input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <DeckDescriptionTagsFields
          idPrefix="deck-edit"
          description={description}
          tags={tags}
          errors={errors}
          onDescriptionChange={setDescription}
          onTagsChange={setTags}
        />
        <div className="row">
          <button type="submit" className="button button--primary" disabled={pending || !dirty}>
            Save details
          </button>
        </div>
      </form>
    </section>
  );
}

const toRef = (item: TAdminDeckItem): TAdminDeckItemRef => ({ kind: item.kind, ref: item.ref });

function DeckItems({ detail, problems, readOnly }: { detail: TAdminDeckDetail; problems: TProblemChoice[]; readOnly: boolean }) {
  const { deck } = detail;
  const [items, setItems] = useState<TAdminDeckItem[]>(detail.items);
  // The order is local until saved; a newer order from the server (a save, an import, a publish) replaces it.
  const serverItems = JSON.stringify(detail.items);
  const [seen, setSeen] = useState(serverItems);
  if (seen !== serverItems) {
    setSeen(serverItems);
    setItems(detail.items);
  }
  const [adding, setAdding] = useState('');
  const { pending, call } = useAdminCall();
  const dirty = JSON.stringify(items.map(toRef)) !== JSON.stringify(detail.items.map(toRef));
  const inDeck = new Set(items.filter((i) => i.kind === 'problem').map((i) => i.ref));
  const addable = problems.filter((p) => !inDeck.has(p.slug));

  const move = (index: number, by: -1 | 1) =>
    setItems((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  function addProblem() {
    const problem = problems.find((p) => p.slug === adding);
    if (!problem) return;
    setItems((current) => [
      ...current,
      { kind: 'problem', ref: problem.slug, title: problem.title, status: problem.status as TAdminDeckItem['status'], live: false },
    ]);
    setAdding('');
  }

  const save = () =>
    void call(() => apiRequest('PATCH', `/api/admin/decks/${deck.slug}`, ZAdminDeckDetail, { items: items.map(toRef) }), {
      success: 'Order saved',
      failure: 'Could not save the items',
    });

  return (
    <section className="card card--flush" aria-labelledby="items-title">
      <div className="card-head">
        <h2 id="items-title" className="card__title">
          Items <span className="muted small">in the order learners meet them</span>
        </h2>
        {readOnly ? null : (
          <Link href={`/admin/decks/${deck.slug}/cards/new`} className="button button--sm">
            <Plus size={14} aria-hidden="true" /> New card
          </Link>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted card-body">No items yet: add a card, import cards, or add a problem below.</p>
      ) : (
        <ol className="deck-items" data-testid="deck-items">
          {items.map((item, index) => (
            <li key={`${item.kind}:${item.ref}`} className="deck-item">
              <span className="deck-item__index">{index + 1}</span>
              <span className="deck-item__kind" title={item.kind === 'card' ? 'Concept card' : 'Problem'}>
                {item.kind === 'card' ? <FileText size={15} aria-label="Card" /> : <Code2 size={15} aria-label="Problem" />}
              </span>
              <span className="deck-item__title">
                <Link href={item.kind === 'card' ? `/admin/cards/${item.ref}` : `/admin/problems/${item.ref}`}>{item.title}</Link>
                <code className="muted small">{item.ref}</code>
              </span>
              <span className="row deck-item__meta">
                <StatusBadge status={item.status} />
                {item.live ? <span className="badge badge--success">Live</span> : null}
              </span>
              {readOnly ? null : (
                <span className="row deck-item__actions">
                  <button
                    type="button"
                    className="button button--ghost button--sm button--icon"
                    aria-label={`Move ${item.title} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUp size={14} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--sm button--icon"
                    aria-label={`Move ${item.title} down`}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDown size={14} aria-hidden="true" />
                  </button>
                  {item.kind === 'problem' ? (
                    <button
                      type="button"
                      className="button button--ghost button--sm button--icon"
                      aria-label={`Remove ${item.title} from the deck`}
                      onClick={() => setItems((current) => current.filter((_, i) => i !== index))}
                    >
                      <X size={14} aria-hidden="true" />
                    </button>
                  ) : (
                    <span className="button--icon" aria-hidden="true" />
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {readOnly ? null : (
        <div className="card-foot">
          <div className="row">
            <label className="sr-only" htmlFor="deck-add-problem">
              Problem to add
            </label>
            <select id="deck-add-problem" className="select select--sm" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Add a problem…</option>
              {addable.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.title} ({p.status})
                </option>
              ))}
            </select>
            <button type="button" className="button button--sm" disabled={!adding} onClick={addProblem}>
              Add
            </button>
          </div>
          <div className="row">
            {dirty ? (
              <button type="button" className="button button--ghost button--sm" onClick={() => setItems(detail.items)}>
                Undo changes
              </button>
            ) : null}
            <button type="button" className="button button--primary button--sm" disabled={!dirty || pending} onClick={save}>
              Save items
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
