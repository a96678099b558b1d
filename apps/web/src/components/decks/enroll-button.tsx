'use client';

import { ZEnrollResponse } from '@prep/contracts';
import { Check, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { api } from '../../lib/api/browser';
import { ConfirmDialog } from '../ui/dialog';
import { useToast } from '../ui/toast';

/** Enroll in a deck (its new items join my queue) or leave it (new items stop, reviews pause, history stays). */
export function EnrollButton({ slug, title, enrolled }: { slug: string; title: string; enrolled: boolean }) {
  const router = useRouter();
  const notify = useToast();
  const [pending, setPending] = useState(false);
  const [, startTransition] = useTransition();

  async function change(enroll: boolean) {
    setPending(true);
    const path = `/api/decks/${slug}/enroll` as const;
    const result = enroll ? await api.post(path, ZEnrollResponse) : await api.delete(path, ZEnrollResponse);
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: enroll ? 'Could not enroll' : 'Could not leave the deck', description: result.message });
      return;
    }
    notify({
      tone: 'success',
      title: enroll ? `Enrolled in ${title}` : `Left ${title}`,
      description: enroll ? 'Its items are in your review queue from today.' : 'Your history is kept; enroll again to resume.',
    });
    startTransition(() => router.refresh());
  }

  if (!enrolled) {
    return (
      <button
        type="button"
        className="button button--primary"
        onClick={() => void change(true)}
        disabled={pending}
        aria-label={`Enroll in ${title}`}
      >
        <Plus size={16} aria-hidden="true" /> {pending ? 'Enrolling…' : 'Enroll'}
      </button>
    );
  }
  return (
    <ConfirmDialog
      title={`Leave ${title}?`}
      description="New items stop and the deck's reviews pause. Your history and progress are kept, and enrolling again picks up where you left off."
      confirmLabel="Leave deck"
      onConfirm={() => void change(false)}
      trigger={
        <button type="button" className="button" disabled={pending} aria-label={`Enrolled in ${title}. Leave the deck`}>
          <Check size={16} aria-hidden="true" /> {pending ? 'Leaving…' : 'Enrolled'}
        </button>
      }
    />
  );
}
