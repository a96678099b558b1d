import ts from 'typescript';

/**
 * Turns a problem's reference.ts into learner form: removes the top-level `export ` keywords, found with the
 * TypeScript AST, replacing them with spaces so every line and column stays where it was.
 */
export function stripExports(code: string): string {
  const source = ts.createSourceFile('reference.ts', code, ts.ScriptTarget.ES2022, true);
  const ranges: [number, number][] = [];
  for (const statement of source.statements) {
    if (!ts.canHaveModifiers(statement)) continue;
    for (const m of ts.getModifiers(statement) ?? []) {
      if (m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword) ranges.push([m.getStart(source), m.getEnd()]);
    }
  }
  let out = code;
  for (const [start, end] of ranges.reverse()) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
