import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '../../components/auth-form';
import { safeNext } from '../../lib/auth-forms';
import { getViewer } from '../../lib/session';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if ((await getViewer()).status === 'signed-in') redirect(next);
  return (
    <section className="card auth-panel" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <p className="muted">Start a daily routine of short, spaced reviews.</p>
      <AuthForm mode="sign-up" next={next} />
    </section>
  );
}
