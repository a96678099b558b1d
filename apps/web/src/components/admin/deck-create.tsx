'use client';

import { MAX_DECK_ZIP_BYTES, ZAdminDeckDetail, ZCreateDeckRequest, ZImportDeckResponse } from '@prep/contracts';
import { FileUp, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { api } from '../../lib/api/browser';
import { bytesToBase64, parseTags, slugify } from '../../lib/admin/text';
import { Dialog } from '../ui/dialog';
import { Field, FormAlert } from '../ui/field';
import { useToast } from '../ui/toast';
import { DeckDescriptionTagsFields } from './deck-fields';

/** "New deck": slug (made from the title until edited), title, description and tags; opens the new draft. */
export function NewDeckButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const { errors, pending, submit } = useFormSubmit();
  const shownSlug = slugEdited ? slug : slugify(title);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const done = await submit(ZCreateDeckRequest, { slug: shownSlug, title, description, tags: parseTags(tags) }, (body) =>
      api.post('/api/admin/decks', ZAdminDeckDetail, body),
    );
    if (done) router.push(`/admin/decks/${done.data.deck.slug}`);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New deck"
      description="It starts as a draft: learners see it once you publish it."
      trigger={
        <button type="button" className="button button--primary">
          <Plus size={16} aria-hidden="true" /> New deck
        </button>
      }
    >
      <form className="stack" onSubmit={(event) => void create(event)} noValidate>
        <FormAlert message={errors.form} />
        <Field id="deck-title" label="Title" error={errors.fields.title}>
          <input id="deck-title" className="field__input" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </Field>
        <Field id="deck-slug" label="Slug" hint="The deck's address and its key; it cannot change later." error={errors.fields.slug}>
          <input
            id="deck-slug"
            className="field__input"
            value={shownSlug}
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value);
            }}
          />
        </Field>
        <DeckDescriptionTagsFields
          idPrefix="deck"
          description={description}
          tags={tags}
          errors={errors}
          onDescriptionChange={setDescription}
          onTagsChange={setTags}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            Create draft
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Import zip": a deck exported from here (or a folder of packages/problems, zipped) becomes a draft deck. */
export function ImportDeckButton() {
  const router = useRouter();
  const notify = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);

  async function upload(file: File) {
    if (file.size > MAX_DECK_ZIP_BYTES) {
      notify({ tone: 'danger', title: 'That zip is too large', description: `At most ${MAX_DECK_ZIP_BYTES / 1024 / 1024} MB.` });
      return;
    }
    setPending(true);
    const zipBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const result = await api.post('/api/admin/decks/import', ZImportDeckResponse, { zipBase64 });
    setPending(false);
    if (input.current) input.current.value = '';
    if (!result.ok) {
      const issues = Array.isArray(result.details) ? (result.details as { path?: string; message?: string }[]) : [];
      const detail = issues
        .slice(0, 3)
        .map((issue) => `${issue.path ?? ''}: ${issue.message ?? ''}`)
        .join('; ');
      notify({ tone: 'danger', title: `Could not import ${file.name}`, description: detail || result.message });
      return;
    }
    const skipped = result.data.skippedProblems;
    notify({
      tone: skipped.length ? 'info' : 'success',
      title: `Imported “${result.data.deck.deck.title}” as a draft`,
      description: skipped.length ? `Not imported: ${skipped.map((s) => `${s.slug} (${s.reason})`).join(', ')}` : undefined,
    });
    router.push(`/admin/decks/${result.data.deck.deck.slug}`);
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        className="sr-only"
        aria-label="Deck zip to import"
        data-testid="deck-zip-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <button type="button" className="button" disabled={pending} onClick={() => input.current?.click()}>
        <FileUp size={16} aria-hidden="true" /> {pending ? 'Importing…' : 'Import zip'}
      </button>
    </>
  );
}
