'use client';

import type { TLabCheck, TLabSubmissionView } from '@prep/contracts';
import { CheckCircle2, CircleDashed, Cpu, Gauge, XCircle } from 'lucide-react';
import { duration } from '../../lib/format';
import { gradedOn, LAB_VERDICT_LABEL, scalarMetrics, timingRows } from '../../lib/lab-format';
import { OutcomeLine, VerdictHead } from '../problem/verdict-parts';

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
  const timings = timingRows(result.metrics);
  const figures = scalarMetrics(result.metrics);
  const device = result.environment?.device ?? result.device;
  return (
    <div className="verdict lab-verdict" data-testid="lab-verdict" data-verdict={result.verdict ?? ''}>
      <VerdictHead accepted={accepted} label={result.verdict ? LAB_VERDICT_LABEL[result.verdict] : 'Pending'}>
        {result.wallTimeMs !== null ? <span className="muted small">{duration(result.wallTimeMs)}</span> : null}
      </VerdictHead>
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
      {result.outcome ? (
        <OutcomeLine
          outcome={result.outcome}
          reviewItem={`lab:${slug}`}
          testId="lab-outcome"
          fromReview={fromReview}
          onRatingChanged={onRatingChanged}
        />
      ) : null}
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
