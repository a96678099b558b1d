import { createHash } from 'node:crypto';
import ts from 'typescript';
import { ZAuthoredProblem, type TAuthoredProblem, type TCheckFailure } from '@prep/contracts';
import { argsTypeOf, parseSignature, type ParsedSignature } from '@prep/problems';

/** An authored problem that passed its static checks, with its parsed signature. */
export interface ValidSource {
  problem: TAuthoredProblem;
  signature: ParsedSignature;
  /** `Args` for generators and computed cases: the parameter tuple, or unknown[] for a generic signature. */
  argsType: string;
}

/** True when `code` is exactly one expression (so it can be wrapped in a function without changing what it means). */
function isSingleExpression(code: string): boolean {
  const source = ts.createSourceFile('expression.ts', `(\n${code}\n)`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const [statement, ...rest] = source.statements;
  return (
    diagnostics.length === 0 &&
    rest.length === 0 &&
    statement !== undefined &&
    ts.isExpressionStatement(statement) &&
    ts.isParenthesizedExpression(statement.expression) &&
    statement.expression.getEnd() === source.getEnd()
  );
}

const invalid = (message: string, extra: Partial<TCheckFailure> = {}): TCheckFailure => ({ code: 'invalid_source', message, ...extra });

/**
 * Checks what can be checked without running anything: the contract, the signature, each case's arity, the mutated
 * argument, and that every code field is one expression. Returns the failures, or the valid source.
 */
export function validateSource(input: unknown): { ok: true; source: ValidSource } | { ok: false; failures: TCheckFailure[] } {
  const parsed = ZAuthoredProblem.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      failures: parsed.error.issues.map((i) => invalid(`${i.path.join('.') || 'problem'}: ${i.message}`)),
    };
  }
  const problem = parsed.data;
  const failures: TCheckFailure[] = [];
  const signature = parseSignature(problem.signature);
  if ('error' in signature) return { ok: false, failures: [invalid(signature.error, { at: { field: 'signature', line: 1, column: 1 } })] };
  if (signature.name !== problem.functionName) {
    failures.push(invalid(`the signature declares ${signature.name} but the function is ${problem.functionName}`));
  }
  const arity = signature.params.length;
  const { output } = problem.judge;
  if (output !== 'return' && output.mutatedArg >= arity) {
    failures.push(invalid(`judge.output.mutatedArg ${output.mutatedArg} is not a parameter (the function takes ${arity})`));
  }
  problem.tests.cases.forEach((c, i) => {
    if (c.args && c.args.length !== arity) {
      failures.push(invalid(`case "${c.name}" has ${c.args.length} arguments; the signature takes ${arity}`, { test: c.name }));
    }
    for (const key of ['argsCode', 'expectedCode'] as const) {
      const code = c[key];
      if (code !== undefined && !isSingleExpression(code)) {
        failures.push(
          invalid(`case "${c.name}": ${key} must be one TypeScript expression`, {
            test: c.name,
            at: { field: `tests.cases.${i}.${key}`, line: 1, column: 1 },
          }),
        );
      }
    }
  });
  problem.tests.generators.forEach((g, i) => {
    if (!isSingleExpression(g.make)) {
      failures.push(
        invalid(`generator "${g.name}": make must be one TypeScript expression (a function name or an arrow function)`, {
          test: g.name,
          at: { field: `tests.generators.${i}.make`, line: 1, column: 1 },
        }),
      );
    }
  });
  const names = problem.wrongSolutions.map((w) => w.name);
  if (new Set(names).size !== names.length) failures.push(invalid('wrong solution names must be unique'));
  if (failures.length > 0) return { ok: false, failures };
  return { ok: true, source: { problem, signature, argsType: argsTypeOf(problem.signature) } };
}

/**
 * SHA-256 of everything grading and the check depend on (not the title, statement, hints or editorial), so a stored
 * check or test set can be matched with the version it was made for.
 */
export function sourceHash(problem: TAuthoredProblem): string {
  const { functionName, signature, starter, reference, judge, limits, tests, wrongSolutions } = problem;
  const relevant = { functionName, signature, starter, reference, judge, limits, tests, wrongSolutions };
  return createHash('sha256').update(canonicalJson(relevant)).digest('hex');
}

/** JSON with object keys sorted, so equal values hash equally whatever their key order (Postgres jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
