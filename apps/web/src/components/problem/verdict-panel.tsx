'use client';

import type { TSubmissionView, TTestResult } from '@prep/contracts';
import { useState } from 'react';
import { duration, TEST_STATUS_LABEL, VERDICT_LABEL } from '../../lib/format';
import { TestComparison } from './value-diff';
import { OutcomeLine, VerdictHead } from './verdict-parts';

function firstInteresting(tests: readonly TTestResult[]): number {
  const failing = tests.findIndex((test) => test.status !== 'passed' && test.status !== 'skipped' && test.input !== undefined);
  return failing >= 0 ? failing : 0;
}

/** The verdict of a run or submit: per-test status, the failing test side by side, the outcome and its override. */
export function VerdictPanel({
  result,
  params,
  slug,
  fromReview = false,
  onRatingChanged,
}: {
  result: TSubmissionView;
  params: readonly { name: string }[];
  slug: string;
  fromReview?: boolean;
  /** After the learner overrode the outcome's rating (the problem's schedule changed). */
  onRatingChanged?: () => void;
}) {
  const [selected, setSelected] = useState(() => firstInteresting(result.tests));
  const accepted = result.verdict === 'accepted';
  const test = result.tests[selected];
  const entries = result.tests.map((entry, position) => ({ entry, position }));
  const visible = entries.filter(({ entry }) => entry.name !== undefined);
  const hidden = entries.filter(({ entry }) => entry.name === undefined);
  return (
    <div className="verdict" data-testid="verdict" data-verdict={result.verdict ?? ''}>
      <VerdictHead accepted={accepted} label={result.verdict ? VERDICT_LABEL[result.verdict] : 'Pending'}>
        <span className="muted small">
          {result.passed ?? 0} / {result.total ?? 0} tests passed
          {result.runtimeMs !== null ? ` · ${duration(result.runtimeMs)}` : ''} · {result.mode === 'run' ? 'Run' : 'Submit'}
        </span>
      </VerdictHead>
      {result.message && !accepted ? <p className="verdict__message">{result.message}</p> : null}
      {result.outcome ? (
        <OutcomeLine
          outcome={result.outcome}
          reviewItem={`problem:${slug}`}
          testId="outcome"
          fromReview={fromReview}
          onRatingChanged={onRatingChanged}
        />
      ) : null}
      {result.compileErrors.length > 0 ? (
        <ul className="compile-errors" aria-label="Compile errors">
          {result.compileErrors.map((error, index) => (
            <li key={index}>
              <span className="compile-errors__at">
                Line {error.line}:{error.column}
              </span>{' '}
              {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {test ? (
        <div className="test-detail" role="region" aria-label="Selected test">
          <p className={`test-detail__status test-status--${test.status}`}>
            {test.name ?? `Hidden test ${test.index + 1}`}: {TEST_STATUS_LABEL[test.status]}
            {test.timeMs !== undefined ? <span className="muted"> · {duration(test.timeMs)}</span> : null}
          </p>
          {test.input !== undefined ? (
            <TestComparison
              params={params}
              input={test.input}
              expected={test.expected}
              actual={test.actual}
              showActual={
                test.status !== 'skipped' &&
                test.status !== 'time_limit_exceeded' &&
                test.status !== 'memory_limit_exceeded' &&
                'actual' in test
              }
            />
          ) : (
            <p className="muted small">This is a hidden test: its input and answer are not shown.</p>
          )}
          {test.error ? <pre className="test-detail__error">{test.error}</pre> : null}
          {test.stdout ? (
            <div className="value-box">
              <span className="value-box__label">Console output</span>
              <pre>{test.stdout}</pre>
            </div>
          ) : null}
        </div>
      ) : null}
      {visible.length > 0 ? (
        <div className="test-chips" role="group" aria-label="Tests you can see">
          {visible.map(({ entry, position }) => (
            <button
              key={entry.index}
              type="button"
              aria-pressed={position === selected}
              className={`test-chip test-chip--${entry.status}`}
              onClick={() => setSelected(position)}
              title={TEST_STATUS_LABEL[entry.status]}
            >
              {entry.name}
            </button>
          ))}
        </div>
      ) : null}
      {hidden.length > 0 ? (
        <div className="hidden-tests">
          <span className="muted small">
            {hidden.length} hidden tests: {hidden.filter(({ entry }) => entry.status === 'passed').length} passed
            {hidden.some(({ entry }) => entry.status === 'skipped')
              ? `, ${hidden.filter(({ entry }) => entry.status === 'skipped').length} not run`
              : ''}
          </span>
          <div className="test-dots" aria-hidden="true">
            {hidden.map(({ entry }) => (
              <span
                key={entry.index}
                className={`test-dot test-dot--${entry.status}`}
                title={`#${entry.index + 1}: ${TEST_STATUS_LABEL[entry.status]}`}
              />
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
