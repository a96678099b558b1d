import ts from 'typescript';
import type { TAuthoredCase, TAuthoredGenerator, TAuthoredTests } from '@prep/contracts';

/**
 * tests.ts of the file layout, for authored problems: written from the authored tests (JSON cases as literals, code
 * fields verbatim), and read back by parsing, never by running: to the importer a tests.ts is data. Its cases must be
 * object literals; an argument or expected value that is not a JSON literal is kept as code (run later in the sandbox).
 */

const TESTKIT = '../../src/testkit';

/** A literal that JSON.parse reads back as the same value (finite numbers, no -0). */
function jsonLiteral(value: unknown): string {
  return JSON.stringify(value);
}

function caseLine(c: TAuthoredCase): string {
  const parts = [`name: ${JSON.stringify(c.name)}`, `args: ${c.args !== undefined ? jsonLiteral(c.args) : c.argsCode}`];
  if (c.sample) parts.push('sample: true');
  if (c.expected !== undefined) parts.push(`expected: ${jsonLiteral(c.expected)}`);
  else if (c.expectedCode !== undefined) parts.push(`expected: ${c.expectedCode}`);
  return `    { ${parts.join(', ')} },`;
}

function generatorLine(g: TAuthoredGenerator): string {
  return `    { name: ${JSON.stringify(g.name)}, count: ${g.count}, seed: ${g.seed}, make: ${g.make} },`;
}

