import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { StudyModule } from '../study/study.module';
import { SubmissionRateLimiter } from '../submissions/submission-rate-limiter';
import { LabEventsPublisher, LabEventsReader } from './lab-events';
import { LAB_QUEUES, labQueuesProvider, type LabQueues } from './lab-queues';
import { LabResults } from './lab-results';
import { LabSubmissionStreams } from './lab-stream';
import { LabsController } from './labs.controller';
import { LabsRepository } from './labs.repository';
import { LabsService } from './labs.service';

/** Labs over HTTP: pages, drafts, admit and enqueue submissions on labs / labs-gpu (never grade), results, live events. */
@Module({
  imports: [AuthModule, OutcomesModule, StudyModule],
  controllers: [LabsController],
  providers: [
    LabsService,
    LabsRepository,
    LabResults,
    LabEventsPublisher,
    LabEventsReader,
    LabSubmissionStreams,
    SubmissionRateLimiter,
    labQueuesProvider,
  ],
})
export class LabsModule implements OnModuleDestroy {
  constructor(@Inject(LAB_QUEUES) private readonly queues: LabQueues) {}

  async onModuleDestroy(): Promise<void> {
    await this.queues.close();
  }
}
