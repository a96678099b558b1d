import { ZAdminDeckDetail } from '@prep/contracts';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CardEditor } from '../../../../../../components/admin/card-editor';
import { LoadFailure } from '../../../../../../components/states';
import { serverGet } from '../../../../../../lib/api/server';

export const metadata: Metadata = { title: 'New card · Admin' };

export default async function NewCardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const detail = await serverGet(`/api/admin/decks/${encodeURIComponent(slug)}`, ZAdminDeckDetail);
  if (!detail.ok) return <LoadFailure failure={detail} signInNext={`/admin/decks/${slug}/cards/new`} />;
  if (!detail.data.deck.editable) notFound();
  return <CardEditor deck={{ slug, title: detail.data.deck.title }} topics={detail.data.topics} />;
}
