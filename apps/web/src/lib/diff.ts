import { diffArrays } from 'diff';

/** One run of text on one side of a comparison; `changed` marks what differs from the other side. */
export type TDiffPart = { text: string; changed: boolean };
export type TValueDiff = { equal: boolean; expected: TDiffPart[]; actual: TDiffPart[] };

/**
 * How a value from a grade result is shown: compact JSON, the way LeetCode shows test data. Results are already
 * JSON-safe (the grader spells NaN, -0 or undefined as strings), so this never throws on them.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// Whole JSON tokens: a wrong number is highlighted as one number, not as a few stray digits.
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_$][\w$]*|\s+|[^\s]/g;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function pushPart(parts: TDiffPart[], text: string, changed: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.changed === changed) last.text += text;
  else if (text) parts.push({ text, changed });
}

/** Expected vs actual, token by token: the expected side marks what is missing, the actual side what is extra. */
export function diffValues(expected: unknown, actual: unknown): TValueDiff {
  const left = formatValue(expected);
  const right = formatValue(actual);
  const result: TValueDiff = { equal: left === right, expected: [], actual: [] };
  if (result.equal) {
    result.expected.push({ text: left, changed: false });
    result.actual.push({ text: right, changed: false });
    return result;
  }
  for (const change of diffArrays(tokenize(left), tokenize(right))) {
    const text = change.value.join('');
    if (change.added) pushPart(result.actual, text, true);
    else if (change.removed) pushPart(result.expected, text, true);
    else {
      pushPart(result.expected, text, false);
      pushPart(result.actual, text, false);
    }
  }
  return result;
}
