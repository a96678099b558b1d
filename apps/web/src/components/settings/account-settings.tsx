'use client';

import { ZChangePasswordRequest, ZRevokedSessionsResponse, type TSession } from '@prep/contracts';
import { Download, LogOut, Monitor } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api/browser';
import { relativeTime } from '../../lib/format';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formErrorsOf } from '../../lib/form-errors';
import { ConfirmDialog } from '../ui/dialog';
import { Field, FormAlert } from '../ui/field';
import { useToast } from '../ui/toast';

function describeAgent(agent: string | null): string {
  if (!agent) return 'Unknown device';
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(agent)
      ? 'macOS'
      : /Android/.test(agent)
        ? 'Android'
        : /iPhone|iPad/.test(agent)
          ? 'iOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function ChangePasswordForm() {
  const notify = useToast();
  const { errors, pending, submit } = useFormSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { currentPassword: String(data.get('currentPassword') ?? ''), newPassword: String(data.get('newPassword') ?? '') };
    const changed = await submit(ZChangePasswordRequest, input, (body) => api.post('/api/auth/password', ZRevokedSessionsResponse, body));
    if (!changed) return;
    form.reset();
    notify({ tone: 'success', title: 'Password changed', description: `Signed out of ${changed.data.revokedSessions} other session(s).` });
  }

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <FormAlert message={errors.form} />
      <div className="settings-grid">
        <PasswordField
          id="current-password"
          name="currentPassword"
          label="Current password"
          autoComplete="current-password"
          error={errors.fields.currentPassword}
        />
        <PasswordField
          id="new-password"
          name="newPassword"
          label="New password"
          autoComplete="new-password"
          hint="At least 10 characters, and not a common password."
          error={errors.fields.newPassword}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}

function PasswordField({
  id,
  name,
  label,
  autoComplete,
  hint,
  error,
}: {
  id: string;
  name: string;
  label: string;
  autoComplete: string;
  hint?: string;
  error?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="password"
        className="field__input"
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
      />
    </Field>
  );
}

export function SessionsList({ sessions }: { sessions: TSession[] }) {
  const router = useRouter();
  const notify = useToast();
  const now = new Date();

  async function revoke(id: string) {
    const result = await api.delete(`/api/auth/sessions/${id}`, null);
    if (!result.ok) notify({ tone: 'danger', title: 'Could not sign that session out', description: result.message });
    router.refresh();
  }

  async function signOutEverywhere() {
    const result = await api.post('/api/auth/logout-all', ZRevokedSessionsResponse, {});
    if (!result.ok) {
      notify({ tone: 'danger', title: 'Could not sign out everywhere', description: result.message });
      return;
    }
    router.replace('/sign-in');
    router.refresh();
  }

  return (
    <div className="stack">
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.id} className="session">
            <Monitor size={18} aria-hidden="true" className="muted" />
            <div>
              <strong>{describeAgent(session.userAgent)}</strong>{' '}
              {session.current ? <span className="badge badge--success">This device</span> : null}
              <div className="muted small">
                {session.ip ?? 'unknown address'} · last used {relativeTime(session.lastUsedAt, now)}
              </div>
            </div>
            {!session.current ? (
              <button type="button" className="button button--ghost button--sm" onClick={() => void revoke(session.id)}>
                Sign out
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div>
        <ConfirmDialog
          title="Sign out everywhere?"
          description="Every session, this one included, is signed out. You will need your password to sign in again."
          confirmLabel="Sign out everywhere"
          onConfirm={() => void signOutEverywhere()}
          trigger={
            <button type="button" className="button">
              <LogOut size={15} aria-hidden="true" /> Sign out everywhere
            </button>
          }
        />
      </div>
    </div>
  );
}

export function ExportAndDelete() {
  const router = useRouter();
  const notify = useToast();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  async function remove() {
    const result = await api.delete('/api/me', null, { password });
    if (!result.ok) {
      setError(formErrorsOf(result).form ?? result.message);
      setOpen(true);
      return;
    }
    notify({ title: 'Your account was deleted' });
    router.replace('/');
    router.refresh();
  }

  return (
    <div className="row" style={{ alignItems: 'flex-start', gap: '0.75rem' }}>
      <a className="button" href="/api/me/export" download="recall-prep-export.json">
        <Download size={15} aria-hidden="true" /> Export my data (JSON)
      </a>
      <ConfirmDialog
        open={open}
        onOpenChange={(value) => {
          setOpen(value);
          if (!value) setError(null);
        }}
        title="Delete your account?"
        description="Your account, progress, reviews and submissions are deleted for good. Type your password to confirm."
        confirmLabel="Delete my account"
        danger
        onConfirm={() => void remove()}
        trigger={
          <button type="button" className="button button--danger">
            Delete account
          </button>
        }
      >
        <div className="field">
          <label className="field__label" htmlFor="delete-password">
            Password
          </label>
          <input
            id="delete-password"
            type="password"
            className="field__input"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {error ? <p className="field__error">{error}</p> : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}
