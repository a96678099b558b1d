'use client';

import { ZUpdateUserResponse, type TAdminUser, type TRole, type TUpdateUserRequest } from '@prep/contracts';
import { Ban, RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiRequest } from '../../lib/api/browser';
import { plural } from '../../lib/format';
import { ConfirmDialog } from '../ui/dialog';
import { useToast } from '../ui/toast';

/** PATCH the account, say what happened, and re-read the list (the server page is the source of truth). */
function useUpdateUser(user: TAdminUser) {
  const router = useRouter();
  const notify = useToast();
  const [pending, setPending] = useState(false);
  async function update(change: TUpdateUserRequest, done: (revoked: number) => string) {
    setPending(true);
    const result = await apiRequest('PATCH', `/api/admin/users/${user.id}`, ZUpdateUserResponse, change);
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: `Could not change ${user.email}`, description: result.message });
      return;
    }
    notify({ tone: 'success', title: done(result.data.revokedSessions) });
    router.refresh();
  }
  return { pending, update };
}

export function UserRoleSelect({ user, self }: { user: TAdminUser; self: boolean }) {
  const { pending, update } = useUpdateUser(user);
  return (
    <select
      className="select select--sm"
      aria-label={`Role of ${user.email}`}
      value={user.role}
      disabled={self || pending}
      title={self ? 'You cannot change your own role' : undefined}
      onChange={(event) => {
        const role = event.target.value as TRole;
        void update({ role }, () => `${user.email} is now ${role === 'admin' ? 'an admin' : 'a learner'}`);
      }}
    >
      <option value="learner">Learner</option>
      <option value="admin">Admin</option>
    </select>
  );
}

export function UserActions({ user, self }: { user: TAdminUser; self: boolean }) {
  const { pending, update } = useUpdateUser(user);
  const [open, setOpen] = useState(false);
  if (self) return <span className="muted small">–</span>;
  if (user.disabledAt) {
    return (
      <button
        type="button"
        className="button button--sm"
        disabled={pending}
        onClick={() => void update({ disabled: false }, () => `${user.email} can sign in again`)}
      >
        <RotateCcw size={14} aria-hidden="true" /> Enable
      </button>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      danger
      title={`Disable ${user.email}?`}
      description="They are signed out everywhere at once and cannot sign in until an admin enables the account again. Their progress is kept."
      confirmLabel="Disable account"
      onConfirm={() => void update({ disabled: true }, (revoked) => `${user.email} is disabled (${plural(revoked, 'session')} ended)`)}
      trigger={
        <button type="button" className="button button--sm button--ghost button--danger-text" disabled={pending}>
          <Ban size={14} aria-hidden="true" /> Disable
        </button>
      }
    />
  );
}
