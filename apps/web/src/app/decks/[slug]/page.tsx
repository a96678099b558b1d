import { ZDeckDetailResponse, type TDeckDetailResponse } from '@prep/contracts';
import { Search, BookOpen, Code2, FlaskConical } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { EnrollButton } from '../../../components/decks/enroll-button';
import { Markdown } from '../../../components/markdown';
import { EmptyState, LoadFailure } from '../../../components/states';
import { pickParam, SearchField, SelectField } from '../../../components/ui/filter-fields';
import { ItemStateBadge } from '../../../components/study/item-state-badge';
import { serverGet } from '../../../lib/api/server';
import { withQuery } from '../../../lib/url';
import { DueTime } from '../../../components/due-time';
import { capitalise, plural } from '../../../lib/format';
import { LAB_DEVICE_LABEL } from '../../../lib/lab-format';

type TParams = { slug: string };
type TSearch = { q?: string; kind?: string; tag?: string; state?: string; offset?: string };

const PAGE_SIZE = 25;
const STATES = ['due', 'new', 'learning', 'review', 'relearning', 'suspended', 'leech'] as const;

function filtersOf(search: TSearch) {
  return { q: pickParam(search.q), kind: pickParam(search.kind), tag: pickParam(search.tag), state: pickParam(search.state) };
}

/** One read per request (keyed by its URL): the title and the page share it. */
const getDeckAt = cache((url: `/api/${string}`) => serverGet(url, ZDeckDetailResponse));

function getDeck(slug: string, search: TSearch) {
  const offset = Math.max(0, Number(search.offset) || 0);
  return getDeckAt(withQuery(`/api/decks/${encodeURIComponent(slug)}`, { ...filtersOf(search), limit: PAGE_SIZE, offset }));
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<TParams>;
  searchParams: Promise<TSearch>;
}): Promise<Metadata> {
  const { slug } = await params;
  const result = await getDeck(slug, await searchParams);
  return { title: result.ok ? result.data.deck.title : 'Deck' };
}

