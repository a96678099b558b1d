import { Module } from '@nestjs/common';
import { AttemptsRepository } from './attempts.repository';
import { OutcomesService } from './outcomes.service';
import { ProblemReviews, UnwiredProblemReviews } from './problem-reviews';

/** Attempts, the rating rule and the seam to the scheduler; shared by the API and the grading worker. */
@Module({
  providers: [AttemptsRepository, OutcomesService, { provide: ProblemReviews, useClass: UnwiredProblemReviews }],
  exports: [OutcomesService, AttemptsRepository, ProblemReviews],
})
export class OutcomesModule {}
