import type { Checker, TJudgeSpec } from '@prep/contracts';
import { encodeValue, OpaqueValue } from '../codec';

// Captured before any other code runs, so later changes to the globals cannot bend a verdict.
const { is, keys: objectKeys } = Object;
const { isArray } = Array;
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty) as (o: object, k: string) => boolean;

const DEFAULT_TOLERANCE = { abs: 1e-9, rel: 1e-9 };

/** Short text of a value for messages. */
function brief(value: unknown): string {
  let text: string;
  try {
    text = value instanceof OpaqueValue ? `[${value.kind}]` : typeof value === 'string' ? JSON.stringify(value) : describe(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'undefined';
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? 'undefined' : v,
    ) ?? String(value)
  );
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (isArray(v)) return 'array';
  if (v instanceof OpaqueValue) return v.kind;
  return typeof v;
}

type NumberEq = (a: number, b: number) => boolean;

const exactNumbers: NumberEq = (a, b) => is(a, b);

function toleranceNumbers(tol: { abs: number; rel: number }): NumberEq {
  return (a, b) => {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
    const diff = Math.abs(a - b);
    return diff <= tol.abs || diff <= tol.rel * Math.max(Math.abs(a), Math.abs(b));
  };
}

/** Deep equality; returns null when equal, else where and how they differ. */
function deepDiff(actual: unknown, expected: unknown, numbers: NumberEq, path: string): string | null {
  const at = path || 'the output';
  if (typeof expected === 'number' && typeof actual === 'number') {
    return numbers(actual, expected) ? null : `${at}: expected ${brief(expected)}, got ${brief(actual)}`;
  }
  const ka = kindOf(actual);
  const ke = kindOf(expected);
  if (ka !== ke) return `${at}: expected ${ke} ${brief(expected)}, got ${ka} ${brief(actual)}`;
  if (ke === 'array') {
    const a = actual as unknown[];
    const e = expected as unknown[];
    if (a.length !== e.length) return `${at}: expected ${e.length} elements, got ${a.length}`;
    for (let i = 0; i < e.length; i++) {
      const d = deepDiff(a[i], e[i], numbers, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (ke === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const ea = objectKeys(e);
    for (const k of ea) {
      if (!hasOwn(a, k)) return `${at}: missing key ${JSON.stringify(k)}`;
    }
    for (const k of objectKeys(a)) {
      if (!hasOwn(e, k)) return `${at}: unexpected key ${JSON.stringify(k)}`;
    }
    for (const k of ea) {
      const d = deepDiff(a[k], e[k], numbers, `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  if (ke === 'function' || ke === 'symbol') return `${at}: a ${ke} is not a valid answer`;
  return is(actual, expected) || actual === expected ? null : `${at}: expected ${brief(expected)}, got ${brief(actual)}`;
}

/** A canonical string per value (object keys sorted), for multiset comparison. */
function canonical(v: unknown): string {
  return v instanceof OpaqueValue ? `{"opaque":"${v.kind}"}` : encodeValue(v);
}

function sortedByCanonical(items: unknown[], deep: boolean): string[] {
  return items.map((item) => (deep && isArray(item) ? `[${sortedByCanonical(item, false).join(',')}]` : canonical(item))).sort();
}

function compareUnordered(actual: unknown, expected: unknown, deep: boolean): string | null {
  if (!isArray(expected)) return 'the expected output is not a list (problem misconfigured)';
  if (!isArray(actual)) return `expected a list, got ${kindOf(actual)} ${brief(actual)}`;
  if (actual.length !== expected.length) return `expected ${expected.length} elements, got ${actual.length}`;
  const a = sortedByCanonical(actual, deep);
  const e = sortedByCanonical(expected, deep);
  for (let i = 0; i < e.length; i++) {
    if (a[i] !== e[i]) {
      const missing = e.find((x) => !a.includes(x));
      return missing !== undefined ? `an expected element is missing: ${brief(missing)}` : 'the elements differ (in count or content)';
    }
  }
  return null;
}

/**
 * Judges one answer. `actual` and `expected` are plain host values (decoded, never sandbox objects).
 * Returns true when accepted, else a message saying why not.
 */
export function compareOutput(judge: TJudgeSpec, actual: unknown, expected: unknown, args: unknown[], check?: Checker): true | string {
  let diff: string | null;
  switch (judge.compare) {
    case 'exact':
      diff = deepDiff(actual, expected, exactNumbers, '');
      break;
    case 'float':
      diff = deepDiff(actual, expected, toleranceNumbers(judge.tolerance ?? DEFAULT_TOLERANCE), '');
      break;
    case 'unordered':
      diff = compareUnordered(actual, expected, false);
      break;
    case 'unordered-deep':
      diff = compareUnordered(actual, expected, true);
      break;
    case 'custom': {
      if (!check) return 'the problem has no checker (problem misconfigured)';
      try {
        const verdict = check({ args, actual, expected });
        return verdict === true ? true : typeof verdict === 'string' && verdict ? verdict : 'rejected by the checker';
      } catch (e) {
        return `rejected by the checker: ${(e as Error)?.message ?? String(e)}`;
      }
    }
    default:
      return `unknown comparison ${String((judge as { compare: unknown }).compare)}`;
  }
  return diff === null ? true : diff;
}
