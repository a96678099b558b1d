import { BrainCircuit, CalendarClock, Code2, Keyboard, LineChart, ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import { PRODUCT_NAME } from '../../lib/product';

const FEATURES = [
  {
    Icon: CalendarClock,
    title: 'Back on the day you would forget',
    text: 'FSRS, the scheduler behind modern Anki, plans every card and problem around your memory, not a fixed calendar.',
  },
  {
    Icon: Code2,
    title: 'Graded coding problems',
    text: 'Write TypeScript in a real editor, watch each test pass live, and see exactly where your output differs.',
  },
  {
    Icon: BrainCircuit,
    title: 'Concepts that stick',
    text: 'Short cards on attention kernels, mixed precision, decoding tricks, geometry and classic algorithms, with math and code.',
  },
  {
    Icon: Keyboard,
    title: 'Keyboard first',
    text: 'Space to reveal, 1 to 4 to rate, Z to undo, Ctrl+Enter to submit. A review session never needs the mouse.',
  },
  {
    Icon: LineChart,
    title: 'Progress you can trust',
    text: 'True retention, streaks, a year of reviews and a 30-day forecast of what is coming.',
  },
  {
    Icon: ShieldCheck,
    title: 'Recall, not copy',
    text: 'When a problem comes back, you start from a blank starter. Your old solution is one click away, and counted if you peek.',
  },
];

/** What a visitor sees on `/`: what the product is, and a way in. */
export function Landing() {
  return (
    <div className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <p className="hero__eyebrow">{PRODUCT_NAME} · interview prep</p>
          <h1 id="hero-title" className="hero__title">
            Prepare for interviews and <em>remember it on the day</em>.
          </h1>
          <p className="hero__lead">
            Concept cards and graded coding problems in one daily queue. Each item comes back right before you would forget it, so ten
            focused minutes a day beat a week of cramming.
          </p>
          <div className="hero__actions">
            <Link href="/sign-up" className="button button--primary button--lg">
              Create a free account
            </Link>
            <Link href="/sign-in" className="button button--lg">
              Sign in
            </Link>
          </div>
        </div>
        <div className="hero__preview" aria-hidden="true">
          <div className="preview-card">
            <p className="preview-card__q">
              Why does FlashAttention compute softmax in tiles without ever materialising the full score matrix?
            </p>
            <div className="preview-ratings">
              <span style={{ color: 'var(--rating-again)' }}>
                Again<small>1m</small>
              </span>
              <span style={{ color: 'var(--rating-hard)' }}>
                Hard<small>2d</small>
              </span>
              <span style={{ color: 'var(--rating-good)' }}>
                Good<small>5d</small>
              </span>
              <span style={{ color: 'var(--rating-easy)' }}>
                Easy<small>12d</small>
              </span>
            </div>
          </div>
          <div className="preview-card">
            <div className="row row--between">
              <strong>Merge Sorted Array</strong>
              <span className="badge badge--easy">Easy</span>
            </div>
            <p className="muted small" style={{ margin: '0.5rem 0 0.75rem' }}>
              Accepted · 61 / 61 tests passed · next review in 6 days
            </p>
            <div className="meter">
              <div className="meter__fill" style={{ width: '100%', background: 'var(--success)' }} />
            </div>
          </div>
        </div>
      </section>
      <ul className="features" aria-label="What you get">
        {FEATURES.map(({ Icon, title, text }) => (
          <li key={title} className="card feature">
            <span className="feature__icon" aria-hidden="true">
              <Icon size={20} />
            </span>
            <h2>{title}</h2>
            <p>{text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
