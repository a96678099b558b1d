import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';

/** Shown with a 403 when a signed-in account opens a page its role may not see (the /admin pages for a learner). */
export default function Forbidden() {
  return (
    <section className="card state-panel" aria-labelledby="forbidden-title" data-testid="forbidden">
      <div className="state-panel__code" aria-hidden="true">
        403
      </div>
      <h1 id="forbidden-title">
        <ShieldAlert size={20} aria-hidden="true" /> Admins only
      </h1>
      <p>This page is for the people who curate the decks and problems. Your account can study everything else.</p>
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
