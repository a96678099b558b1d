import { ZAuthoredProblem, type TAuthoredCase, type TAuthoredProblem, type TAuthoredProblemInput } from '@prep/contracts';

/** A fixed test as the table edits it: text cells, JSON (or, in `code` mode, TypeScript expressions). */
export type TCaseRow = { name: string; sample: boolean; mode: 'json' | 'code'; args: string; expected: string };

export function caseToRow(test: TAuthoredCase): TCaseRow {
  if (test.argsCode !== undefined || test.expectedCode !== undefined) {
    return {
      name: test.name,
      sample: test.sample,
      mode: 'code',
      args: test.argsCode ?? JSON.stringify(test.args ?? []),
      expected: test.expectedCode ?? (test.expected === undefined ? '' : JSON.stringify(test.expected)),
    };
  }
  return {
    name: test.name,
    sample: test.sample,
    mode: 'json',
    args: JSON.stringify(test.args ?? []),
    expected: test.expected === undefined ? '' : JSON.stringify(test.expected),
  };
}

export type TRowResult = { ok: true; case: TAuthoredCase } | { ok: false; message: string };

/** A table row back to a case; JSON that does not parse is named here, before the contract sees it. */
export function rowToCase(row: TCaseRow): TRowResult {
  const base = { name: row.name.trim(), sample: row.sample };
  if (row.mode === 'code') {
    return {
      ok: true,
      case: { ...base, argsCode: row.args.trim(), ...(row.expected.trim() ? { expectedCode: row.expected.trim() } : {}) } as TAuthoredCase,
    };
  }
  let args: unknown;
  try {
    args = JSON.parse(row.args);
  } catch {
    return { ok: false, message: `“${base.name || 'unnamed'}”: the arguments are not JSON (write them as a list, e.g. [[1,2], 3])` };
  }
  if (!Array.isArray(args)) return { ok: false, message: `“${base.name}”: the arguments must be a JSON list, one entry per parameter` };
  if (!row.expected.trim()) return { ok: true, case: { ...base, args } as TAuthoredCase };
  try {
    return { ok: true, case: { ...base, args, expected: JSON.parse(row.expected) } as TAuthoredCase };
  } catch {
    return { ok: false, message: `“${base.name}”: the expected output is not JSON` };
  }
}

/** Which editor tab holds a source path, so a validation error can say where to look. */
export function tabOf(path: readonly PropertyKey[]): string {
  const [head] = path.map(String);
  switch (head) {
    case 'title':
    case 'slug':
    case 'difficulty':
    case 'tags':
    case 'statement':
    case 'expectedMinutes':
      return 'statement';
    case 'functionName':
    case 'signature':
    case 'starter':
    case 'reference':
      return 'code';
    case 'tests':
      return 'tests';
    case 'judge':
    case 'limits':
      return 'judging';
    case 'hints':
    case 'editorial':
      return 'hints';
    case 'wrongSolutions':
      return 'wrong';
    default:
      return 'statement';
  }
}

export type TSourceIssue = { tab: string; path: string; message: string };

/** The whole source checked against the contract; issues name the tab and the field. */
export function validateSource(
  input: TAuthoredProblemInput,
): { ok: true; source: TAuthoredProblem } | { ok: false; issues: TSourceIssue[] } {
  const parsed = ZAuthoredProblem.safeParse(input);
  if (parsed.success) return { ok: true, source: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      tab: tabOf(issue.path),
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}

/** What "New problem" starts from: a small problem that passes its own check, to be edited into the real one. */
export const TEMPLATE_PROBLEM: TAuthoredProblemInput = {
  slug: '',
  title: '',
  difficulty: 'easy',
  tags: ['arrays'],
  statement:
    'Given an array of integers `nums`, return the sum of its elements.\n\n**Example:** `nums = [1, 2, 3]` gives `6`.\n\nConstraints: $0 \\le n \\le 10^5$.',
  hints: ['Walk the array once, keeping a running total.'],
  editorial:
    'Keep a running total and add each element once: $O(n)$ time and $O(1)$ extra space. An empty array sums to 0, which the loop gives without a special case.',
  functionName: 'sumArray',
  signature: 'function sumArray(nums: number[]): number',
  starter: 'function sumArray(nums: number[]): number {\n  // your code\n  return 0;\n}\n',
  reference: 'function sumArray(nums: number[]): number {\n  let total = 0;\n  for (const x of nums) total += x;\n  return total;\n}\n',
  judge: { compare: 'exact', output: 'return' },
  limits: { timeMsPerTest: 2000, timeMsTotal: 10000, memoryMb: 128 },
  tests: {
    helpers: '',
    cases: [
      { name: 'example', sample: true, args: [[1, 2, 3]], expected: 6 },
      { name: 'empty', sample: false, args: [[]], expected: 0 },
      { name: 'negatives', sample: false, args: [[-5, 5, -1]] },
    ],
    generators: [],
  },
  wrongSolutions: [],
};

/** JSON with object keys sorted: two sources are the same when this is, whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
