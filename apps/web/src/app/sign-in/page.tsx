import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '../../components/auth-form';
import { safeNext } from '../../lib/auth-forms';
import { getViewer } from '../../lib/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if ((await getViewer()).status === 'signed-in') redirect(next);
  return (
    <section className="card auth-panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="muted">Welcome back. Pick up where you left off.</p>
      <AuthForm mode="sign-in" next={next} />
    </section>
  );
}
