import { createHash } from 'node:crypto';
import type {
  TAuthoredProblem,
  TMaterializedTestSet,
  TProblemCheckReport,
  TProblemCheckState,
  TProblemCheckStatus,
  TProblemDetail,
  TProblemVersion,
  TProblemVersionSummary,
} from '@prep/contracts';
import { canonicalJson, decodeValue, toDisplay } from '@prep/grader';
import { parseSignature } from '@prep/problems';
import type { HeadProjection, VersionRow } from './admin-problems.repository';

const instant = (d: Date | null) => d?.toISOString() ?? null;

export const reportOf = (row: VersionRow): TProblemCheckReport | null => (row.checkReport as TProblemCheckReport | null) ?? null;
export const sourceOf = (row: VersionRow): TAuthoredProblem => row.source as unknown as TAuthoredProblem;

export function checkStateOf(row: VersionRow): TProblemCheckState {
  const report = reportOf(row);
  const current = report !== null && report.sourceHash === row.sourceHash;
  if (row.checkRequestedAt && !current) return 'queued';
  if (!report) return 'none';
  if (!current) return 'stale';
  return report.ok ? 'passed' : 'failed';
}

export function toCheckStatus(row: VersionRow): TProblemCheckStatus {
  return {
    versionId: row.id,
    sourceHash: row.sourceHash,
    state: checkStateOf(row),
    report: reportOf(row),
    checkedAt: instant(row.checkedAt),
    requestedAt: instant(row.checkRequestedAt),
  };
}

export function toVersionSummary(row: VersionRow): TProblemVersionSummary {
  return {
    id: row.id,
    number: row.number,
    state: row.state as TProblemVersionSummary['state'],
    contentVersion: row.contentVersion,
    title: row.title,
    sourceHash: row.sourceHash,
    check: checkStateOf(row),
    forkedFrom: row.forkedFrom,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdById, email: row.createdByEmail },
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: instant(row.publishedAt),
    publishedBy: row.publishedAt ? { id: row.publishedById, email: row.publishedByEmail } : null,
  };
}

export function toVersion(row: VersionRow): TProblemVersion {
  return { ...toVersionSummary(row), source: sourceOf(row), checkStatus: toCheckStatus(row) };
}

/**
 * What learners' past work means: the function, how it is judged and the tests' expected outputs. A change to any of
 * them bumps the content version on publish; wording, hints, starter or a faster reference with equal outputs do not.
 */
export function gradingHash(source: TAuthoredProblem, testSetHash: string): string {
  const { functionName, signature, judge } = source;
  return createHash('sha256').update(canonicalJson({ functionName, signature, judge, testSetHash })).digest('hex');
}

/** The learner projection of a source (the head row's columns). Samples come from its materialized tests, when made. */
export function toProjection(
  source: TAuthoredProblem,
  sourceHash: string,
  decks: string[],
  testSet: TMaterializedTestSet | null,
): HeadProjection {
  const parsed = parseSignature(source.signature);
  const params = 'error' in parsed ? [] : parsed.params;
  const sampleTests = (testSet?.tests ?? [])
    .filter((t) => t.sample)
    .map((t) => ({
      name: t.name,
      args: (decodeValue(t.args) as unknown[]).map(toDisplay),
      expected: toDisplay(decodeValue(t.expected)),
    }));
  const summary = {
    slug: source.slug,
    version: source.version,
    title: source.title,
    difficulty: source.difficulty,
    tags: source.tags,
    decks,
  };
  const detail: TProblemDetail = {
    ...summary,
    functionName: source.functionName,
    signature: source.signature,
    params,
    statement: source.statement,
    starter: source.starter,
    hints: source.hints,
    limits: source.limits,
    ...(source.expectedMinutes === undefined ? {} : { expectedMinutes: source.expectedMinutes }),
    sampleTests,
  };
  return {
    version: source.version,
    title: source.title,
    difficulty: source.difficulty,
    tags: source.tags,
    detail,
    editorial: source.editorial,
    referenceCode: source.reference,
    contentHash: sourceHash,
  };
}
