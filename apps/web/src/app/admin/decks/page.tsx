import { ZAdminDeckListResponse, type TAdminDeckSummary } from '@prep/contracts';
import { Layers } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminCount, AdminTable, SourceStatusFields } from '../../../components/admin/admin-list';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { ImportDeckButton, NewDeckButton } from '../../../components/admin/deck-create';
import { ForkDeckButton } from '../../../components/admin/deck-fork';
import { LocalTime } from '../../../components/admin/local-time';
import { SourceBadge, StatusBadge } from '../../../components/admin/status-badge';
import { EmptyState, LoadFailure } from '../../../components/states';
import { FilterForm, hasFilter, pickParam, SearchField } from '../../../components/ui/filter-fields';
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
  const filtered = hasFilter(filters);
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
      <FilterForm label="Filter decks" clearHref="/admin/decks" filtered={filtered}>
        <SearchField id="decks-q" value={filters.q} placeholder="Title or slug" />
        <SourceStatusFields idPrefix="decks" source={filters.source} status={filters.status} />
      </FilterForm>
      <AdminTable
        testId="admin-decks"
        columns={[{ label: 'Deck' }, { label: 'Status' }, { label: 'Items' }, { label: 'Learners' }, { label: 'Updated' }]}
        items={list.data.decks}
        row={(deck) => <DeckRow key={deck.slug} deck={deck} />}
        empty={
          <EmptyState icon={<Layers size={22} />} title={filtered ? 'No deck matches' : 'No decks yet'}>
            {filtered ? 'Clear the filters to see every deck.' : 'Create a deck, or import one exported from another instance.'}
          </EmptyState>
        }
        footer={<AdminCount>{plural(list.data.total, 'deck')}</AdminCount>}
      />
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
