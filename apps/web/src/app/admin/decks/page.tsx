import { ZAdminDeckListResponse, type TAdminDeckSummary } from '@prep/contracts';
import { Layers } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ImportDeckButton, NewDeckButton } from '../../../components/admin/deck-create';
import { ForkDeckButton } from '../../../components/admin/deck-fork';
import { LocalTime } from '../../../components/admin/local-time';
import { SourceBadge, StatusBadge } from '../../../components/admin/status-badge';
import { EmptyState, LoadFailure } from '../../../components/states';
import { pickParam, SearchField, SelectField } from '../../../components/ui/filter-fields';
import { serverGet } from '../../../lib/api/server';
import { plural } from '../../../lib/format';
import { withQuery } from '../../../lib/url';

export const metadata: Metadata = { title: 'Decks · Admin' };

type TSearch = { q?: string; source?: string; status?: string };

export default async function AdminDecksPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const search = await searchParams;
  const filters = { q: pickParam(search.q), source: pickParam(search.source), status: pickParam(search.status) };
  const list = await serverGet(withQuery('/api/admin/decks', { ...filters, limit: 100 }), ZAdminDeckListResponse);
  if (!list.ok) return <LoadFailure failure={list} signInNext="/admin/decks" />;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="stack stack--lg">
      <AdminPageHead
        title="Decks"
        lead="Authored decks are drafts until you publish them; built-in decks come from the repository and are read-only."
        actions={
          <>
            <ImportDeckButton />
            <NewDeckButton />
          </>
        }
      />
      <form className="filters" role="search" aria-label="Filter decks" method="get">
        <SearchField id="decks-q" value={filters.q} placeholder="Title or slug" />
        <SelectField
          id="decks-source"
          name="source"
          label="Source"
          value={filters.source}
          options={[
            ['authored', 'Authored'],
            ['builtin', 'Built-in'],
          ]}
        />
        <SelectField
          id="decks-status"
          name="status"
          label="Status"
          value={filters.status}
          options={[
            ['draft', 'Draft'],
            ['published', 'Published'],
            ['archived', 'Archived'],
          ]}
        />
        <button type="submit" className="button">
          Apply
        </button>
        {filtered ? (
          <Link href="/admin/decks" className="button button--ghost">
            Clear
          </Link>
        ) : null}
      </form>
      <div className="card card--flush">
        {list.data.decks.length === 0 ? (
          <EmptyState icon={<Layers size={22} />} title={filtered ? 'No deck matches' : 'No decks yet'}>
            {filtered ? 'Clear the filters to see every deck.' : 'Create a deck, or import one exported from another instance.'}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="admin-decks">
              <thead>
                <tr>
                  <th scope="col">Deck</th>
                  <th scope="col">Status</th>
                  <th scope="col">Items</th>
                  <th scope="col">Learners</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.decks.map((deck) => (
                  <DeckRow key={deck.slug} deck={deck} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="pager">
          <span>{plural(list.data.total, 'deck')}</span>
        </div>
      </div>
    </div>
  );
}

function DeckRow({ deck }: { deck: TAdminDeckSummary }) {
  return (
    <tr data-testid={`admin-deck-${deck.slug}`}>
      <td>
        <div className="title-cell">
          <Link href={`/admin/decks/${deck.slug}`}>{deck.title}</Link>
          <span className="row">
            <SourceBadge source={deck.source} />
            <code className="muted small">{deck.slug}</code>
          </span>
        </div>
      </td>
      <td>
        <StatusBadge status={deck.status} />
      </td>
      <td className="nowrap small">
        {plural(deck.cards, 'card')} · {plural(deck.problems, 'problem')}
      </td>
      <td className="small">{deck.enrolled}</td>
      <td className="nowrap small muted">
        <LocalTime iso={deck.updatedAt} dateOnly />
      </td>
      <td className="table__actions">
        <span className="row">
          <Link href={`/admin/decks/${deck.slug}`} className="button button--sm">
            {deck.editable ? 'Edit' : 'View'}
          </Link>
          {deck.editable ? null : <ForkDeckButton slug={deck.slug} title={deck.title} small />}
        </span>
      </td>
    </tr>
  );
}
