/** A compile error as the grader reports it: 1-based line and column. */
export type TCompileDiagnostic = { line: number; column: number; message: string };
export type TEditorDiagnostic = { from: number; to: number; severity: 'error'; message: string };

/**
 * Places compile errors in the document: from the reported column to the end of the word there (at least one
 * character), clamped into the document so an error on a line that no longer exists still shows.
 */
export function toEditorDiagnostics(doc: string, errors: readonly TCompileDiagnostic[]): TEditorDiagnostic[] {
  const lines = doc.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return errors.map((error) => {
    const lineIndex = Math.min(Math.max(1, error.line), lines.length) - 1;
    const text = lines[lineIndex] ?? '';
    const column = Math.min(Math.max(1, error.column), text.length + 1) - 1;
    const word = /^[\w$]+/.exec(text.slice(column))?.[0].length ?? 1;
    const from = (starts[lineIndex] ?? 0) + column;
    const to = Math.min(from + Math.max(1, word), doc.length);
    return { from: Math.min(from, doc.length), to: Math.max(to, Math.min(from, doc.length)), severity: 'error', message: error.message };
  });
}
