import {
  ZGradeResult,
  type TAttemptOutcome,
  type TCreateSubmissionRequest,
  type TGradeMode,
  type TGradeResult,
  type TSubmissionStatus,
  type TSubmissionSummary,
  type TSubmissionView,
  type TVerdict,
} from '@prep/contracts';

export const SUMMARY_SELECT = {
  id: true,
  problemSlug: true,
  problemVersion: true,
  mode: true,
  status: true,
  verdict: true,
  passed: true,
  total: true,
  runtimeMs: true,
  createdAt: true,
  finishedAt: true,
} as const;

export const VIEW_SELECT = { ...SUMMARY_SELECT, code: true, customTests: true, result: true, startedAt: true } as const;

export interface SummaryRow {
  id: string;
  problemSlug: string;
  problemVersion: number;
  mode: string;
  status: string;
  verdict: string | null;
  passed: number | null;
  total: number | null;
  runtimeMs: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ViewRow extends SummaryRow {
  code: string;
  customTests: unknown;
  result: unknown;
  startedAt: Date | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const since = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

export function toSubmissionSummary(row: SummaryRow): TSubmissionSummary {
  return {
    id: row.id,
    problemSlug: row.problemSlug,
    problemVersion: row.problemVersion,
    mode: row.mode as TGradeMode,
    status: row.status as TSubmissionStatus,
    verdict: row.verdict as TVerdict | null,
    passed: row.passed,
    total: row.total,
    runtimeMs: row.runtimeMs,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}

/** The stored result (written by the worker from the grader, already redacted for learners). */
function storedResult(value: unknown): TGradeResult | null {
  const parsed = ZGradeResult.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toSubmissionView(row: ViewRow, outcome: TAttemptOutcome | null): TSubmissionView {
  const result = storedResult(row.result);
  return {
    ...toSubmissionSummary(row),
    code: row.code,
    customTests: (row.customTests as TCreateSubmissionRequest['customTests'] | null) ?? null,
    tests: result?.tests ?? [],
    compileErrors: result?.compileErrors ?? [],
    message: result?.message ?? null,
    timings: {
      queuedMs: since(row.createdAt, row.startedAt),
      gradeMs: result?.wallTimeMs ?? null,
      cpuMs: result?.cpuTimeMs ?? null,
      totalMs: since(row.createdAt, row.finishedAt),
    },
    startedAt: iso(row.startedAt),
    outcome,
  };
}
