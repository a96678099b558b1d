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
  return <DeckEditor key={detail.data.deck.slug} detail={detail.data} problems={choices} />;
}
