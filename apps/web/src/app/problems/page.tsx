import { ZDeckListResponse, ZListProblemsResponse, type TProblemListItem } from '@prep/contracts';
import { Search } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DueText, ItemLeadCells, TagBadges } from '../../components/practice-cells';
import { EmptyState, LoadFailure } from '../../components/states';
import { FilterForm, hasFilter, pickParam, SearchField, SelectField } from '../../components/ui/filter-fields';
import { serverGet } from '../../lib/api/server';
import { capitalise } from '../../lib/format';
import { withQuery } from '../../lib/url';

export const metadata: Metadata = { title: 'Problems' };

type TSearch = { deck?: string; tag?: string; difficulty?: string; status?: string; q?: string; cursor?: string };

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const search = await searchParams;
  const filters = {
    deck: pickParam(search.deck),
    tag: pickParam(search.tag),
    difficulty: pickParam(search.difficulty),
    status: pickParam(search.status),
    q: pickParam(search.q),
  };
  const [list, all, decks] = await Promise.all([
    serverGet(withQuery('/api/problems', { ...filters, cursor: pickParam(search.cursor), limit: 50 }), ZListProblemsResponse),
    serverGet('/api/problems?limit=100', ZListProblemsResponse),
    serverGet('/api/decks', ZDeckListResponse),
  ]);
  if (!list.ok) return <LoadFailure failure={list} signInNext="/problems" />;
  const tags = all.ok ? [...new Set(all.data.items.flatMap((item) => item.tags))].sort() : [];
  const deckOptions = decks.ok ? decks.data.decks.filter((deck) => deck.kinds.problem > 0) : [];
  const solved = all.ok ? all.data.items.filter((item) => item.status === 'solved').length : null;
  const filtered = hasFilter(filters);
  const now = new Date();

  return (
    <div className="stack stack--lg">
      <header className="page-head">
        <div>
          <h1>Problems</h1>
          <p className="muted">
            Graded TypeScript problems.{' '}
            {solved !== null && all.ok ? (
              <>
                You have solved <strong>{solved}</strong> of {all.data.total}.
              </>
            ) : null}
          </p>
        </div>
      </header>
      <FilterForm label="Filter problems" clearHref="/problems" filtered={filtered}>
        <SearchField id="problems-q" value={filters.q} placeholder="Title, slug or tag" />
        <SelectField
          id="problems-deck"
          name="deck"
          label="Deck"
          value={filters.deck}
          options={deckOptions.map((deck) => [deck.slug, deck.title])}
        />
        <SelectField id="problems-tag" name="tag" label="Tag" value={filters.tag} options={tags.map((tag) => [tag, tag])} />
        <SelectField
          id="problems-difficulty"
          name="difficulty"
          label="Difficulty"
          value={filters.difficulty}
          options={['easy', 'medium', 'hard'].map((d) => [d, capitalise(d)])}
        />
        <SelectField
          id="problems-status"
          name="status"
          label="Status"
          value={filters.status}
          options={[
            ['due', 'Due'],
            ['new', 'Not started'],
            ['attempted', 'Attempted'],
            ['solved', 'Solved'],
          ]}
        />
      </FilterForm>
      <div className="card card--flush">
        {list.data.items.length === 0 ? (
          <EmptyState icon={<Search size={22} />} title="No problem matches">
            Try other words or clear the filters.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table problems-table">
              <thead>
                <tr>
                  <th scope="col" style={{ width: '2.5rem' }}>
                    <span className="sr-only">Status</span>
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Difficulty</th>
                  <th scope="col" className="hide-sm">
                    Tags
                  </th>
                  <th scope="col">Review</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <Row key={item.slug} item={item} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data.nextCursor ? (
          <nav className="pager" aria-label="Pages">
            <span>
              {list.data.items.length} of {list.data.total}
            </span>
            <Link className="button button--sm" href={withQuery('/problems', { ...filters, cursor: list.data.nextCursor })}>
              Next
            </Link>
          </nav>
        ) : null}
      </div>
    </div>
  );
}

function Row({ item, now }: { item: TProblemListItem; now: Date }) {
  return (
    <tr data-testid={`problem-${item.slug}`}>
      <ItemLeadCells status={item.status} href={`/problems/${item.slug}`} title={item.title} difficulty={item.difficulty} />
      <td className="hide-sm">
        <TagBadges tags={item.tags} />
      </td>
      <td className="nowrap small">
        <DueText status={item.status} due={item.due} now={now} />
      </td>
    </tr>
  );
}
