'use client';

import { ZLabPage, type TLabPage, type TLabSubmissionView } from '@prep/contracts';
import { Cpu, History, Lightbulb, Loader2, Send } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { api } from '../../lib/api/browser';
import { refreshDueNow } from '../../lib/due-now-store';
import { capitalise } from '../../lib/format';
import { LAB_DEVICE_LABEL } from '../../lib/lab-format';
import { labStepIndex, type TLabProgress } from '../../lib/lab-progress';
import { CodeEditor } from '../code-editor';
import { Markdown } from '../markdown';
import { SaveIndicator } from '../problem/problem-workspace';
import { ResetCodeButton } from '../problem/reset-code-button';
import { ReviewBanner } from '../problem/review-banner';
import { StandingBadges, WorkspaceBackLink } from '../problem/workspace-title';
import { useAutosaveStatus } from '../problem/use-autosave';
import { Kbd, useAriaShortcut } from '../ui/kbd';
import { Tab, TabList, TabPanel, Tabs } from '../ui/tabs';
import { useToast } from '../ui/toast';
import { LabHistory } from './lab-history';
import { LabVerdict } from './lab-verdict';
import { useLabGrading } from './use-lab-grading';

/** Hints shown so far, per lab, kept in this browser so a reload does not hide them again. */
const hintsKey = (slug: string) => `prep:lab-hints:${slug}`;

/**
 * The lab page, laid out like the problem page: statement, background and my submissions on the left; the
 * Python editor and the grading console (live progress over SSE, then the verdict with every check and the
 * device it ran on) on the right.
 */
