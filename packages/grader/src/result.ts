import { GRADE_RESULT_VERSION, type TGradeResult } from '@prep/contracts';

export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** A result for a failure of the grader itself (never of the submission). */
export function internalError(e: unknown, wallTimeMs: number): TGradeResult {
  return {
    version: GRADE_RESULT_VERSION,
    verdict: 'internal_error',
    passed: 0,
    total: 0,
    tests: [],
    message: `The grader failed: ${(e as Error)?.message ?? String(e)}`,
    cpuTimeMs: 0,
    wallTimeMs: roundMs(wallTimeMs),
  };
}
