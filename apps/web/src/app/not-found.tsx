import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="card state-panel" aria-labelledby="not-found-title">
      <div className="state-panel__code" aria-hidden="true">
        404
      </div>
      <h1 id="not-found-title">Page not found</h1>
      <p>The page you asked for does not exist, or it is not yours to see.</p>
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
