import { Module } from '@nestjs/common';
import { createGrader } from '@prep/grader';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { OutcomesModule } from '../../outcomes/outcomes.module';
import { SubmissionEventsPublisher } from '../submission-events';
import { SubmissionFinalizer } from '../submission-finalizer';
import { SubmissionsRepository } from '../submissions.repository';
import { AuthoredProblemsRepository } from './authored-problems.repository';
import { GRADER, GradeSubmission } from './grade-submission';
import { GradingProcessor } from './grading.processor';
import { ProblemBank } from './problem-bank';
import { SubmissionSweeper } from './submission-sweeper';

/** The worker's half of submissions: the grading queue consumer, its grader pool and the sweeper. */
@Module({
  imports: [OutcomesModule],
  providers: [
    { provide: GRADER, inject: [WORKER_ENV], useFactory: (env: WorkerEnv) => createGrader({ poolSize: env.GRADER_POOL_SIZE }) },
    GradeSubmission,
    AuthoredProblemsRepository,
    GradingProcessor,
    ProblemBank,
    SubmissionSweeper,
    SubmissionsRepository,
    SubmissionFinalizer,
    SubmissionEventsPublisher,
  ],
  exports: [GradingProcessor, SubmissionSweeper, GRADER],
})
export class GradingWorkerModule {}
