import { CloudOff } from 'lucide-react';
import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { isUnavailable, type TApiFailure } from '../lib/api/result';
import { ReloadButton } from './reload-button';

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty">
      <div className="empty__icon" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {action ? <div style={{ marginTop: '0.75rem' }}>{action}</div> : null}
    </div>
  );
}

/**
 * What a server-rendered page shows when its data could not be loaded: sign-in for a lost session, the 404 page
 * for something that is not there (or not mine), the 403 page for what the account may not see, and otherwise a clear panel instead of a blank page.
 */
export function LoadFailure({ failure, signInNext }: { failure: TApiFailure; signInNext?: string }) {
  if (failure.code === 'unauthenticated') redirect(signInNext ? `/sign-in?next=${encodeURIComponent(signInNext)}` : '/sign-in');
  if (failure.code === 'not_found') notFound();
  if (failure.code === 'forbidden') forbidden();
  const down = isUnavailable(failure);
  return (
    <section className="card state-panel" role="alert" data-testid="load-failure">
      <div className="empty__icon" aria-hidden="true">
        <CloudOff size={22} />
      </div>
      <h1>{down ? 'The service is unavailable' : 'This page could not be loaded'}</h1>
      <p>{down ? 'We could not reach the Recall Prep service. Your progress is safe; try again in a moment.' : failure.message}</p>
      <div className="row">
        <ReloadButton />
        <Link href="/" className="button">
          Go to Today
        </Link>
      </div>
    </section>
  );
}

/** The page of an HTTP error status (404, 403): the code, what happened, and the way back to studying. */
export function StatusPanel({
  code,
  titleId,
  title,
  testId,
  children,
}: {
  code: number;
  titleId: string;
  title: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="card state-panel" aria-labelledby={titleId} data-testid={testId}>
      <div className="state-panel__code" aria-hidden="true">
        {code}
      </div>
      <h1 id={titleId}>{title}</h1>
      <p>{children}</p>
      <div className="row">
        <Link href="/" className="button button--primary">
          Go to Today
        </Link>
        <Link href="/decks" className="button">
          Browse decks
        </Link>
      </div>
    </section>
  );
}
