import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '../../components/auth-form';
import { getViewer } from '../../lib/session';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage() {
  if ((await getViewer()).status === 'signed-in') redirect('/');
  return (
    <section className="panel auth-panel" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <p className="muted">Start a daily routine of short, spaced reviews.</p>
      <AuthForm mode="sign-up" />
    </section>
  );
}
