import {
  AuditAction,
  DeckAuditAction,
  ProblemAuditAction,
  ZAdminUserListResponse,
  ZAuditEntityType,
  ZAuditPage,
  type TAuditEvent,
} from '@prep/contracts';
import { History } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { JsonDiffView } from '../../../components/admin/json-diff-view';
import { LocalTime } from '../../../components/admin/local-time';
import { EmptyState, LoadFailure } from '../../../components/states';
import { FormAlert } from '../../../components/ui/field';
import { FilterForm, hasFilter, pickParam, SelectField } from '../../../components/ui/filter-fields';
import { serverGet } from '../../../lib/api/server';
import { capitalise } from '../../../lib/format';
import { withQuery } from '../../../lib/url';

export const metadata: Metadata = { title: 'Audit log · Admin' };

type TSearch = { action?: string; actorId?: string; entityType?: string; entityId?: string; cursor?: string };

/** Actions offered as suggestions in the filter; the field takes any `entity.verb`. */
const KNOWN_ACTIONS = [...Object.values(AuditAction), ...Object.values(DeckAuditAction), ...Object.values(ProblemAuditAction)].sort();

const ENTITY_LINK: Partial<Record<TAuditEvent['entity']['type'], (id: string) => string>> = {
  deck: (id) => `/admin/decks/${encodeURIComponent(id)}`,
  problem: (id) => `/admin/problems/${encodeURIComponent(id)}`,
  card: (id) => `/admin/cards/${encodeURIComponent(id)}`,
  user: (id) => `/admin/users?q=${encodeURIComponent(id)}`,
};

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const search = await searchParams;
  const filters = {
    action: pickParam(search.action),
    actorId: pickParam(search.actorId),
    entityType: pickParam(search.entityType),
    entityId: pickParam(search.entityId),
  };
  const [page, admins] = await Promise.all([
    serverGet(withQuery('/api/admin/audit', { ...filters, cursor: pickParam(search.cursor), limit: 30 }), ZAuditPage),
    serverGet('/api/admin/users?role=admin&limit=100', ZAdminUserListResponse),
  ]);
  if (!page.ok) {
    if (page.code === 'validation_failed') {
      return <AuditShell filters={filters} admins={admins.ok ? admins.data.users : []} error={page.message} />;
    }
    return <LoadFailure failure={page} signInNext="/admin/audit" />;
  }
  const filtered = hasFilter(filters);
  return (
    <AuditShell filters={filters} admins={admins.ok ? admins.data.users : []}>
      <div className="card card--flush">
        {page.data.events.length === 0 ? (
          <EmptyState icon={<History size={22} />} title={filtered ? 'No change matches' : 'No change yet'}>
            {filtered ? 'Clear a filter to see more.' : 'Every change an admin makes to content, accounts or queues is recorded here.'}
          </EmptyState>
        ) : (
          <ol className="audit-list" data-testid="audit-list">
            {page.data.events.map((event) => (
              <AuditRow key={event.id} event={event} />
            ))}
          </ol>
        )}
        {search.cursor || page.data.nextCursor ? (
          <nav className="pager" aria-label="Pages">
            {search.cursor ? (
              <Link className="button button--sm button--ghost" href={withQuery('/admin/audit', filters)}>
                Newest
              </Link>
            ) : (
              <span />
            )}
            {page.data.nextCursor ? (
              <Link className="button button--sm" href={withQuery('/admin/audit', { ...filters, cursor: page.data.nextCursor })}>
                Older
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </AuditShell>
  );
}

function AuditShell({
  filters,
  admins,
  error,
  children,
}: {
  filters: Record<'action' | 'actorId' | 'entityType' | 'entityId', string | undefined>;
  admins: { id: string; email: string }[];
  error?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="stack stack--lg">
      <AdminPageHead title="Audit log" lead="Who changed what, and when: every admin change with the entity before and after it." />
      <FilterForm label="Filter the audit log" clearHref="/admin/audit" filtered={hasFilter(filters)}>
        <div className="field">
          <label className="field__label" htmlFor="audit-action">
            Action
          </label>
          <input
            id="audit-action"
            name="action"
            className="field__input"
            list="audit-actions"
            defaultValue={filters.action ?? ''}
            placeholder="e.g. problem.updated"
          />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <SelectField id="audit-actor" name="actorId" label="Actor" value={filters.actorId} options={admins.map((a) => [a.id, a.email])} />
        <SelectField
          id="audit-entity-type"
          name="entityType"
          label="Entity"
          value={filters.entityType}
          options={ZAuditEntityType.options.map((type) => [type, capitalise(type)])}
        />
        <div className="field">
          <label className="field__label" htmlFor="audit-entity-id">
            Entity id
          </label>
          <input
            id="audit-entity-id"
            name="entityId"
            className="field__input"
            defaultValue={filters.entityId ?? ''}
            placeholder="slug or id"
          />
        </div>
      </FilterForm>
      <FormAlert message={error} />
      {children}
    </div>
  );
}

function summaryOf(event: TAuditEvent): string {
  if (event.before !== null && event.after !== null) return 'Before and after';
  if (event.after === null) return 'What was removed';
  return /\.(created|imported|forked)$/.test(event.action) ? 'What was created' : 'Details';
}

function AuditRow({ event }: { event: TAuditEvent }) {
  const link = ENTITY_LINK[event.entity.type];
  const entity = event.action.split('.')[0];
  return (
    <li className="audit-row" data-testid="audit-event" data-action={event.action}>
      <div className="audit-row__head">
        <span className={`badge audit-badge audit-badge--${entity}`}>{event.action}</span>
        <span className="audit-row__entity">
          {capitalise(event.entity.type)}{' '}
          {link ? <Link href={link(event.entity.id)}>{event.entity.id}</Link> : <code>{event.entity.id}</code>}
        </span>
        <span className="audit-row__meta muted small">
          {event.actor.email} · <LocalTime iso={event.at} />
        </span>
      </div>
      <details className="audit-row__details">
        <summary>{summaryOf(event)}</summary>
        <JsonDiffView before={event.before} after={event.after} emptyText="The recorded before and after are the same." />
        {event.requestId ? <p className="muted small">Request {event.requestId}</p> : null}
      </details>
    </li>
  );
}
