import { formatValue } from './diff';

export type TParsedCase = { ok: true; args: unknown[] } | { ok: false; error: string };

/**
 * A custom input as the learner types it, LeetCode style: one JSON value per line, one line per parameter
 * (`[1,2,3,0,0,0]`, `3`, …). Blank lines are ignored.
 */
export function parseCustomCase(text: string, params: readonly { name: string }[]): TParsedCase {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length !== params.length) {
    return {
      ok: false,
      error: `Needs ${params.length} line${params.length === 1 ? '' : 's'}, one per parameter (${params.map((p) => p.name).join(', ')}); found ${lines.length}.`,
    };
  }
  const args: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    try {
      args.push(JSON.parse(line));
    } catch {
      return { ok: false, error: `Line ${index + 1} (${params[index]!.name}) is not valid JSON: ${line.slice(0, 40)}` };
    }
  }
  return { ok: true, args };
}

/** The text of a case in that same format, to start a custom case from an example. */
export function caseText(args: readonly unknown[]): string {
  return args.map(formatValue).join('\n');
}
