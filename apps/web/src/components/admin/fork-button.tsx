'use client';

import { GitFork } from 'lucide-react';
import { useState } from 'react';
import type { z } from 'zod';
import { useFormSubmit } from '../../hooks/use-form-submit';
import type { TApiResult } from '../../lib/api/result';
import { Dialog } from '../ui/dialog';
import { Field, FormAlert } from '../ui/field';
import { useAdminCall } from './use-admin-call';

type TForkBody = { slug: string; title?: string | undefined };

/**
 * Fork something read-only (a deck, a problem) into an editable draft under a new slug: a button opening a dialog
 * that asks for the slug and title, sends the fork, and opens the copy (`pathOf` its answer).
 */
export function ForkButton<T>({
  slug,
  title,
  small,
  idPrefix,
  initialTitle,
  description,
  schema,
  send,
  pathOf,
}: {
  slug: string;
  title: string;
  small: boolean;
  /** Prefix of the dialog's field ids; unique per row, since a list page holds one dialog per row. */
  idPrefix: string;
  initialTitle: string;
  description: string;
  schema: z.ZodType<TForkBody>;
  send: (body: TForkBody) => Promise<TApiResult<T>>;
  pathOf: (data: T) => string;
}) {
  const [open, setOpen] = useState(false);
  const [newSlug, setNewSlug] = useState(`${slug}-copy`);
  const [newTitle, setNewTitle] = useState(initialTitle);
  const { errors, pending, submit } = useFormSubmit();
  const { call, router } = useAdminCall();

  async function fork(event: React.FormEvent) {
    event.preventDefault();
    const done = await submit(schema, { slug: newSlug, title: newTitle }, (body) =>
      call(() => send(body), { success: `Forked into ${body.slug}`, failure: 'Could not fork' }, { refresh: false }),
    );
    if (done) router.push(pathOf(done.data));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Fork “${title}”`}
      description={description}
      trigger={
        <button type="button" className={`button${small ? ' button--sm' : ''}`}>
          <GitFork size={small ? 14 : 16} aria-hidden="true" /> Fork
        </button>
      }
    >
      <form className="stack" onSubmit={(event) => void fork(event)} noValidate>
        <FormAlert message={errors.form} />
        <Field id={`${idPrefix}-slug`} label="New slug" error={errors.fields.slug}>
          <input id={`${idPrefix}-slug`} className="field__input" value={newSlug} onChange={(e) => setNewSlug(e.target.value)} />
        </Field>
        <Field id={`${idPrefix}-title`} label="Title" error={errors.fields.title}>
          <input id={`${idPrefix}-title`} className="field__input" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
        </Field>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            Fork as a draft
          </button>
        </div>
      </form>
    </Dialog>
  );
}
