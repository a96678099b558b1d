import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="panel auth-panel" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p className="muted">The page you asked for does not exist.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </section>
  );
}
