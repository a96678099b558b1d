import { Module } from '@nestjs/common';
import { StudyModule } from '../study/study.module';
import { AttemptsRepository } from './attempts.repository';
import { LabOutcomesService } from './lab-outcomes.service';
import { OutcomesService } from './outcomes.service';
import { LearnerCoreProblemReviews, ProblemReviews } from './problem-reviews';

/**
 * Attempts, the rating rule and the seam to the learner core's scheduler; shared by the API and the grading worker.
 * StudyModule has no controllers (LearnerHttpModule mounts them), so the worker can import this too.
 */
@Module({
  imports: [StudyModule],
  providers: [AttemptsRepository, OutcomesService, LabOutcomesService, { provide: ProblemReviews, useClass: LearnerCoreProblemReviews }],
  exports: [OutcomesService, LabOutcomesService, AttemptsRepository, ProblemReviews],
})
export class OutcomesModule {}
