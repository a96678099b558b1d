'use client';

import { ZAdminDeckDetail, ZForkDeckRequest } from '@prep/contracts';
import { api } from '../../lib/api/browser';
import { ForkButton } from './fork-button';

/** Fork a deck: an editable draft copy (cards copied under new ids, problems linked); the original stays as it is. */
export function ForkDeckButton({ slug, title, small = false }: { slug: string; title: string; small?: boolean }) {
  return (
    <ForkButton
      slug={slug}
      title={title}
      small={small}
      idPrefix={`fork-deck-${slug}`}
      initialTitle={`${title} (copy)`}
      description="An editable draft copy: its cards are copied under new ids and its problems linked. Learners' progress stays with the original."
      schema={ZForkDeckRequest}
      send={(body) => api.post(`/api/admin/decks/${slug}/fork`, ZAdminDeckDetail, body)}
      pathOf={(data) => `/admin/decks/${data.deck.slug}`}
    />
  );
}
