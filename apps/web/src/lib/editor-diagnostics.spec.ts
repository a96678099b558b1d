import { toEditorDiagnostics } from './editor-diagnostics';

const doc = 'function f(a: number): number {\n  return a + undefinedName;\n}';

describe('toEditorDiagnostics', () => {
  it('marks the word at the reported 1-based line and column', () => {
    const [diagnostic] = toEditorDiagnostics(doc, [{ line: 2, column: 14, message: "Cannot find name 'undefinedName'." }]);
    expect(doc.slice(diagnostic!.from, diagnostic!.to)).toBe('undefinedName');
    expect(diagnostic).toMatchObject({ severity: 'error', message: "Cannot find name 'undefinedName'." });
  });

  it('marks one character where no word starts', () => {
    const [diagnostic] = toEditorDiagnostics(doc, [{ line: 2, column: 12, message: 'x' }]);
    expect(doc.slice(diagnostic!.from, diagnostic!.to)).toBe('+');
  });

  it('keeps a position past the end of the document inside it', () => {
    const [diagnostic] = toEditorDiagnostics(doc, [{ line: 40, column: 99, message: 'x' }]);
    expect(diagnostic!.from).toBeLessThanOrEqual(doc.length);
    expect(diagnostic!.to).toBeLessThanOrEqual(doc.length);
    expect(diagnostic!.to).toBeGreaterThanOrEqual(diagnostic!.from);
  });
});