/** The tests.ts of an authored problem, importing the test kit as the built-in problems do. */
export function writeTestsFile(tests: TAuthoredTests, argsType: string): string {
  const imports = tests.generators.length > 0 ? '{ defineTests, type Rng }' : '{ defineTests }';
  const out = [`import ${imports} from '${TESTKIT}';`, '', `type Args = ${argsType};`, ''];
  if (tests.helpers) out.push(tests.helpers, '');
  out.push('export default defineTests<Args>({', '  cases: [', ...tests.cases.map(caseLine), '  ],');
  if (tests.generators.length > 0) out.push('  generators: [', ...tests.generators.map(generatorLine), '  ],');
  out.push('});', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

export interface TestsFileIssue {
  line: number;
  message: string;
}

type Literal = { ok: true; value: unknown } | { ok: false };
const NOT_LITERAL: Literal = { ok: false };

/** The JSON value an expression literally is, if it is one (no identifiers, calls, spreads, NaN, Infinity or -0). */
export function jsonLiteralValue(node: ts.Expression): Literal {
  if (ts.isParenthesizedExpression(node)) return jsonLiteralValue(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { ok: true, value: node.text };
  if (ts.isNumericLiteral(node)) return finite(Number(node.text));
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
    const n = Number(node.operand.text);
    if (node.operator === ts.SyntaxKind.MinusToken) return n === 0 ? NOT_LITERAL : finite(-n);
    if (node.operator === ts.SyntaxKind.PlusToken) return finite(n);
    return NOT_LITERAL;
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { ok: true, value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { ok: true, value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { ok: true, value: null };
  if (ts.isArrayLiteralExpression(node)) {
    const out: unknown[] = [];
    for (const element of node.elements) {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) return NOT_LITERAL;
      const v = jsonLiteralValue(element);
      if (!v.ok) return NOT_LITERAL;
      out.push(v.value);
    }
    return { ok: true, value: out };
  }
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) return NOT_LITERAL;
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
      if (key === undefined || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return NOT_LITERAL;
      const v = jsonLiteralValue(p.initializer);
      if (!v.ok) return NOT_LITERAL;
      Object.defineProperty(out, key, { value: v.value, enumerable: true, writable: true, configurable: true });
    }
    return { ok: true, value: out };
  }
  return NOT_LITERAL;
}

function finite(n: number): Literal {
  return Number.isFinite(n) ? { ok: true, value: n } : NOT_LITERAL;
}

function propertyMap(
  node: ts.ObjectLiteralExpression,
  source: ts.SourceFile,
  issues: TestsFileIssue[],
  what: string,
): Map<string, ts.Expression> | null {
  const map = new Map<string, ts.Expression>();
  for (const p of node.properties) {
    if (ts.isShorthandPropertyAssignment(p)) {
      map.set(p.name.text, p.name);
      continue;
    }
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      issues.push({ line: lineOf(source, p), message: `${what}: only plain \`key: value\` properties can be read` });
      return null;
    }
    map.set(p.name.text, p.initializer);
  }
  return map;
}

const lineOf = (source: ts.SourceFile, node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

/** The object literal a tests.ts exports by default: `export default defineTests<...>({...})` or `export default {...}`. */
function exportedObject(statement: ts.ExportAssignment): ts.ObjectLiteralExpression | null {
  let e: ts.Expression = statement.expression;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'defineTests' && e.arguments.length === 1)
    e = e.arguments[0]!;
  return ts.isObjectLiteralExpression(e) ? e : null;
}

function readCase(node: ts.Expression, source: ts.SourceFile, issues: TestsFileIssue[]): TAuthoredCase | null {
  if (!ts.isObjectLiteralExpression(node)) {
    issues.push({ line: lineOf(source, node), message: 'each case must be an object literal `{ name, args, sample?, expected? }`' });
    return null;
  }
  const props = propertyMap(node, source, issues, 'a case');
  if (!props) return null;
  const name = props.get('name');
  const args = props.get('args');
  if (!name || !(ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) || !args) {
    issues.push({ line: lineOf(source, node), message: 'a case needs a string literal name and args' });
    return null;
  }
  const unknown = [...props.keys()].filter((k) => !['name', 'args', 'sample', 'expected'].includes(k));
  if (unknown.length) issues.push({ line: lineOf(source, node), message: `case "${name.text}": unknown properties ${unknown.join(', ')}` });
  const sample = props.get('sample');
  if (sample && sample.kind !== ts.SyntaxKind.TrueKeyword && sample.kind !== ts.SyntaxKind.FalseKeyword) {
    issues.push({ line: lineOf(source, sample), message: `case "${name.text}": sample must be true or false` });
  }
  const out: TAuthoredCase = { name: name.text, sample: sample?.kind === ts.SyntaxKind.TrueKeyword };
  const argsValue = jsonLiteralValue(args);
  if (argsValue.ok && Array.isArray(argsValue.value)) out.args = argsValue.value as TAuthoredCase['args'];
  else out.argsCode = args.getText(source);
  const expected = props.get('expected');
  if (expected) {
    const value = jsonLiteralValue(expected);
    if (value.ok) out.expected = value.value as TAuthoredCase['expected'];
    else out.expectedCode = expected.getText(source);
  }
  return out;
}

function readGenerator(node: ts.Expression, source: ts.SourceFile, issues: TestsFileIssue[]): TAuthoredGenerator | null {
  const props = ts.isObjectLiteralExpression(node) ? propertyMap(node, source, issues, 'a generator') : null;
  const name = props?.get('name');
  const count = props?.get('count');
  const seed = props?.get('seed');
  const make = props?.get('make');
  const number = (e: ts.Expression | undefined) => (e && ts.isNumericLiteral(e) ? Number(e.text) : undefined);
  if (!props || !name || !ts.isStringLiteral(name) || number(count) === undefined || number(seed) === undefined || !make) {
    issues.push({
      line: lineOf(source, node),
      message: 'a generator must be `{ name: "...", count: <number>, seed: <number>, make: <function> }`',
    });
    return null;
  }
  return { name: name.text, count: number(count)!, seed: number(seed)!, make: make.getText(source) };
}

/** Removes `[start, end)` from text, and the line break right after it. */
function cut(text: string, start: number, end: number): string {
  const after = text.startsWith('\r\n', end) ? end + 2 : text[end] === '\n' ? end + 1 : end;
  return text.slice(0, start) + text.slice(after);
}

/**
 * Reads a tests.ts by parsing it (nothing is run): the default-exported cases and generators, and everything else
 * (helpers, constants, types other than `Args`) as the helpers text. Imports are dropped (the test kit is provided).
 */
export function readTestsFile(text: string): { tests: TAuthoredTests | null; issues: TestsFileIssue[] } {
  const source = ts.createSourceFile('tests.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const issues: TestsFileIssue[] = [];
  const parseErrors = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of parseErrors.slice(0, 5)) {
    issues.push({
      line: source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    });
  }
  if (issues.length) return { tests: null, issues };

  let exported: ts.ObjectLiteralExpression | null = null;
  const removed: [number, number][] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s)) {
      const from = ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : '';
      if (!/(^|\/)testkit$/.test(from))
        issues.push({ line: lineOf(source, s), message: `only the test kit can be imported (not ${from})` });
      removed.push([s.getStart(source), s.getEnd()]);
    } else if (ts.isTypeAliasDeclaration(s) && s.name.text === 'Args') {
      removed.push([s.getStart(source), s.getEnd()]);
    } else if (ts.isExportAssignment(s)) {
      exported = exportedObject(s);
      if (!exported)
        issues.push({
          line: lineOf(source, s),
          message: 'export default must be defineTests({ cases, generators? }) or an object literal',
        });
      removed.push([s.getStart(source), s.getEnd()]);
    } else if (ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      issues.push({ line: lineOf(source, s), message: 'tests.ts may export only its default (the tests)' });
    }
  }
  if (!exported) {
    if (!issues.length) issues.push({ line: 1, message: 'tests.ts must `export default defineTests({ cases, generators? })`' });
    return { tests: null, issues };
  }
  const props = propertyMap(exported, source, issues, 'the tests');
  if (!props) return { tests: null, issues };
  if (props.has('check'))
    issues.push({
      line: lineOf(source, props.get('check')!),
      message: 'a custom check runs in the host, so authored problems cannot have one',
    });
  for (const key of props.keys()) {
    if (!['cases', 'generators', 'check'].includes(key))
      issues.push({ line: lineOf(source, props.get(key)!), message: `unknown property ${key}` });
  }
  const array = (key: string): ts.NodeArray<ts.Expression> | undefined => {
    const node = props.get(key);
    if (!node) return undefined;
    if (ts.isArrayLiteralExpression(node) && !node.elements.some(ts.isSpreadElement)) return node.elements;
    issues.push({ line: lineOf(source, node), message: `${key} must be an array literal (no spread, no variable)` });
    return undefined;
  };
  const cases = (array('cases') ?? []).map((n) => readCase(n, source, issues));
  const generators = (array('generators') ?? []).map((n) => readGenerator(n, source, issues));
  if (!props.has('cases')) issues.push({ line: lineOf(source, exported), message: 'the tests have no cases' });
  let helpers = text;
  for (const [start, end] of removed.sort((a, b) => b[0] - a[0])) helpers = cut(helpers, start, end);
  if (issues.length) return { tests: null, issues };
  return {
    tests: {
      helpers: helpers.trim(),
      cases: cases as TAuthoredCase[],
      generators: generators as TAuthoredGenerator[],
    },
    issues,
  };
}
