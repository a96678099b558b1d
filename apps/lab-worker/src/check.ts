import os from 'node:os';
import type { LoadedLab, TLabEvaluation, TLabVerdict } from '@prep/contracts';
import { gradeSubmissions, type GradeContext } from './judge';

export interface CheckRow {
  file: string;
  expected: TLabVerdict | 'not accepted';
  verdict: TLabVerdict;
  ok: boolean;
  message: string | null;
  wallTimeMs: number;
}

/** A lab proven end to end: its reference is accepted, its starter is not, and every known-wrong and
 * known-cheating solution gets exactly the verdict its first line declares. One judge, one sandbox each. */
export async function checkLab(lab: LoadedLab, context: GradeContext): Promise<CheckRow[]> {
  const cases: { file: string; code: string; expected: CheckRow['expected'] }[] = [
    { file: 'reference.py', code: lab.reference, expected: 'accepted' },
    { file: 'starter.py', code: lab.starter, expected: 'not accepted' },
    ...lab.solutions.map((s) => ({ file: s.file, code: s.code, expected: s.expect })),
  ];
  const evaluations = await gradeSubmissions(
    cases.map((c) => ({ lab, code: c.code })),
    context,
  );
  return cases.map((c, i) => {
    const evaluation = evaluations[i] as TLabEvaluation;
    const ok =
      c.expected === 'not accepted' ? !['accepted', 'internal_error'].includes(evaluation.verdict) : evaluation.verdict === c.expected;
    return {
      file: c.file,
      expected: c.expected,
      verdict: evaluation.verdict,
      ok,
      message: evaluation.message,
      wallTimeMs: evaluation.wallTimeMs,
    };
  });
}

export function formatCheck(lab: LoadedLab, rows: CheckRow[], elapsedMs: number): string {
  const width = Math.max(...rows.map((r) => r.file.length));
  const lines = rows.map((r) => {
    const expectation = r.expected === r.verdict ? '' : ` (expected ${r.expected})`;
    const why = !r.ok && r.message ? `${os.EOL}       ${r.message}` : '';
    return `${r.ok ? 'ok  ' : 'FAIL'} ${r.file.padEnd(width)}  ${r.verdict}${expectation}  ${(r.wallTimeMs / 1000).toFixed(1)} s${why}`;
  });
  const ok = rows.every((r) => r.ok);
  lines.push(`${lab.slug}: check ${ok ? 'passed' : 'FAILED'} (${rows.length} solutions, ${(elapsedMs / 1000).toFixed(1)} s)`);
  return lines.join(os.EOL);
}
