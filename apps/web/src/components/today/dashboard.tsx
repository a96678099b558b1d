import type { TStatsResponse, TUser } from '@prep/contracts';
import { ArrowRight, Flame, Target } from 'lucide-react';
import Link from 'next/link';
import { duration, percent, plural } from '../../lib/format';
import { DueTime } from '../due-time';
import { ForecastChart } from '../charts/forecast-chart';
import { ReviewHeatmap } from '../charts/review-heatmap';
import { DueNowSummary } from './due-now-summary';

function greeting(user: TUser): string {
  return user.displayName ? `Hi, ${user.displayName.split(' ')[0]}` : 'Today';
}

/** `/` for a signed-in learner: what is due, what was done, and where it is going. */
export function Dashboard({ user, stats }: { user: TUser; stats: TStatsResponse }) {
  const now = new Date();
  const { today } = stats;
  const dueTotal = today.due.total;
  const newTotal = today.newToday.total;
  const forecast = stats.forecast.map((day) => ({ date: day.date, cards: day.due.card, problems: day.due.problem + day.due.lab }));
  const enrolled = stats.decks.filter((deck) => deck.enrolled);

  return (
    <div className="stack stack--lg dashboard">
      <header className="page-head">
        <div>
          <h1>{greeting(user)}</h1>
          <p className="muted" data-testid="signed-in-as">
            Signed in as {user.email}
          </p>
        </div>
      </header>

      <section className="today-hero card" aria-labelledby="due-title">
        <h2 id="due-title" className="sr-only">
          Due now
        </h2>
        <DueNowSummary dueNow={today.dueNow} dueToday={today.due} newToday={today.newToday.total} />
        <div className="today-hero__cta">
          {dueTotal > 0 || newTotal > 0 ? (
            <Link href="/review" className="button button--primary button--lg" data-testid="start-review">
              Start review <ArrowRight size={18} aria-hidden="true" />
            </Link>
          ) : enrolled.length === 0 ? (
            <Link href="/decks" className="button button--primary button--lg">
              Choose a deck <ArrowRight size={18} aria-hidden="true" />
            </Link>
          ) : (
            <Link href="/review" className="button button--lg" data-testid="start-review">
              Open review
            </Link>
          )}
          <p className="muted small" style={{ margin: 0 }} data-testid="next-due">
            {today.dueNow.total > 0 ? (
              'Due items first, then new ones.'
            ) : stats.nextDueAt ? (
              <>
                Next item due <DueTime iso={stats.nextDueAt} serverNow={now.toISOString()} withDate />.
              </>
            ) : (
              'Nothing scheduled yet.'
            )}
          </p>
        </div>
      </section>

      <section className="stat-grid" aria-label="Your numbers">
        <div className="card stat">
          <span className="stat__label">Reviewed today</span>
          <span className="stat__value" data-testid="reviews-today">
            {today.reviews}
          </span>
          <span className="stat__sub">
            {today.newStudied} new · {duration(today.timeMs)}
          </span>
        </div>
        <div className="card stat">
          <span className="stat__label">
            <Flame size={13} aria-hidden="true" /> Streak
          </span>
          <span className="stat__value">{plural(stats.streak.current, 'day')}</span>
          <span className="stat__sub">Longest {plural(stats.streak.longest, 'day')}</span>
        </div>
        <div className="card stat">
          <span className="stat__label">
            <Target size={13} aria-hidden="true" /> True retention (30 days)
          </span>
          <span className="stat__value">{percent(stats.retention.last30.rate)}</span>
          <span className="stat__sub">
            {stats.retention.last365.rate === null
              ? 'Counts once cards come back for review'
              : `7 d ${percent(stats.retention.last7.rate)} · 1 y ${percent(stats.retention.last365.rate)}`}
          </span>
        </div>
        <div className="card stat">
          <span className="stat__label">Studied</span>
          <span className="stat__value">{stats.totals.studiedItems}</span>
          <span className="stat__sub">
            {plural(stats.totals.reviews, 'review')} · {duration(stats.time.totalMs)}
          </span>
        </div>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="forecast-title">
          <div className="card__title">
            <h2 id="forecast-title">Next 30 days</h2>
            <span className="legend">
              <span className="legend__swatch" style={{ background: 'var(--accent)' }} /> Cards
              <span className="legend__swatch" style={{ background: 'var(--heat-2)' }} /> Problems
            </span>
          </div>
          <ForecastChart days={forecast} />
        </section>
        <section className="card" aria-labelledby="decks-title">
          <div className="card__title">
            <h2 id="decks-title">My decks</h2>
            <Link href="/decks" className="small">
              All decks
            </Link>
          </div>
          {enrolled.length === 0 ? (
            <p className="muted">
              You have not enrolled in a deck yet. <Link href="/decks">Pick one</Link> to start.
            </p>
          ) : (
            <ul className="deck-progress">
              {enrolled.map((deck) => {
                const share = deck.total ? Math.round((deck.studied / deck.total) * 100) : 0;
                return (
                  <li key={deck.slug}>
                    <div className="row row--between">
                      <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
                      <span className="small muted">
                        {deck.dueToday > 0 ? <strong className="due-text">{deck.dueToday} due · </strong> : null}
                        {deck.studied}/{deck.total} · {deck.mature} mature
                      </span>
                    </div>
                    <div className="meter" role="img" aria-label={`${share}% of ${deck.title} studied`}>
                      <div className="meter__fill" style={{ width: `${share}%` }} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="heatmap-title">
        <div className="card__title">
          <h2 id="heatmap-title">A year of reviews</h2>
        </div>
        <ReviewHeatmap days={stats.heatmap} />
      </section>
    </div>
  );
}
