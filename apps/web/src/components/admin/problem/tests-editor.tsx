'use client';

import { ZAuthoredTests, type TAuthoredGenerator, type TAuthoredProblemInput } from '@prep/contracts';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { caseToRow, rowToCase, type TCaseRow } from '../../../lib/admin/problem-form';
import { CodeEditor } from '../../code-editor';
import { Field } from '../../ui/field';
import { NumberField, TextField } from './editor-fields';

export type TTestsDraft = { helpers: string; rows: TCaseRow[]; generators: TAuthoredGenerator[] };

/** The rows back to the contract's tests, or the first row that cannot be read. */
export function draftToTests(draft: TTestsDraft): { ok: true; tests: TAuthoredProblemInput['tests'] } | { ok: false; message: string } {
  const cases = [];
  for (const row of draft.rows) {
    const result = rowToCase(row);
    if (!result.ok) return result;
    cases.push(result.case);
  }
  return { ok: true, tests: { helpers: draft.helpers, cases, generators: draft.generators } };
}

/**
 * Fixed tests as a table (JSON cells, or TypeScript expressions for what JSON cannot write), the same as raw JSON,
 * seeded generators, and helpers. Every cell is data until the sandbox evaluates it.
 */
export function TestsEditor({
  draft,
  onChange,
  readOnly,
}: {
  draft: TTestsDraft;
  onChange: (draft: TTestsDraft) => void;
  readOnly: boolean;
}) {
  const [view, setView] = useState<'table' | 'json'>('table');
  const [raw, setRaw] = useState('');
  const [rawError, setRawError] = useState<string | null>(null);

  const setRow = (index: number, patch: Partial<TCaseRow>) =>
    onChange({ ...draft, rows: draft.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  const setGenerator = (index: number, patch: Partial<TAuthoredGenerator>) =>
    onChange({ ...draft, generators: draft.generators.map((g, i) => (i === index ? { ...g, ...patch } : g)) });

  function openJson() {
    const tests = draftToTests(draft);
    setRaw(JSON.stringify(tests.ok ? tests.tests : { helpers: draft.helpers, cases: [], generators: draft.generators }, null, 2));
    setRawError(tests.ok ? null : tests.message);
    setView('json');
  }

  function applyJson() {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      setRawError(`Not JSON: ${(error as Error).message}`);
      return;
    }
    const parsed = ZAuthoredTests.safeParse(value);
    if (!parsed.success) {
      setRawError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'tests'}: ${issue.message}`).join('; '));
      return;
    }
    onChange({ helpers: parsed.data.helpers, rows: parsed.data.cases.map(caseToRow), generators: parsed.data.generators });
    setRawError(null);
    setView('table');
  }

  return (
    <div className="stack stack--lg">
      <div className="row row--between">
        <div className="segmented" role="radiogroup" aria-label="Tests view">
          <button type="button" role="radio" aria-checked={view === 'table'} className="segmented__item" onClick={() => setView('table')}>
            Table
          </button>
          <button type="button" role="radio" aria-checked={view === 'json'} className="segmented__item" onClick={openJson}>
            Raw JSON
          </button>
        </div>
        <span className="muted small">
          Arguments are a JSON list, one entry per parameter. Leave “expected” empty to take the reference&apos;s answer.
        </span>
      </div>
      {view === 'json' ? (
        <div className="stack">
          <Field id="tests-json" label="Tests as JSON" error={rawError ?? undefined}>
            <textarea
              id="tests-json"
              className="field__input"
              rows={18}
              value={raw}
              readOnly={readOnly}
              aria-invalid={rawError ? true : undefined}
              onChange={(e) => setRaw(e.target.value)}
            />
          </Field>
          {readOnly ? null : (
            <div className="row">
              <button type="button" className="button button--primary button--sm" onClick={applyJson}>
                Apply JSON
              </button>
              <button type="button" className="button button--ghost button--sm" onClick={() => setView('table')}>
                Back to the table
              </button>
            </div>
          )}
        </div>
      ) : (
        <>
          <div className="table-wrap tests-table-wrap">
            <table className="table table--compact tests-table" data-testid="tests-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Sample</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Arguments</th>
                  <th scope="col">Expected</th>
                  <th scope="col">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.rows.map((row, index) => (
                  <tr key={index}>
                    <td>
                      <CellInput
                        label={`Name of test ${index + 1}`}
                        value={row.name}
                        readOnly={readOnly}
                        onChange={(name) => setRow(index, { name })}
                      />
                    </td>
                    <td className="center">
                      <input
                        type="checkbox"
                        aria-label={`Test ${index + 1} is a sample`}
                        checked={row.sample}
                        disabled={readOnly}
                        onChange={(e) => setRow(index, { sample: e.target.checked })}
                      />
                    </td>
                    <td>
                      <select
                        className="select select--sm"
                        aria-label={`Kind of test ${index + 1}`}
                        value={row.mode}
                        disabled={readOnly}
                        onChange={(e) => setRow(index, { mode: e.target.value as TCaseRow['mode'] })}
                      >
                        <option value="json">JSON</option>
                        <option value="code">TS expr</option>
                      </select>
                    </td>
                    <td>
                      <CellInput
                        label={`Arguments of test ${index + 1}`}
                        mono
                        value={row.args}
                        readOnly={readOnly}
                        onChange={(args) => setRow(index, { args })}
                      />
                    </td>
                    <td>
                      <CellInput
                        label={`Expected output of test ${index + 1}`}
                        mono
                        placeholder="from the reference"
                        value={row.expected}
                        readOnly={readOnly}
                        onChange={(expected) => setRow(index, { expected })}
                      />
                    </td>
                    <td>
                      {readOnly ? null : (
                        <button
                          type="button"
                          className="button button--ghost button--sm button--icon"
                          aria-label={`Remove test ${index + 1}`}
                          onClick={() => onChange({ ...draft, rows: draft.rows.filter((_, i) => i !== index) })}
                        >
                          <Trash2 size={14} aria-hidden="true" />
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {readOnly ? null : (
            <div className="row">
              <button
                type="button"
                className="button button--sm"
                onClick={() =>
                  onChange({
                    ...draft,
                    rows: [...draft.rows, { name: `test-${draft.rows.length + 1}`, sample: false, mode: 'json', args: '[]', expected: '' }],
                  })
                }
              >
                <Plus size={14} aria-hidden="true" /> Add a test
              </button>
            </div>
          )}
        </>
      )}
      <section className="stack" aria-labelledby="generators-title">
        <div className="row row--between">
          <h3 id="generators-title">Random tests</h3>
          {readOnly ? null : (
            <button
              type="button"
              className="button button--sm"
              onClick={() =>
                onChange({
                  ...draft,
                  generators: [
                    ...draft.generators,
                    {
                      name: `random-${draft.generators.length + 1}`,
                      count: 20,
                      seed: 1,
                      make: '(rng, i) => [Array.from({ length: 10 + i }, () => rng.int(-100, 100))]',
                    },
                  ],
                })
              }
            >
              <Plus size={14} aria-hidden="true" /> Add a generator
            </button>
          )}
        </div>
        <p className="muted small">
          Test <em>i</em> of a generator calls <code>make(rng, i)</code> with an rng seeded “seed:i”, so every run makes the same tests.
          Expected outputs come from the reference, in the sandbox.
        </p>
        {draft.generators.map((generator, index) => (
          <div key={index} className="generator card card--inset stack">
            <div className="field-row">
              <TextField
                id={`gen-${index}-name`}
                label="Name"
                value={generator.name}
                readOnly={readOnly}
                onChange={(name) => setGenerator(index, { name })}
              />
              <NumberField
                id={`gen-${index}-count`}
                label="Count"
                value={generator.count}
                readOnly={readOnly}
                onChange={(count) => setGenerator(index, { count })}
              />
              <NumberField
                id={`gen-${index}-seed`}
                label="Seed"
                value={generator.seed}
                readOnly={readOnly}
                onChange={(seed) => setGenerator(index, { seed })}
              />
              {readOnly ? null : (
                <button
                  type="button"
                  className="button button--ghost button--sm generator__remove"
                  onClick={() => onChange({ ...draft, generators: draft.generators.filter((_, i) => i !== index) })}
                >
                  <Trash2 size={14} aria-hidden="true" /> Remove
                </button>
              )}
            </div>
            <div className="code-field code-field--short">
              <CodeEditor
                label={`Generator ${generator.name}`}
                value={generator.make}
                readOnly={readOnly}
                onChange={(make) => setGenerator(index, { make })}
              />
            </div>
          </div>
        ))}
      </section>
      <section className="stack" aria-labelledby="helpers-title">
        <h3 id="helpers-title">Helpers</h3>
        <p className="muted small">
          TypeScript declarations the generators and computed cases may use. <code>Args</code> and <code>Rng</code> are provided.
        </p>
        <div className="code-field code-field--short">
          <CodeEditor
            label="Test helpers"
            value={draft.helpers}
            readOnly={readOnly}
            onChange={(helpers) => onChange({ ...draft, helpers })}
          />
        </div>
      </section>
    </div>
  );
}

/** A text input filling a cell of the tests table. */
function CellInput({
  label,
  mono = false,
  placeholder,
  value,
  readOnly,
  onChange,
}: {
  label: string;
  mono?: boolean;
  placeholder?: string;
  value: string;
  readOnly: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <input
      className={`field__input field__input--cell${mono ? ' field__input--mono' : ''}`}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      readOnly={readOnly}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
