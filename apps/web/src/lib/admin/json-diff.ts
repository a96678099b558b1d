import { diffLines } from 'diff';

/** One field that differs between two versions of an entity, by its path (`title`, `tests.cases[2].args`). */
export type TFieldChange = {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
  /** Multi-line text on both sides: show it as a line diff rather than two blobs. */
  multiline: boolean;
};

export type TLinePart = { text: string; kind: 'same' | 'added' | 'removed' };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}

/**
 * The leaves of a JSON value by path. Objects and arrays of objects are walked; arrays of plain values are one
 * leaf (a tag list reads better as `["a","b"]` than as one row per tag).
 */
export function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) into.set(prefix, value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, into));
  } else {
    into.set(prefix || '(value)', value);
  }
  return into;
}

/** What changed between `before` and `after`, field by field, in the order the fields appear. */
export function diffJson(before: unknown, after: unknown): TFieldChange[] {
  const left = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const right = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  const changes: TFieldChange[] = [];
  for (const path of paths) {
    const had = left.has(path);
    const has = right.has(path);
    const beforeText = had ? leafText(left.get(path)) : null;
    const afterText = has ? leafText(right.get(path)) : null;
    if (had && has && beforeText === afterText) continue;
    changes.push({
      path,
      kind: !had ? 'added' : !has ? 'removed' : 'changed',
      before: beforeText,
      after: afterText,
      multiline: (beforeText ?? '').includes('\n') || (afterText ?? '').includes('\n'),
    });
  }
  return changes;
}

/** A line diff of two texts, for statements, solutions and card backs. */
export function diffText(before: string, after: string): TLinePart[] {
  return diffLines(before, after).map((part) => ({
    text: part.value,
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
}