export default async function DeckPage({ params, searchParams }: { params: Promise<TParams>; searchParams: Promise<TSearch> }) {
  const { slug } = await params;
  const search = await searchParams;
  const filters = filtersOf(search);
  const result = await getDeck(slug, search);
  if (!result.ok) {
    return <LoadFailure failure={result} signInNext={`/decks/${slug}`} />;
  }
  const data = result.data;
  const { deck } = data;
  const now = new Date();
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="stack stack--lg">
      <nav aria-label="Breadcrumb" className="small">
        <Link href="/decks">Decks</Link> <span className="muted">/ {deck.title}</span>
      </nav>
      <section className="card deck-hero" aria-labelledby="deck-title">
        <div>
          <h1 id="deck-title">{deck.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {deck.description}
          </p>
          <div className="deck-hero__stats">
            <Stat label="Cards" value={deck.kinds.card} />
            <Stat label="Problems" value={deck.kinds.problem} />
            {deck.kinds.lab > 0 ? <Stat label="Labs" value={deck.kinds.lab} /> : null}
            {deck.enrolled ? (
              <>
                <Stat label="Due now" value={deck.counts.due} />
                <Stat label="New" value={deck.counts.new} />
                <Stat label="In review" value={deck.counts.review} />
              </>
            ) : null}
          </div>
        </div>
        <div className="row">
          <EnrollButton slug={deck.slug} title={deck.title} enrolled={deck.enrolled} />
          {deck.enrolled && deck.counts.due > 0 ? (
            <Link href="/review" className="button">
              Review now
            </Link>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="items-title" className="stack">
        <div className="row row--between">
          <h2 id="items-title" style={{ margin: 0 }}>
            Items <span className="muted small">({data.total})</span>
          </h2>
        </div>
        <form className="filters" role="search" aria-label="Filter this deck's items" method="get">
          <SearchField id="deck-q" value={filters.q} placeholder="Words on the card or a problem title" />
          <SelectField
            id="deck-kind"
            name="kind"
            label="Kind"
            value={filters.kind}
            options={[
              ['card', 'Cards'],
              ['problem', 'Problems'],
              ['lab', 'Labs'],
            ]}
          />
          <SelectField id="deck-tag" name="tag" label="Tag" value={filters.tag} options={data.tags.map((tag) => [tag, tag])} />
          <SelectField
            id="deck-state"
            name="state"
            label="State"
            value={filters.state}
            options={STATES.map((state) => [state, capitalise(state)])}
          />
          <button type="submit" className="button">
            Apply
          </button>
          {filtered ? (
            <Link href={`/decks/${deck.slug}`} className="button button--ghost">
              Clear
            </Link>
          ) : null}
        </form>
        <div className="card card--flush">
          {data.items.length === 0 ? (
            <EmptyState icon={<Search size={22} />} title={filtered ? 'Nothing matches' : 'This deck is empty'}>
              {filtered ? 'Try other words or clear the filters.' : undefined}
            </EmptyState>
          ) : (
            <ul className="item-list">
              {data.items.map((item) => (
                <ItemRow key={item.id} item={item} now={now} />
              ))}
            </ul>
          )}
          <Pager data={data} slug={deck.slug} filters={filters} />
        </div>
      </section>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
    </div>
  );
}

const KIND_LABEL = { card: 'Card', problem: 'Problem', lab: 'Lab' } as const;

function ItemRow({ item, now }: { item: TDeckDetailResponse['items'][number]; now: Date }) {
  const { content, state } = item;
  return (
    <li className="item-row" data-testid={`item-${item.id}`}>
      <span className="item-row__kind" aria-label={KIND_LABEL[content.kind]}>
        {content.kind === 'problem' ? (
          <Code2 size={16} aria-hidden="true" />
        ) : content.kind === 'lab' ? (
          <FlaskConical size={16} aria-hidden="true" />
        ) : (
          <BookOpen size={16} aria-hidden="true" />
        )}
      </span>
      <div className="item-row__body">
        {content.kind === 'card' ? (
          <>
            <Markdown>{content.front}</Markdown>
            <details>
              <summary>Show answer</summary>
              <div className="item-row__answer">
                <Markdown>{content.back}</Markdown>
              </div>
            </details>
          </>
        ) : content.kind === 'problem' ? (
          <div className="row">
            <Link href={`/problems/${content.slug}`} style={{ fontWeight: 600 }}>
              {content.title}
            </Link>
            <span className={`badge badge--${content.difficulty}`}>{capitalise(content.difficulty)}</span>
          </div>
        ) : (
          <div className="row">
            <Link href={`/labs/${content.slug}`} style={{ fontWeight: 600 }}>
              {content.title}
            </Link>
            <span className={`badge badge--${content.difficulty}`}>{capitalise(content.difficulty)}</span>
            <span className="badge">Lab · {LAB_DEVICE_LABEL[content.device]}</span>
          </div>
        )}
      </div>
      <div className="item-row__meta">
        <ItemStateBadge state={state} />
        {state.due && !state.dueNow && !state.suspended ? (
          <span>
            due <DueTime iso={state.due} serverNow={now.toISOString()} />
          </span>
        ) : null}
        {state.reps > 0 ? <span>{plural(state.reps, 'review')}</span> : null}
      </div>
    </li>
  );
}

function Pager({ data, slug, filters }: { data: TDeckDetailResponse; slug: string; filters: Record<string, string | undefined> }) {
  if (data.total <= data.limit) return null;
  const href = (offset: number) => withQuery(`/decks/${slug}`, { ...filters, offset: offset || undefined });
  const last = Math.min(data.offset + data.items.length, data.total);
  return (
    <nav className="pager" aria-label="Pages">
      <span>
        {data.offset + 1}–{last} of {data.total}
      </span>
      <span className="row">
        {data.offset > 0 ? (
          <Link className="button button--sm" href={href(Math.max(0, data.offset - data.limit))}>
            Previous
          </Link>
        ) : null}
        {last < data.total ? (
          <Link className="button button--sm" href={href(data.offset + data.limit)}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
