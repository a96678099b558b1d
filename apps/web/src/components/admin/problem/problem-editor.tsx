'use client';

import {
  ZAdminProblem,
  ZProblemCheckReport,
  ZProblemCheckStatus,
  ZWrongVerdict,
  type TAdminProblem,
  type TAuthoredProblem,
  type TProblemCheckStatus,
  type TProblemVersionSummary,
} from '@prep/contracts';
import { Archive, ArrowLeft, Plus, Save, Send, ShieldCheck, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { api, apiRequest } from '../../../lib/api/browser';
import { canonicalJson, caseToRow, validateSource, type TSourceIssue } from '../../../lib/admin/problem-form';
import { parseTags, slugify } from '../../../lib/admin/text';
import { capitalise, VERDICT_LABEL } from '../../../lib/format';
import { CodeEditor } from '../../code-editor';
import { Markdown } from '../../markdown';
import { ConfirmDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
import { AdminPageHead } from '../admin-page-head';
import { ForkProblemButton } from '../problem-fork';
import { SourceBadge, StatusBadge } from '../status-badge';
import { useAdminCall } from '../use-admin-call';
import { CheckReport, CheckStateBadge, FailureList } from './check-report';
import { NumberField, TextField } from './editor-fields';
import { ProblemHistory } from './problem-history';
import { draftToTests, TestsEditor, type TTestsDraft } from './tests-editor';

type TMode = 'new' | 'edit' | 'view';
type TRefusal = { reason: string; report: z.infer<typeof ZProblemCheckReport> | null; message: string };

const REFUSAL_TEXT: Record<string, string> = {
  no_draft: 'There is no draft to publish.',
  not_checked: 'The current draft has not been checked yet (or its check is still running). Run Check first.',
  check_failed: 'The last check of this exact draft failed:',
  builtin_read_only: 'Built-in problems cannot be published here: fork it.',
};

const ZRefusalDetails = z.object({ reason: z.string(), report: ZProblemCheckReport.optional() }).partial();

function testsDraftOf(source: TAuthoredProblem): TTestsDraft {
  return { helpers: source.tests.helpers, rows: source.tests.cases.map(caseToRow), generators: source.tests.generators };
}

/**
 * The whole authored problem in tabs (statement, code, tests, judging, hints and editorial, wrong solutions, history),
 * with the check report beside it. Saving writes the draft only; learners see a change once it passed its check and
 * was published.
 */
export function ProblemEditor({
  mode,
  initial,
  problem,
  versions = [],
}: {
  mode: TMode;
  initial: TAuthoredProblem;
  problem?: TAdminProblem;
  versions?: TProblemVersionSummary[];
}) {
  const readOnly = mode === 'view';
  const [source, setSource] = useState<TAuthoredProblem>(initial);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [tests, setTests] = useState<TTestsDraft>(() => testsDraftOf(initial));
  const [tab, setTab] = useState('statement');
  const [issues, setIssues] = useState<TSourceIssue[]>([]);
  const [refusal, setRefusal] = useState<TRefusal | null>(null);
  // The draft's check, or (with no draft) the check the published version passed.
  const [check, setCheck] = useState<TProblemCheckStatus | null>(problem?.draft?.checkStatus ?? problem?.published?.checkStatus ?? null);
  const [slugEdited, setSlugEdited] = useState(mode !== 'new');
  const { pending, call, router, notify } = useAdminCall();
  // A newer problem from the server (after a save, check, publish or restore) replaces what the editor holds, without
  // starting the component again: an open dialog, the tab and a refusal being read stay.
  const serverState = `${canonicalJson(initial)}|${problem?.draft?.updatedAt ?? ''}|${problem?.published?.updatedAt ?? ''}`;
  const [seen, setSeen] = useState(serverState);
  if (seen !== serverState) {
    setSeen(serverState);
    setSource(initial);
    setTags(initial.tags.join(', '));
    setTests(testsDraftOf(initial));
    setCheck(problem?.draft?.checkStatus ?? problem?.published?.checkStatus ?? null);
  }
  const set = <K extends keyof TAuthoredProblem>(key: K, value: TAuthoredProblem[K]) =>
    setSource((current) => ({ ...current, [key]: value }));

  const built = useMemo(() => {
    const testsResult = draftToTests(tests);
    return {
      ...source,
      tags: parseTags(tags),
      tests: testsResult.ok ? testsResult.tests : source.tests,
      testsError: testsResult.ok ? null : testsResult.message,
    };
  }, [source, tags, tests]);
  const dirty = mode === 'new' || canonicalJson({ ...built, testsError: undefined }) !== canonicalJson(initial);

  // While a check is queued or running, ask where it stands every second; the report appears when it is done.
  const checkState = check?.state;
  useEffect(() => {
    if (checkState !== 'queued' || !problem) return;
    const timer = window.setInterval(async () => {
      const result = await api.get(`/api/admin/problems/${problem.problem.slug}/check`, ZProblemCheckStatus);
      if (!result.ok) return;
      setCheck(result.data);
      if (result.data.state !== 'queued') router.refresh();
    }, 1000);
    return () => window.clearInterval(timer);
  }, [checkState, problem, router]);

  function validated(): TAuthoredProblem | null {
    const { testsError, ...input } = built;
    if (testsError) {
      setIssues([{ tab: 'tests', path: 'tests', message: testsError }]);
      setTab('tests');
      return null;
    }
    const result = validateSource(input);
    if (!result.ok) {
      setIssues(result.issues);
      setTab(result.issues[0]!.tab);
      return null;
    }
    setIssues([]);
    return result.source;
  }

  /**
   * Writes the draft. `refresh: false` when a check follows: the page is re-read once the check is done (a re-read now
   * would start the editor again from the server and lose the check this component is about to follow).
   */
  async function save({ refresh = true }: { refresh?: boolean } = {}): Promise<boolean> {
    const valid = validated();
    if (!valid) return false;
    setRefusal(null);
    if (mode === 'new') {
      const result = await call(
        () => api.post('/api/admin/problems', ZAdminProblem, { problem: valid }),
        { success: 'Draft created', failure: 'Could not create the problem' },
        { refresh: false },
      );
      if (result.ok) router.push(`/admin/problems/${result.data.problem.slug}`);
      return result.ok;
    }
    const result = await call(
      () => apiRequest('PUT', `/api/admin/problems/${valid.slug}/draft`, ZAdminProblem, { problem: valid }),
      {
        success:
          problem?.problem.status === 'published' ? 'Draft saved: learners keep the published version until you publish' : 'Draft saved',
        failure: 'Could not save the draft',
      },
      { refresh },
    );
    if (result.ok) setCheck(result.data.draft?.checkStatus ?? null);
    return result.ok;
  }

  async function runCheck() {
    setRefusal(null);
    if (dirty && !(await save({ refresh: false }))) return;
    const result = await call(
      () => api.post(`/api/admin/problems/${source.slug}/check`, ZProblemCheckStatus),
      { failure: 'Could not start the check' },
      { refresh: false },
    );
    if (!result.ok) return;
    setCheck(result.data);
    // Already checked (the same source passed or failed before): nothing to follow, show the page as it now is.
    if (result.data.state !== 'queued') router.refresh();
  }

  async function publish() {
    setRefusal(null);
    const result = await apiRequest('POST', `/api/admin/problems/${source.slug}/publish`, ZAdminProblem, {});
    if (result.ok) {
      notify({ tone: 'success', title: 'Published: learners see this version now' });
      router.refresh();
      return;
    }
    const details = ZRefusalDetails.safeParse(result.details);
    const reason = details.success ? (details.data.reason ?? result.code) : result.code;
    setRefusal({ reason, report: details.success ? (details.data.report ?? null) : null, message: result.message });
    notify({ tone: 'danger', title: 'Publishing was refused', description: result.message });
  }

  const tabIssues = (name: string) => issues.filter((issue) => issue.tab === name).length;
  const status = problem?.problem.status;

  return (
    <div className="stack stack--lg">
      <Link href="/admin/problems" className="back-link">
        <ArrowLeft size={15} aria-hidden="true" /> Problems
      </Link>
      <AdminPageHead
        title={mode === 'new' ? 'New problem' : source.title}
        lead={
          problem ? (
            <span className="row">
              <SourceBadge source={problem.problem.source} />
              <StatusBadge status={problem.problem.status} />
              {problem.draft && status === 'published' ? <span className="badge badge--warning">Unpublished edits</span> : null}
              <code className="small">
                {problem.problem.slug} · v{problem.problem.version}
              </code>
              {problem.problem.forkedFrom ? <span className="small">· forked from {problem.problem.forkedFrom}</span> : null}
            </span>
          ) : (
            'A draft until it passes its check and you publish it.'
          )
        }
        actions={
          readOnly ? (
            <ForkProblemButton slug={source.slug} title={source.title} />
          ) : (
            <>
              {status === 'published' && !dirty ? (
                <ConfirmDialog
                  title="Archive this problem?"
                  description="Learners no longer see it; their progress and submissions are kept. Publishing again brings it back."
                  confirmLabel="Archive"
                  onConfirm={() =>
                    void call(() => api.post(`/api/admin/problems/${source.slug}/archive`, ZAdminProblem), {
                      success: 'Problem archived',
                      failure: 'Could not archive',
                    })
                  }
                  trigger={
                    <button type="button" className="button button--ghost" disabled={pending}>
                      <Archive size={16} aria-hidden="true" /> Archive
                    </button>
                  }
                />
              ) : null}
              <button type="button" className="button" disabled={pending || !dirty} onClick={() => void save()}>
                <Save size={16} aria-hidden="true" /> {mode === 'new' ? 'Create draft' : 'Save draft'}
              </button>
              {mode === 'edit' ? (
                <>
                  <button type="button" className="button" disabled={pending || check?.state === 'queued'} onClick={() => void runCheck()}>
                    <ShieldCheck size={16} aria-hidden="true" /> {dirty ? 'Save and check' : 'Check'}
                  </button>
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={pending || dirty || !problem?.draft}
                    onClick={() => void publish()}
                  >
                    <Send size={16} aria-hidden="true" /> Publish
                  </button>
                </>
              ) : null}
            </>
          )
        }
      />
      {readOnly ? (
        <p className="banner banner--info" role="note">
          Built-in problems come from packages/problems and are read-only here. Fork this one to make an editable copy.
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div className="form-alert" role="alert" data-testid="source-issues">
          <strong>Fix these before saving:</strong>
          <ul>
            {issues.slice(0, 8).map((issue, index) => (
              <li key={index}>
                <button type="button" className="link-button" onClick={() => setTab(issue.tab)}>
                  <code>{issue.path || 'problem'}</code>
                </button>{' '}
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className={mode === 'edit' ? 'problem-editor' : 'problem-editor problem-editor--single'}>
        <Tabs value={tab} onValueChange={setTab} className="problem-editor__tabs">
          <TabList label="Problem parts">
            {(
              [
                ['statement', 'Statement'],
                ['code', 'Code'],
                ['tests', 'Tests'],
                ['judging', 'Judging'],
                ['hints', 'Hints & editorial'],
                ['wrong', 'Wrong solutions'],
                ...(mode === 'new' ? [] : [['history', 'History']]),
              ] as [string, string][]
            ).map(([value, label]) => (
              <Tab key={value} value={value}>
                {label}
                {tabIssues(value) ? <span className="badge badge--danger tab-count">{tabIssues(value)}</span> : null}
              </Tab>
            ))}
          </TabList>
          <TabPanel value="statement" className="stack">
            <div className="field-row">
              <Field id="p-title" label="Title">
                <input
                  id="p-title"
                  className="field__input"
                  value={source.title}
                  readOnly={readOnly}
                  onChange={(e) => {
                    const title = e.target.value;
                    setSource((current) => ({ ...current, title, ...(slugEdited ? {} : { slug: slugify(title) }) }));
                  }}
                />
              </Field>
              <Field id="p-slug" label="Slug" hint={mode === 'new' ? 'Its address and key; it cannot change later.' : undefined}>
                <input
                  id="p-slug"
                  className="field__input"
                  value={source.slug}
                  readOnly={mode !== 'new'}
                  onChange={(e) => {
                    setSlugEdited(true);
                    set('slug', e.target.value);
                  }}
                />
              </Field>
            </div>
            <div className="field-row">
              <Field id="p-difficulty" label="Difficulty">
                <select
                  id="p-difficulty"
                  className="select"
                  value={source.difficulty}
                  disabled={readOnly}
                  onChange={(e) => set('difficulty', e.target.value as TAuthoredProblem['difficulty'])}
                >
                  {(['easy', 'medium', 'hard'] as const).map((d) => (
                    <option key={d} value={d}>
                      {capitalise(d)}
                    </option>
                  ))}
                </select>
              </Field>
              <TextField
                id="p-tags"
                label="Tags"
                hint="Separated by commas or spaces."
                value={tags}
                readOnly={readOnly}
                onChange={setTags}
              />
              <Field id="p-minutes" label="Expected minutes" hint="Empty: by difficulty.">
                <input
                  id="p-minutes"
                  type="number"
                  className="field__input"
                  value={source.expectedMinutes ?? ''}
                  readOnly={readOnly}
                  onChange={(e) => set('expectedMinutes', e.target.value === '' ? undefined : e.target.valueAsNumber)}
                />
              </Field>
            </div>
            <MarkdownField
              id="p-statement"
              label="Statement"
              value={source.statement}
              readOnly={readOnly}
              onChange={(v) => set('statement', v)}
              rows={16}
            />
          </TabPanel>
          <TabPanel value="code" className="stack">
            <div className="field-row">
              <TextField
                id="p-function"
                label="Function name"
                mono
                value={source.functionName}
                readOnly={readOnly}
                onChange={(v) => set('functionName', v)}
              />
              <TextField
                id="p-signature"
                label="Signature"
                hint="A TypeScript declaration without a body."
                mono
                value={source.signature}
                readOnly={readOnly}
                onChange={(v) => set('signature', v)}
              />
            </div>
            <CodeField
              label="Starter"
              hint="What learners start from. It must not pass the tests."
              value={source.starter}
              readOnly={readOnly}
              onChange={(v) => set('starter', v)}
            />
            <CodeField
              label="Reference solution"
              hint="Runs only in the grader's sandbox: it makes the expected outputs and must be accepted."
              value={source.reference}
              readOnly={readOnly}
              onChange={(v) => set('reference', v)}
            />
          </TabPanel>
          <TabPanel value="tests">
            <TestsEditor draft={tests} onChange={setTests} readOnly={readOnly} />
          </TabPanel>
          <TabPanel value="judging" className="stack">
            <JudgingFields source={source} readOnly={readOnly} onChange={setSource} />
          </TabPanel>
          <TabPanel value="hints" className="stack">
            <h3>Hints</h3>
            <p className="muted small">Shown one at a time, when the learner asks; using one lowers the rating of the attempt.</p>
            {source.hints.map((hint, index) => (
              <div key={index} className="hint-edit">
                <Field id={`p-hint-${index}`} label={`Hint ${index + 1}`}>
                  <textarea
                    id={`p-hint-${index}`}
                    className="field__input field__input--prose"
                    rows={2}
                    value={hint}
                    readOnly={readOnly}
                    onChange={(e) =>
                      set(
                        'hints',
                        source.hints.map((h, i) => (i === index ? e.target.value : h)),
                      )
                    }
                  />
                </Field>
                {readOnly || source.hints.length === 1 ? null : (
                  <button
                    type="button"
                    className="button button--ghost button--sm button--icon"
                    aria-label={`Remove hint ${index + 1}`}
                    onClick={() =>
                      set(
                        'hints',
                        source.hints.filter((_, i) => i !== index),
                      )
                    }
                  >
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                )}
              </div>
            ))}
            {readOnly ? null : (
              <div className="row">
                <button type="button" className="button button--sm" onClick={() => set('hints', [...source.hints, ''])}>
                  <Plus size={14} aria-hidden="true" /> Add a hint
                </button>
              </div>
            )}
            <MarkdownField
              id="p-editorial"
              label="Editorial"
              value={source.editorial}
              readOnly={readOnly}
              onChange={(v) => set('editorial', v)}
              rows={12}
            />
          </TabPanel>
          <TabPanel value="wrong" className="stack">
            <p className="muted small">
              Known wrong solutions and the verdict each must get. The check fails if one is accepted, so the tests keep catching these
              mistakes.
            </p>
            {source.wrongSolutions.map((wrong, index) => (
              <div key={index} className="card card--inset stack">
                <div className="field-row">
                  <Field id={`p-wrong-${index}-name`} label="Name">
                    <input
                      id={`p-wrong-${index}-name`}
                      className="field__input"
                      value={wrong.name}
                      readOnly={readOnly}
                      onChange={(e) =>
                        set(
                          'wrongSolutions',
                          source.wrongSolutions.map((w, i) => (i === index ? { ...w, name: e.target.value } : w)),
                        )
                      }
                    />
                  </Field>
                  <Field id={`p-wrong-${index}-expect`} label="Expected verdict">
                    <select
                      id={`p-wrong-${index}-expect`}
                      className="select"
                      value={wrong.expect}
                      disabled={readOnly}
                      onChange={(e) =>
                        set(
                          'wrongSolutions',
                          source.wrongSolutions.map((w, i) => (i === index ? { ...w, expect: e.target.value as typeof wrong.expect } : w)),
                        )
                      }
                    >
                      {ZWrongVerdict.options.map((verdict) => (
                        <option key={verdict} value={verdict}>
                          {VERDICT_LABEL[verdict] ?? verdict}
                        </option>
                      ))}
                    </select>
                  </Field>
                  {readOnly ? null : (
                    <button
                      type="button"
                      className="button button--ghost button--sm generator__remove"
                      onClick={() =>
                        set(
                          'wrongSolutions',
                          source.wrongSolutions.filter((_, i) => i !== index),
                        )
                      }
                    >
                      <Trash2 size={14} aria-hidden="true" /> Remove
                    </button>
                  )}
                </div>
                <div className="code-field code-field--short">
                  <CodeEditor
                    label={`Wrong solution ${wrong.name}`}
                    value={wrong.code}
                    readOnly={readOnly}
                    onChange={(code) =>
                      set(
                        'wrongSolutions',
                        source.wrongSolutions.map((w, i) => (i === index ? { ...w, code } : w)),
                      )
                    }
                  />
                </div>
              </div>
            ))}
            {readOnly ? null : (
              <div className="row">
                <button
                  type="button"
                  className="button button--sm"
                  onClick={() =>
                    set('wrongSolutions', [
                      ...source.wrongSolutions,
                      { name: `wrong-${source.wrongSolutions.length + 1}`, expect: 'wrong_answer', code: source.starter },
                    ])
                  }
                >
                  <Plus size={14} aria-hidden="true" /> Add a wrong solution
                </button>
              </div>
            )}
          </TabPanel>
          {mode === 'new' ? null : (
            <TabPanel value="history">
              <ProblemHistory slug={source.slug} versions={versions} readOnly={readOnly} />
            </TabPanel>
          )}
        </Tabs>
        {mode !== 'edit' ? null : (
          <aside className="problem-editor__side stack" aria-label="Check and publish">
            {refusal ? (
              <section className="card stack refusal" role="alert" data-testid="publish-refusal">
                <h2 className="card__title">Publishing was refused</h2>
                <p>{REFUSAL_TEXT[refusal.reason] ?? refusal.message}</p>
                {refusal.report ? <FailureList failures={refusal.report.failures} /> : null}
              </section>
            ) : null}
            <CheckPanel check={check} readOnly={readOnly} dirty={dirty} />
          </aside>
        )}
      </div>
    </div>
  );
}

function CheckPanel({ check, readOnly, dirty }: { check: TProblemCheckStatus | null; readOnly: boolean; dirty: boolean }) {
  return (
    <section className="card stack" aria-labelledby="check-title" data-testid="check-panel">
      <div className="row row--between">
        <h2 id="check-title" className="card__title">
          Check
        </h2>
        {check ? <CheckStateBadge state={dirty && check.state !== 'queued' ? 'stale' : check.state} /> : null}
      </div>
      {readOnly ? (
        <p className="muted small">Built-in problems are checked by the repository&apos;s own tests.</p>
      ) : !check ? (
        <p className="muted small">Save a draft, then Check runs it in the grader&apos;s sandbox.</p>
      ) : null}
      {check?.state === 'queued' ? (
        <p className="check-running">
          <span className="spinner" aria-hidden="true" /> Running the reference, the starter and every wrong solution in the sandbox…
        </p>
      ) : null}
      {check?.report ? <CheckReport report={check.report} checkedAt={check.checkedAt} /> : null}
      {!readOnly ? (
        <p className="muted small check-explain">
          Publishing needs a passing check of the exact draft: the reference accepted and within half of each time limit, the starter not
          accepted, every wrong solution caught.
        </p>
      ) : null}
    </section>
  );
}

function MarkdownField({
  id,
  label,
  value,
  onChange,
  readOnly,
  rows,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  rows: number;
}) {
  return (
    <div className="markdown-field">
      <Field id={id} label={label} hint="Markdown with $math$ and code fences; the preview is what learners see.">
        <textarea
          id={id}
          className="field__input markdown-input"
          rows={rows}
          value={value}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
      <div className="markdown-preview" aria-label={`${label} preview`}>
        <span className="markdown-preview__label">Preview</span>
        <Markdown>{value || '*Nothing yet.*'}</Markdown>
      </div>
    </div>
  );
}

function CodeField({
  label,
  hint,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  readOnly: boolean;
}) {
  return (
    <div className="field">
      <span className="field__label">{label}</span>
      <div className="code-field">
        <CodeEditor label={label} value={value} readOnly={readOnly} onChange={onChange} />
      </div>
      <p className="field__hint">{hint}</p>
    </div>
  );
}

const LIMIT_FIELDS: readonly (readonly [keyof TAuthoredProblem['limits'], string, string])[] = [
  ['timeMsPerTest', 'p-time-test', 'Time per test (ms)'],
  ['timeMsTotal', 'p-time-total', 'Time in all (ms)'],
  ['memoryMb', 'p-memory', 'Memory (MB)'],
];

function JudgingFields({
  source,
  readOnly,
  onChange,
}: {
  source: TAuthoredProblem;
  readOnly: boolean;
  onChange: (update: (current: TAuthoredProblem) => TAuthoredProblem) => void;
}) {
  const judge = source.judge;
  const setJudge = (patch: Partial<TAuthoredProblem['judge']>) =>
    onChange((current) => ({ ...current, judge: { ...current.judge, ...patch } }));
  const setLimit = (key: keyof TAuthoredProblem['limits'], value: number) =>
    onChange((current) => ({ ...current, limits: { ...current.limits, [key]: value } }));
  return (
    <>
      <h3>Comparing answers</h3>
      <div className="field-row">
        <Field id="p-compare" label="Comparator">
          <select
            id="p-compare"
            className="select"
            value={judge.compare}
            disabled={readOnly}
            onChange={(e) => {
              const compare = e.target.value as TAuthoredProblem['judge']['compare'];
              setJudge(
                compare === 'float'
                  ? { compare, tolerance: judge.tolerance ?? { abs: 1e-6, rel: 1e-6 } }
                  : { compare, tolerance: undefined },
              );
            }}
          >
            <option value="exact">Exact (deep equality)</option>
            <option value="unordered">Unordered list</option>
            <option value="unordered-deep">Unordered list of unordered lists</option>
            <option value="float">Numbers within a tolerance</option>
          </select>
        </Field>
        {judge.compare === 'float' ? (
          <>
            <NumberField
              id="p-abs"
              label="Absolute tolerance"
              step="any"
              value={judge.tolerance?.abs ?? 0}
              readOnly={readOnly}
              onChange={(value) => setJudge({ tolerance: { abs: value, rel: judge.tolerance?.rel ?? 0 } })}
            />
            <NumberField
              id="p-rel"
              label="Relative tolerance"
              step="any"
              value={judge.tolerance?.rel ?? 0}
              readOnly={readOnly}
              onChange={(value) => setJudge({ tolerance: { rel: value, abs: judge.tolerance?.abs ?? 0 } })}
            />
          </>
        ) : null}
        <Field id="p-output" label="The answer is" hint="For in-place problems, the argument the function changes (0 = first).">
          <select
            id="p-output"
            className="select"
            value={judge.output === 'return' ? 'return' : String(judge.output.mutatedArg)}
            disabled={readOnly}
            onChange={(e) => setJudge({ output: e.target.value === 'return' ? 'return' : { mutatedArg: Number(e.target.value) } })}
          >
            <option value="return">The return value</option>
            {[0, 1, 2, 3].map((i) => (
              <option key={i} value={String(i)}>
                Argument {i} after the call
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h3>Limits</h3>
      <div className="field-row">
        {LIMIT_FIELDS.map(([key, id, label]) => (
          <NumberField
            key={key}
            id={id}
            label={label}
            value={source.limits[key]}
            readOnly={readOnly}
            onChange={(value) => setLimit(key, value)}
          />
        ))}
      </div>
    </>
  );
}
