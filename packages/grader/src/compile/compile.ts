import ts from 'typescript';
import type { CompileDiagnostic } from './diagnostic';
import { findForbiddenSyntax } from './forbidden-syntax';
import { transpile } from './transpile';
import { SOLUTION_FILE, typeCheck } from './type-check';

export type CompileResult = { ok: true; js: string } | { ok: false; diagnostics: CompileDiagnostic[] };

const MAX_DIAGNOSTICS = 20;

/** Learner TypeScript to JavaScript: forbidden syntax, then syntax and type errors, then a line-preserving transpile. */
export function compileSubmission(code: string, functionName: string, signature: string): CompileResult {
  const source = ts.createSourceFile(SOLUTION_FILE, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const forbidden = findForbiddenSyntax(source);
  const diagnostics = forbidden.length > 0 ? forbidden : typeCheck(source, functionName, signature);
  if (diagnostics.length > 0) return { ok: false, diagnostics: diagnostics.slice(0, MAX_DIAGNOSTICS) };
  try {
    return { ok: true, js: transpile(code) };
  } catch (e) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, message: (e as Error).message }] };
  }
}
