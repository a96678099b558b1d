import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { ProblemsModule } from '../problems/problems.module';
import { SubmissionEventsPublisher, SubmissionEventsReader } from './submission-events';
import { SubmissionFinalizer } from './submission-finalizer';
import { SubmissionRateLimiter } from './submission-rate-limiter';
import { SubmissionStreams } from './submission-stream';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

/** Submissions over HTTP: admit and enqueue (never grade), results, history and live events. */
@Module({
  imports: [AuthModule, OutcomesModule, ProblemsModule],
  controllers: [SubmissionsController],
  providers: [
    SubmissionsService,
    SubmissionsRepository,
    SubmissionFinalizer,
    SubmissionEventsPublisher,
    SubmissionEventsReader,
    SubmissionRateLimiter,
    SubmissionStreams,
  ],
})
export class SubmissionsModule {}
