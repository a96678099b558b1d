import { Inject, Injectable, Logger } from '@nestjs/common';
import { expectedMinutesOf } from '@prep/contracts';
import type { GradeOptions, Grader } from '@prep/grader';
import { Clock } from '../../../common/clock';
import { SubmissionEventsPublisher } from '../submission-events';
import { SubmissionFinalizer } from '../submission-finalizer';
import { SubmissionsRepository } from '../submissions.repository';
import { AuthoredProblemsRepository } from './authored-problems.repository';
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
    private readonly authored: AuthoredProblemsRepository,
    @Inject(GRADER) private readonly grader: Grader,
    private readonly clock: Clock,
  ) {}

  async run(submissionId: string): Promise<void> {
    const submission = await this.repository.startGrading(submissionId, this.clock.now());
    if (!submission) return; // already done: a duplicate or recovered job changes nothing
    // An authored problem (its published version, from Postgres) wins over a built-in one of the same slug.
    const authored = await this.authored.published(submission.problemSlug);
    const problem = authored ? null : this.problems.get(submission.problemSlug);
    if (!authored && !problem) {
      this.logger.error({ submissionId, slug: submission.problemSlug }, 'no such problem in the content this worker loaded');
      await this.finalizer.failUnfinished(submissionId);
      return;
    }
    const events = new EventBatcher(this.publisher, submissionId);
    const code = {
      code: submission.code,
      mode: submission.mode,
      ...(submission.customTests ? { customTests: submission.customTests } : {}),
    };
    const options: GradeOptions = {
      onStart: ({ total }) => events.push({ type: 'started', submissionId, attempt: submission.gradeAttempts, total }, true),
      onTest: (test) => events.push({ type: 'test', submissionId, ...test }),
    };
    const result = authored
      ? await this.grader.authored.grade(authored.problem, code, options)
      : await this.grader.grade(problem!, code, options);
    await events.flush();
    if (result.verdict === 'internal_error') throw new GradingFailure(result.message ?? 'the grader failed');
    await this.finalizer.finish(
      submission,
      result,
      authored
        ? { version: authored.problem.version, expectedMinutes: authored.expectedMinutes, versionId: authored.versionId }
        : { version: problem!.meta.version, expectedMinutes: expectedMinutesOf(problem!.meta) },
    );
  }
}
