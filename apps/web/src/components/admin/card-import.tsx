'use client';

import { ZImportCardsResponse, type TAdminDeckTopic, type TImportCardsResponse, type TSuspectedDuplicate } from '@prep/contracts';
import { AlertTriangle, FileUp, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { api } from '../../lib/api/browser';
import { plural } from '../../lib/format';
import { Field } from '../ui/field';
import { useAdminCall } from './use-admin-call';

const CSV_EXAMPLE = 'front,back,tags\n"What is a heap?","A tree where each parent orders before its children.",heaps';

/**
 * Bulk import of concept cards from CSV or a card file of packages/problems. Nothing is written until the admin has
 * seen the preview: suspected near-duplicates (of cards in the deck, or within the import) are flagged and left out
 * unless ticked.
 */
export function CardImport({ deckSlug, topics }: { deckSlug: string; topics: TAdminDeckTopic[] }) {
  const [format, setFormat] = useState<'csv' | 'markdown'>('csv');
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [preview, setPreview] = useState<TImportCardsResponse | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const file = useRef<HTMLInputElement>(null);
  const { pending, call } = useAdminCall();

  const body = (confirm: boolean) => ({ format, text, ...(topic ? { topic } : {}), confirm, skip: [...skip] });

  async function showPreview() {
    const result = await call(
      () => api.post(`/api/admin/decks/${deckSlug}/cards/import`, ZImportCardsResponse, body(false)),
      { failure: 'Could not read the cards' },
      { refresh: false },
    );
    if (!result.ok) return;
    setPreview(result.data);
    setSkip(new Set(result.data.duplicates.map((d) => d.index)));
  }

  async function apply() {
    const result = await call(() => api.post(`/api/admin/decks/${deckSlug}/cards/import`, ZImportCardsResponse, body(true)), {
      success: (data) => `Imported ${plural(data.created.length, 'card')}${data.skipped.length ? `, skipped ${data.skipped.length}` : ''}`,
      failure: 'Could not import the cards',
    });
    if (!result.ok) return;
    setPreview(null);
    setText('');
    setSkip(new Set());
  }

  async function load(chosen: File) {
    setText(await chosen.text());
    if (/\.md$/i.test(chosen.name)) setFormat('markdown');
    if (/\.csv$/i.test(chosen.name)) setFormat('csv');
    setPreview(null);
  }

  const duplicateOf = new Map<number, TSuspectedDuplicate>(preview?.duplicates.map((d) => [d.index, d]) ?? []);

  return (
    <section className="card stack" aria-labelledby="import-title" data-testid="card-import">
      <h2 id="import-title" className="card__title">
        Import cards
      </h2>
      <div className="row">
        <div className="segmented" role="radiogroup" aria-label="Format">
          {(['csv', 'markdown'] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={format === value}
              className="segmented__item"
              onClick={() => {
                setFormat(value);
                setPreview(null);
              }}
            >
              {value === 'csv' ? 'CSV' : 'Markdown'}
            </button>
          ))}
        </div>
        <input
          ref={file}
          type="file"
          accept=".csv,.md,text/csv,text/markdown,text/plain"
          className="sr-only"
          aria-label="Card file to load"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) void load(chosen);
          }}
        />
        <button type="button" className="button button--sm" onClick={() => file.current?.click()}>
          <FileUp size={14} aria-hidden="true" /> Load a file
        </button>
      </div>
      <Field
        id="import-text"
        label={format === 'csv' ? 'CSV' : 'Card file (Markdown)'}
        hint={
          format === 'csv'
            ? 'A header row, then one card per row: front, back, and optionally tags, topic, id.'
            : 'The packages/problems card format: frontmatter, then one “## front” heading per card with its back below.'
        }
      >
        <textarea
          id="import-text"
          className="field__input"
          rows={6}
          value={text}
          placeholder={format === 'csv' ? CSV_EXAMPLE : '---\ntitle: Heaps\ntags: [heaps]\n---\n\n## What is a heap?\n\nA tree where…'}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(null);
          }}
        />
      </Field>
      {topics.length > 0 ? (
        <Field id="import-topic" label="Topic" hint="For cards that do not name one.">
          <select id="import-topic" className="select" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">Made from the file</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {preview ? (
        <div className="stack import-preview" data-testid="import-preview">
          <p className="small">
            <strong>{plural(preview.cards.length, 'card')}</strong> read
            {preview.duplicates.length > 0 ? (
              <>
                {' '}
                · <span className="warning-text">{plural(preview.duplicates.length, 'possible duplicate')}</span>, left out unless ticked
              </>
            ) : null}
          </p>
          <ul className="import-list">
            {preview.cards.map((card) => {
              const duplicate = duplicateOf.get(card.index);
              return (
                <li key={card.index} className={duplicate ? 'import-list__item import-list__item--duplicate' : 'import-list__item'}>
                  <label className="import-list__label">
                    <input
                      type="checkbox"
                      checked={!skip.has(card.index)}
                      onChange={(e) =>
                        setSkip((current) => {
                          const next = new Set(current);
                          if (e.target.checked) next.delete(card.index);
                          else next.add(card.index);
                          return next;
                        })
                      }
                    />
                    <span>
                      <strong>{card.front}</strong>
                      {duplicate ? (
                        <span className="import-list__warning" role="note">
                          <AlertTriangle size={13} aria-hidden="true" /> {Math.round(duplicate.similarity * 100)}% like{' '}
                          {duplicate.similarTo.kind === 'existing' ? 'the card' : `row ${duplicate.similarTo.index + 1}`} “
                          {duplicate.similarTo.front}”
                        </span>
                      ) : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <div className="row">
        {preview ? (
          <button
            type="button"
            className="button button--primary"
            disabled={pending || preview.cards.length === skip.size}
            onClick={() => void apply()}
          >
            <Upload size={16} aria-hidden="true" /> Import {plural(preview.cards.length - skip.size, 'card')}
          </button>
        ) : (
          <button type="button" className="button" disabled={pending || !text.trim()} onClick={() => void showPreview()}>
            Preview
          </button>
        )}
      </div>
    </section>
  );
}
