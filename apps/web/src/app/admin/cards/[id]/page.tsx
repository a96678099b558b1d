import { ZAdminCardDetail, ZAdminDeckDetail } from '@prep/contracts';
import type { Metadata } from 'next';
import { CardEditor } from '../../../../components/admin/card-editor';
import { LoadFailure } from '../../../../components/states';
import { serverGet } from '../../../../lib/api/server';

export const metadata: Metadata = { title: 'Card · Admin' };

export default async function CardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const card = await serverGet(`/api/admin/cards/${encodeURIComponent(id)}`, ZAdminCardDetail);
  if (!card.ok) return <LoadFailure failure={card} signInNext={`/admin/cards/${id}`} />;
  const deck = await serverGet(`/api/admin/decks/${encodeURIComponent(card.data.card.deck)}`, ZAdminDeckDetail);
  return (
    <CardEditor
      key={card.data.card.version}
      deck={{ slug: card.data.card.deck, title: deck.ok ? deck.data.deck.title : card.data.card.deck }}
      topics={deck.ok ? deck.data.topics : []}
      detail={card.data}
    />
  );
}
