import { ZAdminDeckDetail, ZAdminProblemListResponse } from '@prep/contracts';
import type { Metadata } from 'next';
import { DeckEditor } from '../../../../components/admin/deck-editor';
import { LoadFailure } from '../../../../components/states';
import { serverGet } from '../../../../lib/api/server';

export const metadata: Metadata = { title: 'Deck · Admin' };

export default async function AdminDeckPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [detail, problems] = await Promise.all([
    serverGet(`/api/admin/decks/${encodeURIComponent(slug)}`, ZAdminDeckDetail),
    serverGet('/api/admin/problems?limit=200', ZAdminProblemListResponse),
  ]);
  if (!detail.ok) return <LoadFailure failure={detail} signInNext={`/admin/decks/${slug}`} />;
  const choices = problems.ok
    ? problems.data.problems.filter((p) => p.status !== 'archived').map((p) => ({ slug: p.slug, title: p.title, status: p.status }))
    : [];
  // The editor holds the item order as local state: it starts again whenever the server's deck changes.
  const version = [
    detail.data.deck.updatedAt,
    detail.data.deck.status,
    ...detail.data.items.map((i) => `${i.kind}:${i.ref}:${i.status}`),
  ].join('|');
  return <DeckEditor key={version} detail={detail.data} problems={choices} />;
}
