import { ZDeckListResponse } from '@prep/contracts';
import { Layers } from 'lucide-react';
import type { Metadata } from 'next';
import { DeckCard } from '../../components/decks/deck-card';
import { EmptyState, LoadFailure } from '../../components/states';
import { serverGet } from '../../lib/api/server';

export const metadata: Metadata = { title: 'Decks' };

export default async function DecksPage() {
  const result = await serverGet('/api/decks', ZDeckListResponse);
  if (!result.ok) return <LoadFailure failure={result} signInNext="/decks" />;
  const { decks } = result.data;
  const enrolled = decks.filter((deck) => deck.enrolled);
  const others = decks.filter((deck) => !deck.enrolled);
  return (
    <div className="stack stack--lg">
      <header className="page-head">
        <div>
          <h1>Decks</h1>
          <p className="muted">Enroll in a deck to add its cards and problems to your daily queue.</p>
        </div>
      </header>
      {decks.length === 0 ? <EmptyState icon={<Layers size={22} />} title="No decks yet" /> : null}
      {enrolled.length > 0 ? (
        <section aria-labelledby="my-decks" className="stack">
          <h2 id="my-decks">My decks</h2>
          <ul className="deck-grid">
            {enrolled.map((deck) => (
              <DeckCard key={deck.slug} deck={deck} />
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="more-decks" className="stack">
          <h2 id="more-decks">{enrolled.length > 0 ? 'More decks' : 'All decks'}</h2>
          <ul className="deck-grid">
            {others.map((deck) => (
              <DeckCard key={deck.slug} deck={deck} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
