'use client';

import { ZAdminProblem, ZForkAdminProblemRequest } from '@prep/contracts';
import { GitFork } from 'lucide-react';
import { useState } from 'react';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { api } from '../../lib/api/browser';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { useAdminCall } from './use-admin-call';

/** Fork: an editable draft copy of a (built-in) problem under a new slug; the original stays as it is. */
export function ForkProblemButton({ slug, title, small = false }: { slug: string; title: string; small?: boolean }) {
  const [open, setOpen] = useState(false);
  const [newSlug, setNewSlug] = useState(`${slug}-copy`);
  const [newTitle, setNewTitle] = useState(title);
  const { errors, pending, submit } = useFormSubmit();
  const { call, router } = useAdminCall();

  async function fork(event: React.FormEvent) {
    event.preventDefault();
    const done = await submit(ZForkAdminProblemRequest, { slug: newSlug, title: newTitle }, (body) =>
      call(
        () => api.post(`/api/admin/problems/${slug}/fork`, ZAdminProblem, body),
        { success: `Forked into ${body.slug}`, failure: 'Could not fork' },
        { refresh: false },
      ),
    );
    if (done) router.push(`/admin/problems/${done.data.problem.slug}`);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Fork “${title}”`}
      description="An editable draft copy with its statement, code and tests. The original is not changed and learners' progress on it stays with it."
      trigger={
        <button type="button" className={`button${small ? ' button--sm' : ''}`}>
          <GitFork size={small ? 14 : 16} aria-hidden="true" /> Fork
        </button>
      }
    >
      <form className="stack" onSubmit={(event) => void fork(event)} noValidate>
        {errors.form ? (
          <p className="form-alert" role="alert">
            {errors.form}
          </p>
        ) : null}
        <Field id={`fork-${slug}-slug`} label="New slug" error={errors.fields.slug}>
          <input id={`fork-${slug}-slug`} className="field__input" value={newSlug} onChange={(e) => setNewSlug(e.target.value)} />
        </Field>
        <Field id={`fork-${slug}-title`} label="Title" error={errors.fields.title}>
          <input id={`fork-${slug}-title`} className="field__input" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
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
