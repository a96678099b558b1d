'use client';

import { ZProblemPage, ZRevealResponse, type TProblemPage, type TRevealResponse, type TSubmissionView } from '@prep/contracts';
import { CloudAlert, CloudCheck, CloudOff, FlaskConical, History, Loader2, Play, Plus, Send, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { api } from '../../lib/api/browser';
import { caseText, parseCustomCase } from '../../lib/custom-cases';
import { formatValue } from '../../lib/diff';
import { useMounted } from '../../hooks/use-mounted';
import { refreshDueNow } from '../../lib/due-now-store';
import { capitalise, dateTime, TEST_STATUS_LABEL } from '../../lib/format';
import { progressCounts } from '../../lib/grading-progress';
import { CodeEditor } from '../code-editor';
import { Markdown } from '../markdown';
import { ConfirmDialog } from '../ui/dialog';
import { Kbd, useAriaShortcut } from '../ui/kbd';
import { ProgressBar } from '../ui/progress';
import { Tab, TabList, TabPanel, Tabs } from '../ui/tabs';
import { useToast } from '../ui/toast';
import { ConceptsPanel } from '../study/concepts-panel';
import { ResetCodeButton } from './reset-code-button';
import { ReviewBanner } from './review-banner';
import { StatementPanel } from './statement-panel';
import { SubmissionHistory } from './submission-history';
import { useAutosaveStatus, type TAutosave } from './use-autosave';
import { useGrading } from './use-grading';
import { VerdictPanel } from './verdict-panel';
import { StandingBadges, WorkspaceBackLink } from './workspace-title';

const MAX_CUSTOM_CASES = 20;

/**
 * The problem page, LeetCode style: statement, editorial and my submissions on the left; the editor and the
 * console (test cases, live progress, verdict) on the right. When the problem is a due review, the editor starts
 * from the starter and anything that shows a solution is behind a confirmation, because it counts as a lapse.
 */
export function ProblemWorkspace({ page, fromReview }: { page: TProblemPage; fromReview: boolean }) {
  const { problem } = page;
  const notify = useToast();
  const initialCode = page.draft?.code ?? problem.starter;
  const [code, setCode] = useState(initialCode);
  const draft = useAutosaveStatus(problem.slug, code, initialCode, page.draft?.savedAt ?? null);
  // Where I stand with this problem (status, schedule, its concepts): read again after anything that rates it.
  const [standing, setStanding] = useState({ status: page.status, review: page.review, concepts: page.concepts });
  const [hints, setHints] = useState(page.hints);
  const [attempt, setAttempt] = useState(page.attempt);
  const [revealed, setRevealed] = useState<TRevealResponse | null>(null);
  const [leftTab, setLeftTab] = useState('description');
  const [consoleTab, setConsoleTab] = useState('testcases');
  const [customCases, setCustomCases] = useState<string[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [confirmReveal, setConfirmReveal] = useState<null | 'editorial' | 'mine'>(null);
  const { progress, send, dispatch } = useGrading(problem.slug);

  const busy = progress.phase === 'sending' || progress.phase === 'queued' || progress.phase === 'running';
  const result = progress.result;
  const decided = attempt.outcome ?? result?.outcome ?? null;
  const revealCountsAsLapse = attempt.counts && !decided && !attempt.revealed;
  // Times in the header are the browser's (its clock and timezone), shown once it has taken over from the server.
  const runShortcut = useAriaShortcut("Mod+'");
  const submitShortcut = useAriaShortcut('Mod+Enter');

  const refreshStanding = useCallback(async () => {
    const latest = await api.get(`/api/problems/${problem.slug}`, ZProblemPage);
    if (latest.ok) setStanding({ status: latest.data.status, review: latest.data.review, concepts: latest.data.concepts });
    void refreshDueNow();
  }, [problem.slug]);

  useEffect(() => {
    if (progress.phase === 'done' && result) {
      setConsoleTab('result');
      setHistoryVersion((version) => version + 1);
      if (result.outcome) setAttempt((current) => ({ ...current, outcome: result.outcome }));
      else if (result.mode === 'submit' && result.verdict !== 'accepted' && result.verdict !== 'internal_error') {
        setAttempt((current) => ({ ...current, failedSubmits: current.failedSubmits + 1 }));
      }
      // A submit can rate the problem (and a failed one bring its concepts in): the header and the lists follow.
      if (result.mode === 'submit') void refreshStanding();
    }
    if (progress.phase === 'failed' && progress.error) notify({ tone: 'danger', title: 'Not sent', description: progress.error });
  }, [progress.phase, progress.error, result, notify, refreshStanding]);

  const parsedCases = useMemo(() => customCases.map((text) => parseCustomCase(text, problem.params)), [customCases, problem.params]);

  async function run() {
    if (busy) return;
    const bad = parsedCases.findIndex((parsed) => !parsed.ok);
    if (bad >= 0) {
      setConsoleTab('testcases');
      notify({ tone: 'danger', title: `Custom case ${bad + 1} is not valid`, description: (parsedCases[bad] as { error: string }).error });
      return;
    }
    setConsoleTab('result');
    await send(
      'run',
      code,
      parsedCases.map((parsed) => ({ args: (parsed as { args: unknown[] }).args })),
    );
  }

  async function submit() {
    if (busy) return;
    setConsoleTab('result');
    await send('submit', code);
  }

  async function reveal(what: 'editorial' | 'mine') {
    const response = revealed
      ? { ok: true as const, data: revealed }
      : await api.post(`/api/problems/${problem.slug}/reveal`, ZRevealResponse, {});
    if (!response.ok) {
      notify({ tone: 'danger', title: 'Could not show it', description: response.message });
      return;
    }
    setRevealed(response.data);
    setAttempt(response.data.attempt);
    // Revealing before an accepted submit rates the problem Again.
    if (response.data.attempt.outcome) void refreshStanding();
    if (what === 'editorial') setLeftTab('editorial');
    else if (response.data.myLastAccepted) {
      setCode(response.data.myLastAccepted.code);
      notify({ title: 'Your last accepted solution is in the editor' });
    } else {
      notify({ title: 'No accepted solution yet', description: 'The editorial and reference solution are in the Editorial tab.' });
      setLeftTab('editorial');
    }
  }

  function openSubmission(submission: TSubmissionView) {
    dispatch({ type: 'show', result: submission });
    setConsoleTab('result');
  }

  useShortcuts({ 'Mod+Enter': () => void submit(), "Mod+'": () => void run() });

  const diagnostics = useMemo(
    () => (result && result.compileErrors.length > 0 ? { code: result.code, errors: result.compileErrors } : null),
    [result],
  );
  const counts = progressCounts(progress);

  return (
    <div className="workspace">
      <div className="workspace__bar">
        <div className="workspace__title">
          <WorkspaceBackLink fromReview={fromReview} href="/problems" label="All problems" />
          <h1>{problem.title}</h1>
          <span className={`badge badge--${problem.difficulty}`}>{capitalise(problem.difficulty)}</span>
          <StandingBadges
            status={standing.status}
            review={standing.review}
            statusTestId="problem-status"
            nextReviewTestId="problem-next-review"
          />
        </div>
        <div className="workspace__actions">
          <SaveIndicator draft={draft} />
          <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-keyshortcuts={runShortcut}>
            <Play size={15} aria-hidden="true" /> Run <Kbd shortcut="Mod+'" />
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void submit()}
            disabled={busy}
            aria-keyshortcuts={submitShortcut}
          >
            {busy && progress.mode === 'submit' ? (
              <Loader2 size={15} className="spin" aria-hidden="true" />
            ) : (
              <Send size={15} aria-hidden="true" />
            )}{' '}
            Submit <Kbd shortcut="Mod+Enter" />
          </button>
        </div>
      </div>

      {fromReview || (attempt.counts && page.status === 'due') ? (
        <ReviewBanner decided={decided !== null} fromReview={fromReview}>
          This problem is due for review: solve it from memory. Your first accepted submit rates it; a hint makes it Hard at best, and
          showing a solution counts as a lapse.
        </ReviewBanner>
      ) : null}

      <div className="workspace__panes">
        <section className="pane pane--left" aria-label="Problem">
          <Tabs value={leftTab} onValueChange={setLeftTab}>
            <TabList label="Problem">
              <Tab value="description">Description</Tab>
              <Tab value="editorial">Editorial</Tab>
              <Tab value="submissions">
                <History size={14} aria-hidden="true" /> Submissions
              </Tab>
            </TabList>
            <TabPanel value="description" className="pane__body">
              <StatementPanel
                page={page}
                hints={hints}
                attempt={attempt}
                onHint={(hint, revealedCount) => {
                  setHints((current) => [...current, hint]);
                  setAttempt((current) => ({ ...current, hintsRevealed: revealedCount }));
                }}
              />
              <ConceptsPanel
                concepts={standing.concepts}
                problemSlug={problem.slug}
                onStateChange={(id, state) =>
                  setStanding((current) => ({
                    ...current,
                    concepts: current.concepts.map((concept) => (concept.id === id ? { ...concept, state } : concept)),
                  }))
                }
              />
            </TabPanel>
            <TabPanel value="editorial" className="pane__body">
              {revealed ? (
                <div className="stack">
                  <Markdown>{revealed.editorial}</Markdown>
                  <h3>Reference solution</h3>
                  <Markdown>{'```ts\n' + revealed.reference + '\n```'}</Markdown>
                  {revealed.myLastAccepted ? (
                    <div className="row">
                      <button type="button" className="button" onClick={() => setCode(revealed.myLastAccepted!.code)}>
                        Load my last accepted solution
                      </button>
                    </div>
                  ) : null}
                </div>
              ) : (
                <div className="locked">
                  <p>
                    The editorial explains the approach and shows a reference solution.
                    {revealCountsAsLapse
                      ? ' Opening it now counts as a lapse: this review is rated Again and the problem comes back tomorrow.'
                      : ''}
                  </p>
                  <button type="button" className="button" onClick={() => setConfirmReveal('editorial')} disabled={!problem.hasEditorial}>
                    Show the editorial
                  </button>
                </div>
              )}
            </TabPanel>
            <TabPanel value="submissions" className="pane__body">
              <SubmissionHistory slug={problem.slug} version={historyVersion} onOpen={openSubmission} />
            </TabPanel>
          </Tabs>
        </section>

        <section className="pane pane--right" aria-label="Your solution">
          <div className="editor-bar">
            <span className="small muted">TypeScript</span>
            <div className="row">
              {standing.status !== 'new' ? (
                <button type="button" className="button button--ghost button--sm" onClick={() => setConfirmReveal('mine')}>
                  My last accepted
                </button>
              ) : null}
              <ResetCodeButton onConfirm={() => setCode(problem.starter)} />
            </div>
          </div>
          <div className="editor-host" data-testid="editor">
            <CodeEditor
              value={code}
              onChange={setCode}
              diagnostics={diagnostics}
              onSubmit={() => void submit()}
              onRun={() => void run()}
              label={`Solution for ${problem.title}`}
            />
          </div>
          <div className="console">
            <Tabs value={consoleTab} onValueChange={setConsoleTab}>
              <TabList label="Console">
                <Tab value="testcases">
                  <FlaskConical size={14} aria-hidden="true" /> Test cases
                </Tab>
                <Tab value="result">Result</Tab>
              </TabList>
              <TabPanel value="testcases" className="console__body">
                <TestCases
                  page={page}
                  customCases={customCases}
                  errors={parsedCases.map((parsed) => (parsed.ok ? null : parsed.error))}
                  onChange={setCustomCases}
                />
              </TabPanel>
              <TabPanel value="result" className="console__body">
                <div aria-live="polite">
                  {progress.phase === 'idle' ? <p className="muted">Run your code or submit it to see the result here.</p> : null}
                  {progress.phase === 'failed' ? <p className="form-alert">{progress.error}</p> : null}
                  {busy ? (
                    <div className="live" data-testid="live-progress">
                      <p className="live__line">
                        <Loader2 size={16} className="spin" aria-hidden="true" />
                        {progress.phase === 'sending'
                          ? 'Sending…'
                          : progress.phase === 'queued'
                            ? 'Waiting for a grader…'
                            : `Running tests: ${counts.finished}${progress.total !== null ? ` of ${progress.total}` : ''} done, ${counts.passed} passed`}
                      </p>
                      {progress.total ? <ProgressBar value={counts.finished} max={progress.total} label="Tests finished" /> : null}
                      {progress.total && progress.total <= 200 ? (
                        <div className="test-dots" aria-hidden="true">
                          {Array.from({ length: progress.total }, (_, index) => (
                            <span
                              key={index}
                              className={`test-dot test-dot--${progress.tests[index] ?? 'pending'}`}
                              title={progress.tests[index] ? TEST_STATUS_LABEL[progress.tests[index]!] : 'Waiting'}
                            />
                          ))}
                        </div>
                      ) : null}
                    </div>
                  ) : null}
                  {progress.phase === 'done' && result ? (
                    <>
                      <VerdictPanel
                        key={result.id}
                        result={result}
                        params={problem.params}
                        slug={problem.slug}
                        fromReview={fromReview}
                        onRatingChanged={() => void refreshStanding()}
                      />
                      {result.code !== code ? (
                        <button type="button" className="button button--ghost button--sm" onClick={() => setCode(result.code)}>
                          Load this submission&apos;s code
                        </button>
                      ) : null}
                    </>
                  ) : null}
                </div>
              </TabPanel>
            </Tabs>
          </div>
        </section>
      </div>

      <ConfirmDialog
        open={confirmReveal !== null}
        onOpenChange={(open) => {
          if (!open) setConfirmReveal(null);
        }}
        title={confirmReveal === 'mine' ? 'Show your last accepted solution?' : 'Show the editorial?'}
        description={
          revealCountsAsLapse
            ? 'This counts as a lapse: your review of this problem is rated Again and it comes back tomorrow. Try recalling it first; hints cost less.'
            : 'This attempt is practice, so your schedule does not change.'
        }
        confirmLabel={revealCountsAsLapse ? 'Show it (counts as a lapse)' : 'Show it'}
        danger={revealCountsAsLapse}
        onConfirm={() => {
          const what = confirmReveal ?? 'editorial';
          setConfirmReveal(null);
          void reveal(what);
        }}
      />
    </div>
  );
}

export function SaveIndicator({ draft }: { draft: TAutosave }) {
  const { state, savedAt, message, saveNow } = draft;
  const mounted = useMounted();
  const savedTitle = savedAt && mounted ? `Draft saved ${dateTime(savedAt)}` : undefined;
  return (
    <span className={`save-state save-state--${state}`} data-testid="save-state" data-state={state}>
      <span role="status" className="save-state__text" title={state === 'saved' ? savedTitle : (message ?? undefined)}>
        {state === 'idle' ? null : state === 'unsaved' || state === 'saving' ? (
          <>
            <Loader2 size={14} className="spin" aria-hidden="true" /> Saving…
          </>
        ) : state === 'saved' ? (
          <>
            <CloudCheck size={14} aria-hidden="true" /> Saved
          </>
        ) : state === 'offline' ? (
          <>
            <CloudOff size={14} aria-hidden="true" /> Offline: saves when you reconnect
          </>
        ) : state === 'superseded' ? (
          <>
            <CloudAlert size={14} aria-hidden="true" /> A newer draft is saved elsewhere
          </>
        ) : (
          <>
            <CloudAlert size={14} aria-hidden="true" /> Not saved
          </>
        )}
        {message && state !== 'saved' ? <span className="sr-only">: {message}</span> : null}
      </span>
      {state === 'error' || state === 'superseded' ? (
        <button type="button" className="link-button save-state__retry" onClick={saveNow}>
          {state === 'error' ? 'Retry' : 'Keep this one'}
        </button>
      ) : null}
    </span>
  );
}

function TestCases({
  page,
  customCases,
  errors,
  onChange,
}: {
  page: TProblemPage;
  customCases: string[];
  errors: (string | null)[];
  onChange: (cases: string[]) => void;
}) {
  const { problem } = page;
  return (
    <div className="cases">
      <p className="muted small" style={{ margin: 0 }}>
        Run checks the examples below and your own inputs; Submit checks every test, hidden ones included.
      </p>
      {problem.sampleTests.map((test, index) => (
        <div key={test.index} className="case">
          <div className="case__head">
            <strong>Example {index + 1}</strong>
            {customCases.length < MAX_CUSTOM_CASES ? (
              <button
                type="button"
                className="button button--ghost button--sm"
                onClick={() => onChange([...customCases, caseText(test.args)])}
              >
                <Plus size={14} aria-hidden="true" /> Copy as custom
              </button>
            ) : null}
          </div>
          <pre className="case__values">
            {test.args.map((value, argIndex) => `${problem.params[argIndex]?.name ?? `arg${argIndex}`} = ${formatValue(value)}`).join('\n')}
            {'\n'}
            <span className="muted">expected = {formatValue(test.expected)}</span>
          </pre>
        </div>
      ))}
      {customCases.map((text, index) => {
        const id = `custom-case-${index}`;
        return (
          <div key={index} className="case">
            <div className="case__head">
              <label htmlFor={id}>
                <strong>Custom input {index + 1}</strong>{' '}
                <span className="muted small">one JSON value per line: {problem.params.map((p) => p.name).join(', ')}</span>
              </label>
              <button
                type="button"
                className="button button--ghost button--sm"
                aria-label={`Remove custom input ${index + 1}`}
                onClick={() => onChange(customCases.filter((_, i) => i !== index))}
              >
                <Trash2 size={14} aria-hidden="true" />
              </button>
            </div>
            <textarea
              id={id}
              className="field__input"
              rows={Math.max(2, problem.params.length)}
              value={text}
              spellCheck={false}
              aria-invalid={errors[index] ? true : undefined}
              aria-describedby={errors[index] ? `${id}-error` : undefined}
              onChange={(event) => onChange(customCases.map((current, i) => (i === index ? event.target.value : current)))}
            />
            {errors[index] ? (
              <p id={`${id}-error`} className="field__error">
                {errors[index]}
              </p>
            ) : null}
          </div>
        );
      })}
      {customCases.length < MAX_CUSTOM_CASES ? (
        <div>
          <button type="button" className="button button--sm" onClick={() => onChange([...customCases, ''])}>
            <Plus size={14} aria-hidden="true" /> Add custom input
          </button>
        </div>
      ) : null}
    </div>
  );
}
