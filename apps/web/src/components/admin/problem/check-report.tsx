'use client';

import type { TCheckFailure, TProblemCheckReport, TProblemCheckState } from '@prep/contracts';
import { CheckCircle2, CircleAlert, CircleDashed, Clock, XCircle } from 'lucide-react';
import { duration, plural, VERDICT_LABEL } from '../../../lib/format';
import { LocalTime } from '../local-time';

const FAILURE_LABEL: Record<TCheckFailure['code'], string> = {
  invalid_source: 'Invalid source',
  reference_compile_error: 'Reference does not compile',
  tests_compile_error: 'Tests do not compile',
  generator_failed: 'Generator failed',
  reference_failed: 'Reference failed',
  expected_mismatch: 'Expected output disagrees',
  tests_too_large: 'Tests too large',
  reference_rejected: 'Reference not accepted',
  reference_too_slow: 'Reference too slow',
  starter_accepted: 'Starter is accepted',
  wrong_solution_verdict: 'Wrong solution not caught',
  internal: 'Grader error',
};

export const CHECK_STATE_LABEL: Record<TProblemCheckState, string> = {
  none: 'Not checked',
  queued: 'Checking…',
  passed: 'Check passed',
  failed: 'Check failed',
  stale: 'Edited since the last check',
};

export function CheckStateBadge({ state }: { state: TProblemCheckState }) {
  const tone = state === 'passed' ? 'success' : state === 'failed' ? 'danger' : state === 'queued' ? 'info' : 'warning';
  const Icon = state === 'passed' ? CheckCircle2 : state === 'failed' ? XCircle : state === 'queued' ? Clock : CircleDashed;
  return (
    <span className={`badge badge--${tone}`} data-testid="check-state" data-state={state}>
      <Icon size={12} aria-hidden="true" className={state === 'queued' ? 'spin' : undefined} /> {CHECK_STATE_LABEL[state]}
    </span>
  );
}

export function FailureList({ failures }: { failures: TCheckFailure[] }) {
  return (
    <ul className="check-failures" data-testid="check-failures">
      {failures.map((failure, index) => (
        <li key={index} className="check-failure">
          <CircleAlert size={16} aria-hidden="true" />
          <div>
            <strong>{FAILURE_LABEL[failure.code]}</strong>
            {failure.test ? <span className="muted small"> · test “{failure.test}”</span> : null}
            {failure.solution ? <span className="muted small"> · wrong solution “{failure.solution}”</span> : null}
            <p className="check-failure__message">{failure.message}</p>
            {failure.at ? (
              <code className="small muted">
                {failure.at.field}:{failure.at.line}:{failure.at.column}
              </code>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Timing({ ms, limit }: { ms: number; limit: number }) {
  const share = limit > 0 ? Math.min(1, ms / limit) : 0;
  return (
    <span className="timing" title={`${Math.round(share * 100)}% of the limit`}>
      <span className="meter timing__meter" aria-hidden="true">
        <span className={`meter__fill${share > 0.5 ? ' meter__fill--danger' : ''}`} style={{ width: `${Math.max(2, share * 100)}%` }} />
      </span>
      {duration(ms)} of {duration(limit)}
    </span>
  );
}

/** What the sandbox found: failures first, then the reference's verdict and timing, the starter, the wrong solutions. */
export function CheckReport({ report, checkedAt }: { report: TProblemCheckReport; checkedAt?: string | null }) {
  return (
    <div className="stack check-report" data-testid="check-report">
      {report.failures.length > 0 ? <FailureList failures={report.failures} /> : null}
      <dl className="check-facts">
        <div>
          <dt>Tests</dt>
          <dd>
            {report.tests.total}{' '}
            <span className="muted small">
              ({report.tests.samples} sample, {report.tests.generated} generated)
            </span>
          </dd>
        </div>
        {report.reference ? (
          <>
            <div>
              <dt>Reference</dt>
              <dd className={`verdict-text--${report.reference.verdict}`}>
                {VERDICT_LABEL[report.reference.verdict] ?? report.reference.verdict}
              </dd>
            </div>
            <div>
              <dt>Slowest test{report.reference.slowestTest ? ` (${report.reference.slowestTest})` : ''}</dt>
              <dd>
                <Timing ms={report.reference.slowestTestMs} limit={report.reference.limits.timeMsPerTest} />
              </dd>
            </div>
            <div>
              <dt>All tests</dt>
              <dd>
                <Timing ms={report.reference.totalMs} limit={report.reference.limits.timeMsTotal} />
              </dd>
            </div>
          </>
        ) : null}
        {report.starter ? (
          <div>
            <dt>Starter</dt>
            <dd className={report.starter.verdict === 'accepted' ? 'verdict-text--wrong_answer' : undefined}>
              {VERDICT_LABEL[report.starter.verdict] ?? report.starter.verdict}
              {report.starter.verdict !== 'accepted' ? <span className="muted small"> (as it should be)</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {report.wrongSolutions.length > 0 ? (
        <table className="table table--compact">
          <caption className="sr-only">Wrong solutions</caption>
          <thead>
            <tr>
              <th scope="col">Wrong solution</th>
              <th scope="col">Expected</th>
              <th scope="col">Got</th>
            </tr>
          </thead>
          <tbody>
            {report.wrongSolutions.map((w) => (
              <tr key={w.name}>
                <td>
                  <code>{w.name}</code>
                </td>
                <td className="small">{VERDICT_LABEL[w.expect] ?? w.expect}</td>
                <td className="small">
                  {w.ok ? (
                    <CheckCircle2 size={13} className="status-icon--solved" aria-label="as expected" />
                  ) : (
                    <XCircle size={13} className="verdict-text--wrong_answer" aria-label="not as expected" />
                  )}{' '}
                  {VERDICT_LABEL[w.verdict] ?? w.verdict}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted small">
        Ran in {duration(report.durationMs)}
        {checkedAt ? (
          <>
            {' '}
            · <LocalTime iso={checkedAt} />
          </>
        ) : null}{' '}
        · {plural(report.failures.length, 'problem')} found
      </p>
    </div>
  );
}
