'use client';

import { RATINGS, ZReviewResponse, type TLabCheck, type TLabSubmissionView, type TRating } from '@prep/contracts';
import { CalendarClock, CheckCircle2, CircleDashed, Cpu, Gauge, XCircle } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../lib/api/browser';
import { newClientId, withRetry } from '../../lib/client-id';
import { dateTime, duration, RATING_LABEL, relativeDue } from '../../lib/format';
import { gradedOn, LAB_VERDICT_LABEL, scalarMetrics, timingRows } from '../../lib/lab-format';
import { useToast } from '../ui/toast';

const CHECK_ICON = {
  passed: <CheckCircle2 size={16} className="lab-check__icon is-good" aria-hidden="true" />,
  failed: <XCircle size={16} className="lab-check__icon is-bad" aria-hidden="true" />,
  skipped: <CircleDashed size={16} className="lab-check__icon muted" aria-hidden="true" />,
} as const;

const CHECK_STATUS = { passed: 'Passed', failed: 'Failed', skipped: 'Not run' } as const;

/** The verdict of a lab submission: where it ran, each check, the figures (timings against PyTorch on a GPU), its rating. */
export function LabVerdict({
  result,
  slug,
  fromReview = false,
  onRatingChanged,
}: {
  result: TLabSubmissionView;
  slug: string;
  fromReview?: boolean;
  onRatingChanged?: () => void;
}) {
  const accepted = result.verdict === 'accepted';
  const Icon = accepted ? CheckCircle2 : XCircle;
  const timings = timingRows(result.metrics);
  const figures = scalarMetrics(result.metrics);
  const device = result.environment?.device ?? result.device;
  return (
    <div className="verdict lab-verdict" data-testid="lab-verdict" data-verdict={result.verdict ?? ''}>
      <div className="verdict__head">
        <h3 className={`verdict__title ${accepted ? 'is-good' : 'is-bad'}`}>
          <Icon size={20} aria-hidden="true" /> {result.verdict ? LAB_VERDICT_LABEL[result.verdict] : 'Pending'}
        </h3>
        {result.wallTimeMs !== null ? <span className="muted small">{duration(result.wallTimeMs)}</span> : null}
      </div>
      <p className="lab-device" data-testid="lab-device" data-device={device ?? ''}>
        <Cpu size={15} aria-hidden="true" />
        {result.environment
          ? gradedOn(result.environment)
          : device
            ? `Graded on ${device === 'gpu' ? 'GPU' : 'CPU'}`
            : 'Not graded on any device'}
      </p>
      {/* The failed check says the same: once is enough. */}
      {result.message && !result.checks.some((check) => check.status === 'failed' && check.message === result.message) ? (
        <p className="verdict__message">{result.message}</p>
      ) : null}
      {result.outcome ? <LabOutcomeLine result={result} slug={slug} fromReview={fromReview} onRatingChanged={onRatingChanged} /> : null}
      {result.checks.length > 0 ? (
        <ol className="lab-checks" aria-label="Checks" data-testid="lab-checks">
          {result.checks.map((check, index) => (
            <CheckRow key={`${check.name}-${index}`} check={check} />
          ))}
        </ol>
      ) : null}
      {timings.length > 0 ? (
        <div className="table-wrap">
          <table className="table lab-timings" data-testid="lab-timings">
            <caption className="lab-caption">
              <Gauge size={15} aria-hidden="true" /> Time against {timings[0]!.reference} (median)
            </caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Yours</th>
                <th scope="col">Reference</th>
                <th scope="col">Ratio</th>
              </tr>
            </thead>
            <tbody>
              {timings.map((row) => (
                <tr key={row.shape}>
                  <td className="lab-timings__case small">{row.shape}</td>
                  <td className="nowrap">{row.solutionMs} ms</td>
                  <td className="nowrap">{row.referenceMs} ms</td>
                  <td className="nowrap">{row.slowdown !== null ? `${row.slowdown}×` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : device === 'cpu' && result.verdict === 'accepted' ? (
        <p className="muted small">
          Timing against the PyTorch reference is measured on a GPU only; on a CPU only correctness and memory count.
        </p>
      ) : null}
      {figures.length > 0 ? (
        <dl className="lab-figures" data-testid="lab-figures">
          {figures.map((figure) => (
            <div key={figure.key}>
              <dt>{figure.label}</dt>
              <dd>{figure.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {result.output ? (
        <div className="value-box">
          <span className="value-box__label">What your code printed</span>
          <pre>{result.output}</pre>
        </div>
      ) : null}
    </div>
  );
}

function CheckRow({ check }: { check: TLabCheck }) {
  return (
    <li className={`lab-check lab-check--${check.status}`} data-testid="lab-check" data-status={check.status}>
      <div className="lab-check__head">
        {CHECK_ICON[check.status]}
        <span className="lab-check__name">{check.name}</span>
        <span className="sr-only">: {CHECK_STATUS[check.status]}</span>
        {check.verdict && check.status === 'failed' ? (
          <span className="badge badge--danger">{LAB_VERDICT_LABEL[check.verdict]}</span>
        ) : null}
        {check.timeMs !== undefined ? <span className="muted small lab-check__time">{duration(check.timeMs)}</span> : null}
      </div>
      {check.message ? <p className="lab-check__message">{check.message}</p> : null}
      {check.detail ? <pre className="test-detail__error">{check.detail}</pre> : null}
    </li>
  );
}

function LabOutcomeLine({
  result,
  slug,
  fromReview,
  onRatingChanged,
}: {
  result: TLabSubmissionView;
  slug: string;
  fromReview: boolean;
  onRatingChanged?: () => void;
}) {
  const outcome = result.outcome!;
  const notify = useToast();
  const [override, setOverride] = useState<{ rating: TRating; due: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const [clientReviewId] = useState(newClientId);
  const now = new Date();
  const due = override?.due ?? outcome.due;

  async function change(rating: TRating) {
    setPending(true);
    const response = await withRetry(() => api.post(`/api/review/lab:${slug}/override`, ZReviewResponse, { rating, clientReviewId }));
    setPending(false);
    if (!response.ok) {
      notify({ tone: 'danger', title: 'The rating was not changed', description: response.message });
      return;
    }
    setOverride({ rating, due: response.data.state.due });
    onRatingChanged?.();
    notify({ tone: 'success', title: `Rated ${RATING_LABEL[rating]} instead`, description: 'The schedule follows your rating.' });
  }

  return (
    <div className="outcome" data-testid="lab-outcome">
      <p className="outcome__line">
        <CalendarClock size={16} aria-hidden="true" />
        <span>
          Rated <strong>{RATING_LABEL[override?.rating ?? outcome.rating]}</strong>
          {due ? (
            <>
              {' '}
              · comes back <strong data-testid="next-review">{relativeDue(due, now)}</strong> ({dateTime(due)})
            </>
          ) : null}
        </span>
      </p>
      {fromReview ? (
        <div>
          <Link href="/review" className="button button--primary button--sm">
            Continue the review session
          </Link>
        </div>
      ) : null}
      {override === null ? (
        <div className="outcome__override" role="group" aria-label="Change this rating once">
          <span className="muted small">Not how it felt? Change it once:</span>
          {RATINGS.filter((rating) => rating !== outcome.rating).map((rating) => (
            <button
              key={rating}
              type="button"
              className={`button button--sm rating-chip rating-chip--${rating}`}
              disabled={pending}
              onClick={() => void change(rating)}
            >
              {RATING_LABEL[rating]}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
