import type { TGradeResult, TMaterializedProblem, TSubmission } from '@prep/contracts';
import type { GradeWith } from '../grader';
import type { GradeOptions } from '../options';
import { internalError } from '../result';
import { checkProblem, type CheckOutcome } from './check';
import { preparedProblem, selectMaterializedTests } from './grade-materialized';
import { materialize, type MaterializeResult, type SandboxDeps } from './materialize';
import { validateSource } from './source';

/**
 * Authored problems (written by admins in the web app, or imported): every piece of the author's code (reference,
 * helpers, generators, computed cases, starter, wrong solutions) runs only in the sandbox, like learner code. What
 * comes back is data, and grading a learner uses that data: no author code is ever called in this process.
 */
export interface AuthoredGrading {
  /** The full test set with expected outputs, made in the sandbox; or the failures that stopped it. */
  materialize(problem: unknown): Promise<MaterializeResult>;
  /** Reference accepted, starter not, wrong solutions as expected, the reference's time within the limits. */
  check(problem: unknown): Promise<CheckOutcome>;
  /** Grades a submission against a materialized test set (custom run-mode inputs get expected outputs from the sandbox). */
  grade(problem: TMaterializedProblem, submission: TSubmission, options?: GradeOptions): Promise<TGradeResult>;
}

export function createAuthoredGrading(deps: SandboxDeps & { gradeWith: GradeWith }): AuthoredGrading {
  const grade: AuthoredGrading['grade'] = async (problem, submission, options = {}) => {
    let prepared;
    try {
      prepared = preparedProblem(problem);
    } catch (e) {
      return internalError(e, 0);
    }
    return deps.gradeWith(prepared, submission, options, (parsed) => selectMaterializedTests(deps, problem, parsed));
  };
  return {
    async materialize(problem) {
      const validated = validateSource(problem);
      return validated.ok ? materialize(deps, validated.source) : { ok: false, failures: validated.failures, total: 0 };
    },
    check: (problem) => checkProblem(deps, (p, submission) => grade(p, submission, { revealHidden: true }), problem),
    grade,
  };
}
