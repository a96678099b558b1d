'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJson } from '../lib/api-client';

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function signOut() {
    setPending(true);
    setError(undefined);
    const result = await postJson('/api/auth/logout', {});
    setPending(false);
    if (!result.ok) {
      setError(result.errors.form ?? 'Could not sign out. Please try again.');
      return;
    }
    router.replace('/');
    router.refresh();
  }

  return (
    <>
      <button type="button" className="button button--ghost" onClick={signOut} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {error ? (
        <span role="alert" className="account-nav__error">
          {error}
        </span>
      ) : null}
    </>
  );
}
