import {
  ZLabDetail,
  ZLabEvaluation,
  ZLabWorkerInfo,
  type TDifficulty,
  type TLabDevice,
  type TLabEvaluation,
  type TLabSummary,
  type TLabSubmissionStatus,
  type TLabSubmissionSummary,
  type TLabSubmissionView,
  type TLabVerdict,
  type TLabDetail,
  type TRating,
} from '@prep/contracts';
import type { LabRow, LabSubmissionRow, LabSubmissionSummaryRow } from './labs.repository';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toLabSummary(row: LabRow): TLabSummary {
  return {
    slug: row.slug,
    version: row.version,
    title: row.title,
    difficulty: row.difficulty as TDifficulty,
    tags: row.tags,
    decks: row.decks,
    device: row.device as TLabDevice,
  };
}

export function toLabDetail(row: LabRow): TLabDetail {
  return ZLabDetail.parse({ ...(row.detail as object), ...toLabSummary(row) });
}

export function toLabSubmissionSummary(row: LabSubmissionSummaryRow): TLabSubmissionSummary {
  return {
    id: row.id,
    labSlug: row.labSlug,
    labVersion: row.labVersion,
    status: row.status as TLabSubmissionStatus,
    verdict: row.verdict as TLabVerdict | null,
    device: row.device as 'gpu' | 'cpu' | null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}

/** The stored evaluation; a partial one (grading failed before the judge ran) keeps what it has. */
function storedEvaluation(value: unknown): Partial<TLabEvaluation> {
  const parsed = ZLabEvaluation.safeParse(value);
  if (parsed.success) return parsed.data;
  const partial = ZLabEvaluation.partial().safeParse(value);
  return partial.success ? partial.data : {};
}

export function toLabSubmissionView(row: LabSubmissionRow): TLabSubmissionView {
  const result = storedEvaluation(row.result);
  const worker = ZLabWorkerInfo.safeParse(row.worker);
  return {
    ...toLabSubmissionSummary(row),
    code: row.code,
    message: result.message ?? null,
    checks: result.checks ?? [],
    metrics: result.metrics ?? {},
    environment: result.environment ?? null,
    output: result.output ?? '',
    wallTimeMs: result.wallTimeMs ?? null,
    worker: worker.success ? worker.data : null,
    attempt: row.attempt,
    startedAt: iso(row.startedAt),
    outcome:
      row.outcomeRating && row.finishedAt
        ? { rating: row.outcomeRating as TRating, decidedAt: row.finishedAt.toISOString(), due: iso(row.outcomeDue) }
        : null,
  };
}
