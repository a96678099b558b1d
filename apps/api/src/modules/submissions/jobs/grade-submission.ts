import { Inject, Injectable, Logger } from '@nestjs/common';
import { expectedMinutesOf } from '@prep/contracts';
import type { Grader } from '@prep/grader';
import { Clock } from '../../../common/clock';
import { SubmissionEventsPublisher } from '../submission-events';
import { SubmissionFinalizer } from '../submission-finalizer';
import { SubmissionsRepository } from '../submissions.repository';
import { EventBatcher } from './event-batcher';
import { ProblemBank } from './problem-bank';

export const GRADER = Symbol('GRADER');

/** The grader failed (not the learner's code): the job is retried with backoff. */
export class GradingFailure extends Error {}

/** Grades one submission: mark it running, grade it through the sandbox pool with live progress, store the verdict. */
@Injectable()
export class GradeSubmission {
  private readonly logger = new Logger(GradeSubmission.name);

  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly finalizer: SubmissionFinalizer,
    private readonly publisher: SubmissionEventsPublisher,
    private readonly problems: ProblemBank,
    @Inject(GRADER) private readonly grader: Grader,
    private readonly clock: Clock,
  ) {}

  async run(submissionId: string): Promise<void> {
    const submission = await this.repository.startGrading(submissionId, this.clock.now());
    if (!submission) return; // already done: a duplicate or recovered job changes nothing
    const problem = this.problems.get(submission.problemSlug);
    if (!problem) {
      this.logger.error({ submissionId, slug: submission.problemSlug }, 'no such problem in the content this worker loaded');
      await this.finalizer.failUnfinished(submissionId);
      return;
    }
    const events = new EventBatcher(this.publisher, submissionId);
    const result = await this.grader.grade(
      problem,
      { code: submission.code, mode: submission.mode, ...(submission.customTests ? { customTests: submission.customTests } : {}) },
      {
        onStart: ({ total }) => events.push({ type: 'started', submissionId, attempt: submission.gradeAttempts, total }, true),
        onTest: (test) => events.push({ type: 'test', submissionId, ...test }),
      },
    );
    await events.flush();
    if (result.verdict === 'internal_error') throw new GradingFailure(result.message ?? 'the grader failed');
    await this.finalizer.finish(submission, result, {
      version: problem.meta.version,
      expectedMinutes: expectedMinutesOf(problem.meta),
    });
  }
}
