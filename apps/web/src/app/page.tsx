import Link from 'next/link';
import { getViewer } from '../lib/session';
import { PRODUCT_NAME } from '../lib/product';

const FEATURES = [
  {
    title: 'Spaced repetition',
    text: 'Concept cards come back just before you would forget them, so a few minutes a day keeps everything fresh.',
  },
  {
    title: 'Graded coding problems',
    text: 'Solve TypeScript problems in the browser and get a verdict from real tests, not a checklist.',
  },
  {
    title: 'Short daily sessions',
    text: 'One queue of what is due today. Rate how it went and the schedule adapts to you.',
  },
];

export default async function HomePage() {
  const viewer = await getViewer();

  if (viewer.status === 'signed-in') {
    const { user } = viewer;
    return (
      <section className="panel welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Welcome{user.displayName ? `, ${user.displayName}` : ''}</h1>
        <p className="welcome__who" data-testid="signed-in-as">
          Signed in as <strong>{user.email}</strong>
        </p>
        <p className="muted">
          Your reviews and coding problems will appear here. Come back every day for a short session: the schedule does the remembering for
          you.
        </p>
      </section>
    );
  }

  return (
    <>
      {viewer.status === 'unavailable' ? (
        <p role="status" className="notice">
          We could not reach the service just now, so you may be shown as signed out. Please try again in a moment.
        </p>
      ) : null}
      <section className="hero" aria-labelledby="hero-title">
        <p className="hero__eyebrow">{PRODUCT_NAME}</p>
        <h1 id="hero-title" className="hero__title">
          Prepare for interviews and remember it on the day.
        </h1>
        <p className="hero__lead">
          Concept cards and graded coding problems, scheduled with spaced repetition so every review lands right before you would forget.
        </p>
        <div className="hero__actions">
          <Link href="/sign-up" className="button button--primary button--large">
            Create a free account
          </Link>
          <Link href="/sign-in" className="button button--ghost button--large">
            Sign in
          </Link>
        </div>
      </section>
      <ul className="features" aria-label="What you get">
        {FEATURES.map((feature) => (
          <li key={feature.title} className="panel feature">
            <h2 className="feature__title">{feature.title}</h2>
            <p className="muted">{feature.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
