import { ZAdminUserListResponse, type TAdminUser } from '@prep/contracts';
import { Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable } from '../../../components/admin/admin-list';
import { AdminPageHead } from '../../../components/admin/admin-page-head';
import { LocalTime } from '../../../components/admin/local-time';
import { UserActions, UserRoleSelect } from '../../../components/admin/user-controls';
import { EmptyState, LoadFailure } from '../../../components/states';
import { FilterForm, hasFilter, pickParam, SearchField, SelectField } from '../../../components/ui/filter-fields';
import { serverGet } from '../../../lib/api/server';
import { getViewer } from '../../../lib/session';
import { withQuery } from '../../../lib/url';

export const metadata: Metadata = { title: 'Users · Admin' };

const PAGE = 25;

type TSearch = { q?: string; role?: string; status?: string; offset?: string };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const search = await searchParams;
  const filters = { q: pickParam(search.q), role: pickParam(search.role), status: pickParam(search.status) };
  const offset = Math.max(0, Number.parseInt(search.offset ?? '0', 10) || 0);
  const [list, viewer] = await Promise.all([
    serverGet(withQuery('/api/admin/users', { ...filters, limit: PAGE, offset }), ZAdminUserListResponse),
    getViewer(),
  ]);
  if (!list.ok) return <LoadFailure failure={list} signInNext="/admin/users" />;
  const me = viewer.status === 'signed-in' ? viewer.user.id : null;
  const { users, total } = list.data;
  const filtered = hasFilter(filters);
  return (
    <div className="stack stack--lg">
      <AdminPageHead
        title="Users"
        lead="Find an account, make someone an admin, or disable an account (its sessions end at once; its progress is kept)."
      />
      <FilterForm label="Filter users" clearHref="/admin/users" filtered={filtered}>
        <SearchField id="users-q" value={filters.q} placeholder="Email or name" />
        <SelectField
          id="users-role"
          name="role"
          label="Role"
          value={filters.role}
          options={[
            ['learner', 'Learner'],
            ['admin', 'Admin'],
          ]}
        />
        <SelectField
          id="users-status"
          name="status"
          label="Status"
          value={filters.status}
          options={[
            ['active', 'Active'],
            ['disabled', 'Disabled'],
          ]}
        />
      </FilterForm>
      <AdminTable
        testId="users-table"
        columns={[{ label: 'Account' }, { label: 'Role' }, { label: 'Status' }, { label: 'Joined', className: 'hide-sm' }]}
        items={users}
        row={(user) => <UserRow key={user.id} user={user} self={user.id === me} />}
        empty={
          <EmptyState icon={<Users size={22} />} title="No account matches">
            Try part of the email, or clear the filters.
          </EmptyState>
        }
        footer={
          <nav className="pager" aria-label="Pages">
            <span>{total === 0 ? 'No accounts' : `${offset + 1}–${offset + users.length} of ${total}`}</span>
            <span className="row">
              {offset > 0 ? (
                <Link className="button button--sm" href={withQuery('/admin/users', { ...filters, offset: offset - PAGE || undefined })}>
                  Previous
                </Link>
              ) : null}
              {offset + users.length < total ? (
                <Link className="button button--sm" href={withQuery('/admin/users', { ...filters, offset: offset + PAGE })}>
                  Next
                </Link>
              ) : null}
            </span>
          </nav>
        }
      />
    </div>
  );
}

function UserRow({ user, self }: { user: TAdminUser; self: boolean }) {
  return (
    <tr data-testid={`user-${user.email}`}>
      <td>
        <div className="user-cell">
          <span className="avatar" aria-hidden="true">
            {(user.displayName || user.email).trim().charAt(0).toUpperCase()}
          </span>
          <span className="user-cell__text">
            <strong>{user.displayName ?? user.email}</strong>
            {user.displayName ? <span className="muted small">{user.email}</span> : null}
          </span>
          {self ? <span className="badge badge--accent">You</span> : null}
        </div>
      </td>
      <td>
        <UserRoleSelect user={user} self={self} />
      </td>
      <td>
        {user.disabledAt ? (
          <span className="badge badge--danger">
            Disabled <LocalTime iso={user.disabledAt} dateOnly />
          </span>
        ) : (
          <span className="badge badge--success">Active</span>
        )}
      </td>
      <td className="hide-sm nowrap small muted">
        <LocalTime iso={user.createdAt} dateOnly />
      </td>
      <td className="table__actions">
        <UserActions user={user} self={self} />
      </td>
    </tr>
  );
}
