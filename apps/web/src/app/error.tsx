'use client';

import { RotateCcw } from 'lucide-react';
import Link from 'next/link';
import { useEffect } from 'react';

/** Any page that failed to render: a way out instead of a stack trace. */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="card state-panel" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>This page could not be shown. It may be a passing problem with the service; your progress is saved.</p>
      {error.digest ? <p className="small">Reference: {error.digest}</p> : null}
      <div className="row">
        <button type="button" className="button button--primary" onClick={reset}>
          <RotateCcw size={16} aria-hidden="true" /> Try again
        </button>
        <Link href="/" className="button">
          Go to Today
        </Link>
      </div>
    </section>
  );
}
