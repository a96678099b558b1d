'use client';

import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter } from '@codemirror/lint';
import { Prec, StateEffect } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef } from 'react';
import { toEditorDiagnostics, type TCompileDiagnostic } from '../lib/editor-diagnostics';

/** Colours from the design tokens, so the editor follows the light/dark theme without a second theme object. */
const tokenTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--code-text)', fontSize: '0.88rem', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--accent)', padding: '0.6rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent) !important',
  },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 6%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 10%, transparent)', color: 'var(--text)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 22%, transparent)',
    outline: '1px solid color-mix(in srgb, var(--accent) 50%, transparent)',
  },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--warning) 30%, transparent)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)', borderColor: 'var(--border)' },
  '.cm-panels input, .cm-panels button': { fontFamily: 'var(--font)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--danger)',
    textUnderlineOffset: '3px',
  },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--surface-3)', border: 'none', color: 'var(--muted)' },
});

const tokenHighlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.modifier, tags.definitionKeyword], color: 'var(--hl-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--hl-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--hl-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--hl-function)' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--hl-type)' },
  { tag: [tags.variableName, tags.propertyName], color: 'var(--hl-variable)' },
  { tag: [tags.punctuation, tags.bracket, tags.operator], color: 'var(--hl-punct)' },
]);

/** Asks the lint source to look at new compile errors (a linter otherwise runs only after edits). */
const refreshDiagnostics = StateEffect.define<null>();

// One object for the life of the page: a new one on each render would make the wrapper reconfigure the editor.
const BASIC_SETUP = {
  foldGutter: true,
  highlightActiveLine: true,
  bracketMatching: true,
  closeBrackets: true,
  autocompletion: true,
  searchKeymap: true,
  tabSize: 2,
} as const;

export type TCodeEditorProps = {
  value: string;
  onChange: (value: string) => void;
  language?: 'typescript' | 'python';
  /** Compile errors of `code`, marked at their line and column while the editor still holds that code. */
  diagnostics?: { code: string; errors: readonly TCompileDiagnostic[] } | null;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Ctrl/Cmd+' (run the samples). */
  onRun?: () => void;
  label: string;
  readOnly?: boolean;
};

/**
 * CodeMirror 6 with TypeScript (or Python), bracket matching, indentation, search (Ctrl/Cmd+F), folding and the
 * usual keys from basicSetup; compile errors appear as lint diagnostics. All bundled: nothing loads from elsewhere.
 */
export function CodeEditor({
  value,
  onChange,
  language = 'typescript',
  diagnostics,
  onSubmit,
  onRun,
  label,
  readOnly = false,
}: TCodeEditorProps) {
  const ref = useRef<ReactCodeMirrorRef>(null);
  const actions = useRef({ onSubmit, onRun });
  actions.current = { onSubmit, onRun };
  const compileErrors = useRef(diagnostics);
  compileErrors.current = diagnostics;

  const extensions = useMemo(
    () => [
      language === 'python' ? python() : javascript({ typescript: true }),
      tokenTheme,
      syntaxHighlighting(tokenHighlight),
      // The errors belong to the code that was graded: once it is edited they no longer point at the right place.
      linter(
        (view) => {
          const current = compileErrors.current;
          const doc = view.state.doc.toString();
          return current && current.code === doc ? toEditorDiagnostics(doc, current.errors) : [];
        },
        {
          delay: 50,
          needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((effect) => effect.is(refreshDiagnostics))),
        },
      ),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              actions.current.onSubmit?.();
              return Boolean(actions.current.onSubmit);
            },
          },
          {
            key: "Mod-'",
            run: () => {
              actions.current.onRun?.();
              return Boolean(actions.current.onRun);
            },
          },
        ]),
      ),
    ],
    [language, label],
  );

  useEffect(() => {
    ref.current?.view?.dispatch({ effects: refreshDiagnostics.of(null) });
  }, [diagnostics]);

  return (
    <CodeMirror
      ref={ref}
      className="code-editor"
      value={value}
      onChange={onChange}
      theme="none"
      height="100%"
      readOnly={readOnly}
      extensions={extensions}
      basicSetup={BASIC_SETUP}
      indentWithTab
    />
  );
}
