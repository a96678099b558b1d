import ts from 'typescript';

export interface ParsedSignature {
  name: string;
  params: { name: string; type: string }[];
  returnType: string;
}

/** Parses `function name(a: T, ...): R` (no body). Returns an error message when it is not one. */
export function parseSignature(signature: string): ParsedSignature | { error: string } {
  const source = ts.createSourceFile('signature.ts', `declare ${signature};`, ts.ScriptTarget.ES2022, true);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (diagnostics.length > 0) {
    return { error: `signature does not parse: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, ' ')}` };
  }
  const [statement, ...rest] = source.statements;
  if (!statement || rest.length > 0 || !ts.isFunctionDeclaration(statement) || !statement.name) {
    return { error: 'signature must be exactly one function declaration without a body, e.g. `function f(a: number[]): number`' };
  }
  if (!statement.type) return { error: 'signature must declare its return type' };
  const params: ParsedSignature['params'] = [];
  for (const p of statement.parameters) {
    if (!ts.isIdentifier(p.name) || !p.type) return { error: 'every parameter needs a plain name and a type' };
    params.push({ name: p.name.text, type: p.type.getText(source) });
  }
  return { name: statement.name.text, params, returnType: statement.type.getText(source) };
}
