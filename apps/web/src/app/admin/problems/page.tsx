import { ZAdminProblemListResponse, type TAdminProblemListItem } from '@prep/contracts';
import { Code2, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminCount, AdminTable, SourceStatusFields } from '../../../components/admin/admin-list';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { LocalTime } from '../../../components/admin/local-time';
import { ForkProblemButton } from '../../../components/admin/problem-fork';
import { SourceBadge, StatusBadge } from '../../../components/admin/status-badge';
import { DifficultyBadge } from '../../../components/practice-cells';
import { EmptyState, LoadFailure } from '../../../components/states';
import { FilterForm, hasFilter, pickParam, SearchField } from '../../../components/ui/filter-fields';
import { serverGet } from '../../../lib/api/server';
import { plural } from '../../../lib/format';
import { withQuery } from '../../../lib/url';

export const metadata: Metadata = { title: 'Problems · Admin' };

type TSearch = { q?: string; source?: string; status?: string };

export default async function AdminProblemsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const search = await searchParams;
  const filters = { q: pickParam(search.q), source: pickParam(search.source), status: pickParam(search.status) };
  const list = await serverGet(withQuery('/api/admin/problems', { ...filters, limit: 200 }), ZAdminProblemListResponse);
  if (!list.ok) return <LoadFailure failure={list} signInNext="/admin/problems" />;
  const filtered = hasFilter(filters);
  return (
    <div className="stack stack--lg">
      <AdminPageHead
        title="Problems"
        lead="Authored problems are checked in the grader's sandbox before they can be published. Built-in problems are read-only: fork one to change it."
        actions={
          <Link href="/admin/problems/new" className="button button--primary">
            <Plus size={16} aria-hidden="true" /> New problem
          </Link>
        }
      />
      <FilterForm label="Filter problems" clearHref="/admin/problems" filtered={filtered}>
        <SearchField id="admin-problems-q" value={filters.q} placeholder="Title or slug" />
        <SourceStatusFields idPrefix="admin-problems" source={filters.source} status={filters.status} />
      </FilterForm>
      <AdminTable
        testId="admin-problems"
        columns={[{ label: 'Problem' }, { label: 'Status' }, { label: 'Difficulty' }, { label: 'Decks' }, { label: 'Updated' }]}
        items={list.data.problems}
        row={(problem) => <ProblemRow key={problem.slug} problem={problem} />}
        empty={
          <EmptyState icon={<Code2 size={22} />} title={filtered ? 'No problem matches' : 'No problems yet'}>
            {filtered ? 'Clear the filters to see every problem.' : 'Write one, or fork a built-in problem.'}
          </EmptyState>
        }
        footer={<AdminCount>{plural(list.data.total, 'problem')}</AdminCount>}
      />
    </div>
  );
}

function ProblemRow({ problem }: { problem: TAdminProblemListItem }) {
  return (
    <tr data-testid={`admin-problem-${problem.slug}`}>
      <td>
        <div className="title-cell">
          <Link href={`/admin/problems/${problem.slug}`}>{problem.title}</Link>
          <span className="row">
            <SourceBadge source={problem.source} />
            <code className="muted small">
              {problem.slug} · v{problem.version}
            </code>
          </span>
        </div>
      </td>
      <td>
        <span className="row">
          <StatusBadge status={problem.status} />
          {problem.hasDraft && problem.status !== 'draft' ? <span className="badge badge--warning">Unpublished edits</span> : null}
        </span>
      </td>
      <td>
        <DifficultyBadge difficulty={problem.difficulty} />
      </td>
      <td className="small">{problem.decks.length ? problem.decks.join(', ') : <span className="muted">–</span>}</td>
      <td className="nowrap small muted">
        <LocalTime iso={problem.updatedAt} dateOnly />
      </td>
      <td className="table__actions">
        <span className="row">
          <Link href={`/admin/problems/${problem.slug}`} className="button button--sm">
            {problem.source === 'builtin' ? 'View' : 'Edit'}
          </Link>
          {problem.source === 'builtin' ? <ForkProblemButton slug={problem.slug} title={problem.title} small /> : null}
        </span>
      </td>
    </tr>
  );
}
