'use client';

import { ZNextHintResponse, type TAttempt, type TProblemPage, type TRevealedHint } from '@prep/contracts';
import { Lightbulb } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../lib/api/browser';
import { Markdown } from '../markdown';
import { useToast } from '../ui/toast';

/** Statement, examples, constraints and hints (revealed one at a time, counted). */
export function StatementPanel({
  page,
  hints,
  attempt,
  onHint,
}: {
  page: TProblemPage;
  hints: TRevealedHint[];
  attempt: TAttempt;
  onHint: (hint: TRevealedHint, revealed: number) => void;
}) {
  const { problem } = page;
  const notify = useToast();
  const [pending, setPending] = useState(false);

  async function nextHint() {
    setPending(true);
    const result = await api.post(`/api/problems/${problem.slug}/hints/next`, ZNextHintResponse, {});
    setPending(false);
    if (!result.ok) {
      notify({ tone: 'danger', title: 'No hint this time', description: result.message });
      return;
    }
    onHint(result.data.hint, result.data.revealed);
  }

  return (
    <div className="statement">
      <Markdown>{problem.statement}</Markdown>
      {problem.examples.map((example) => (
        <section key={example.title} className="statement__example">
          <h3>{example.title}</h3>
          <Markdown>{example.body}</Markdown>
        </section>
      ))}
      {problem.constraints ? (
        <section>
          <h3>Constraints</h3>
          <Markdown>{problem.constraints}</Markdown>
        </section>
      ) : null}
      <section className="statement__signature">
        <h3>Signature</h3>
        <Markdown>{'```ts\n' + problem.signature + '\n```'}</Markdown>
        <p className="muted small">
          Limits: {problem.limits.timeMsPerTest} ms per test, {problem.limits.memoryMb} MB. Expected time to solve from memory: about{' '}
          {problem.expectedMinutes} minutes.
        </p>
      </section>
      {problem.hintCount > 0 ? (
        <section aria-labelledby="hints-title" className="hints">
          <h3 id="hints-title">
            Hints{' '}
            <span className="muted small">
              ({hints.length} of {problem.hintCount})
            </span>
          </h3>
          <ol className="hints__list">
            {hints.map((hint) => (
              <li key={hint.index} className="hint" data-testid="hint">
                <Markdown>{hint.text}</Markdown>
              </li>
            ))}
          </ol>
          {hints.length < problem.hintCount ? (
            <div className="row">
              <button type="button" className="button button--sm" onClick={() => void nextHint()} disabled={pending}>
                <Lightbulb size={15} aria-hidden="true" /> Show hint {hints.length + 1}
              </button>
              {attempt.counts && !attempt.outcome ? (
                <span className="muted small">An accepted submit after a hint counts as Hard at best.</span>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
      <div className="row statement__tags">
        {problem.tags.map((tag) => (
          <span key={tag} className="badge">
            {tag}
          </span>
        ))}
      </div>
    </div>
  );
}