export function LabWorkspace({ page, fromReview }: { page: TLabPage; fromReview: boolean }) {
  const { lab } = page;
  const notify = useToast();
  const initialCode = page.draft?.code ?? lab.starter;
  const [code, setCode] = useState(initialCode);
  const draft = useAutosaveStatus(lab.slug, code, initialCode, page.draft?.savedAt ?? null, `/api/labs/${lab.slug}/draft`);
  const [standing, setStanding] = useState({ status: page.status, review: page.review });
  const [leftTab, setLeftTab] = useState('statement');
  const [historyVersion, setHistoryVersion] = useState(0);
  const [hintsShown, setHintsShown] = useState(0);
  const { progress, submit: send, dispatch } = useLabGrading(lab.slug);
  const sentId = useRef<string | null>(null);
  const submitShortcut = useAriaShortcut('Mod+Enter');

  const busy = progress.phase === 'sending' || progress.phase === 'queued' || progress.phase === 'running';
  const result = progress.result;

  useEffect(() => {
    const stored = Number(window.localStorage.getItem(hintsKey(lab.slug)) ?? 0);
    if (Number.isInteger(stored) && stored > 0) setHintsShown(Math.min(stored, lab.hints.length));
  }, [lab.slug, lab.hints.length]);

  const refreshStanding = useCallback(async () => {
    const latest = await api.get(`/api/labs/${lab.slug}`, ZLabPage);
    if (latest.ok) setStanding({ status: latest.data.status, review: latest.data.review });
    void refreshDueNow();
  }, [lab.slug]);

  useEffect(() => {
    // Only a verdict that just arrived changes the history and the schedule; opening an old one changes nothing.
    if (progress.phase === 'done' && result && result.id === sentId.current) {
      setHistoryVersion((version) => version + 1);
      void refreshStanding();
    }
    if (progress.phase === 'failed' && progress.error) notify({ tone: 'danger', title: 'Not sent', description: progress.error });
  }, [progress.phase, progress.error, result, notify, refreshStanding]);

  async function submit() {
    if (busy) return;
    sentId.current = await send(code);
  }

  function showHint() {
    const next = Math.min(hintsShown + 1, lab.hints.length);
    setHintsShown(next);
    window.localStorage.setItem(hintsKey(lab.slug), String(next));
  }

  function openSubmission(submission: TLabSubmissionView) {
    dispatch({ type: 'show', result: submission });
  }

  useShortcuts({ 'Mod+Enter': () => void submit() });

  const decided = result?.outcome ?? null;

  return (
    <div className="workspace lab-workspace">
      <div className="workspace__bar">
        <div className="workspace__title">
          <WorkspaceBackLink fromReview={fromReview} href="/labs" label="All labs" />
          <h1>{lab.title}</h1>
          <span className={`badge badge--${lab.difficulty}`}>{capitalise(lab.difficulty)}</span>
          <span className="badge" title="Where this lab is graded" data-testid="lab-device-badge">
            <Cpu size={13} aria-hidden="true" /> {LAB_DEVICE_LABEL[lab.device]}
          </span>
          <StandingBadges status={standing.status} review={standing.review} statusTestId="lab-status" />
        </div>
        <div className="workspace__actions">
          <SaveIndicator draft={draft} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => void submit()}
            disabled={busy}
            aria-keyshortcuts={submitShortcut}
          >
            {busy ? <Loader2 size={15} className="spin" aria-hidden="true" /> : <Send size={15} aria-hidden="true" />} Submit{' '}
            <Kbd shortcut="Mod+Enter" />
          </button>
        </div>
      </div>

      {fromReview || standing.status === 'due' ? (
        <ReviewBanner decided={decided !== null} fromReview={fromReview}>
          This lab is due for review: solve it again from memory. Your first accepted submission rates it (Hard if one failed first).
        </ReviewBanner>
      ) : null}

      <div className="workspace__panes">
        <section className="pane pane--left" aria-label="Lab">
          <Tabs value={leftTab} onValueChange={setLeftTab}>
            <TabList label="Lab">
              <Tab value="statement">Statement</Tab>
              <Tab value="background">Background</Tab>
              <Tab value="submissions">
                <History size={14} aria-hidden="true" /> Submissions
              </Tab>
            </TabList>
            <TabPanel value="statement" className="pane__body">
              <div className="statement" data-testid="lab-statement">
                <Markdown>{lab.statement}</Markdown>
                <section className="statement__signature">
                  <h3>What to write</h3>
                  <Markdown>{'```python\n' + lab.entry.map((entry) => entry.signature).join('\n') + '\n```'}</Markdown>
                  <p className="muted small">
                    Graded on{' '}
                    {lab.device === 'gpu' ? 'a GPU' : lab.device === 'cpu' ? 'a CPU' : 'a GPU when one is free, otherwise on a CPU'}, in a
                    sandbox without network. Limits: {lab.limits.wallSec} s in all, {lab.limits.callSec} s per call,{' '}
                    {lab.limits.memoryMb >= 1024 ? `${lab.limits.memoryMb / 1024} GiB` : `${lab.limits.memoryMb} MiB`} of memory.
                  </p>
                </section>
                {lab.hints.length > 0 ? (
                  <section aria-labelledby="hints-title" className="hints">
                    <h3 id="hints-title">
                      Hints{' '}
                      <span className="muted small">
                        ({hintsShown} of {lab.hints.length})
                      </span>
                    </h3>
                    <ol className="hints__list">
                      {lab.hints.slice(0, hintsShown).map((hint, index) => (
                        <li key={index} className="hint" data-testid="hint">
                          <Markdown>{hint}</Markdown>
                        </li>
                      ))}
                    </ol>
                    {hintsShown < lab.hints.length ? (
                      <button type="button" className="button button--sm" onClick={showHint}>
                        <Lightbulb size={15} aria-hidden="true" /> Show hint {hintsShown + 1}
                      </button>
                    ) : null}
                  </section>
                ) : null}
                <div className="row statement__tags">
                  {lab.tags.map((tag) => (
                    <span key={tag} className="badge">
                      {tag}
                    </span>
                  ))}
                </div>
              </div>
            </TabPanel>
            <TabPanel value="background" className="pane__body">
              <div className="statement" data-testid="lab-background">
                <Markdown>{lab.background}</Markdown>
              </div>
            </TabPanel>
            <TabPanel value="submissions" className="pane__body">
              <LabHistory slug={lab.slug} version={historyVersion} onOpen={openSubmission} />
            </TabPanel>
          </Tabs>
        </section>

        <section className="pane pane--right" aria-label="Your solution">
          <div className="editor-bar">
            <span className="small muted">solution.py · Python with PyTorch</span>
            <ResetCodeButton onConfirm={() => setCode(lab.starter)} />
          </div>
          <div className="editor-host" data-testid="editor">
            <CodeEditor
              value={code}
              onChange={setCode}
              language="python"
              onSubmit={() => void submit()}
              label={`Solution for ${lab.title}`}
            />
          </div>
          <section className="lab-console" aria-labelledby="lab-result-title">
            <h2 className="lab-console__head" id="lab-result-title">
              Result
            </h2>
            <div className="console__body" aria-live="polite">
              {progress.phase === 'idle' ? (
                <p className="muted">
                  Submit your solution (<Kbd shortcut="Mod+Enter" />) to have every check run on a grading worker. Labs take a while: the
                  progress shows here.
                </p>
              ) : null}
              {progress.phase === 'failed' ? <p className="form-alert">{progress.error}</p> : null}
              {busy ? <LabLiveProgress progress={progress} device={lab.device} /> : null}
              {progress.phase === 'done' && result ? (
                <div className="stack">
                  <LabVerdict
                    key={result.id}
                    result={result}
                    slug={lab.slug}
                    fromReview={fromReview}
                    onRatingChanged={() => void refreshStanding()}
                  />
                  {result.code !== code ? (
                    <div>
                      <button type="button" className="button button--ghost button--sm" onClick={() => setCode(result.code)}>
                        Load this submission&apos;s code
                      </button>
                    </div>
                  ) : null}
                </div>
              ) : null}
            </div>
          </section>
        </section>
      </div>
    </div>
  );
}

/** Sent → waiting for a free slot → running on a CPU or GPU → done, as the worker reports it. */
function LabLiveProgress({ progress, device }: { progress: TLabProgress; device: TLabPage['lab']['device'] }) {
  const step = labStepIndex(progress);
  const where = progress.device === 'gpu' ? 'GPU' : progress.device === 'cpu' ? 'CPU' : 'a worker';
  const steps = [
    progress.phase === 'sending' ? 'Sending' : `Waiting for a free ${device === 'gpu' ? 'GPU' : 'grading'} slot`,
    `Running on ${where}`,
    'Verdict',
  ];
  return (
    <div className="live" data-testid="lab-progress" data-phase={progress.phase}>
      <p className="live__line">
        <Loader2 size={16} className="spin" aria-hidden="true" />
        {progress.phase === 'sending'
          ? 'Sending…'
          : progress.phase === 'queued'
            ? steps[0] + '…'
            : `Running on ${where}${progress.attempt > 1 ? ` (attempt ${progress.attempt}: a worker was lost, grading began again)` : ''}…`}
      </p>
      <ol className="lab-steps">
        {steps.map((label, index) => (
          <li key={label} className={`lab-step ${index < step ? 'is-done' : index === step ? 'is-current' : ''}`}>
            {label}
          </li>
        ))}
      </ol>
    </div>
  );
}
