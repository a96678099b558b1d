import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SettingsModule } from '../settings/settings.module';
import { OptimizerRepository } from './optimizer.repository';
import { OptimizerService } from './optimizer.service';
import { SCHEDULING_QUEUE, schedulingQueueProvider } from './scheduling-queue';

/** The per-learner optimizer. The API queues runs (OptimizerController, in LearnerHttpModule); the worker runs them (SchedulingProcessor). */
@Module({
  imports: [SettingsModule],
  providers: [OptimizerService, OptimizerRepository, schedulingQueueProvider],
  exports: [OptimizerService, OptimizerRepository, SCHEDULING_QUEUE],
})
export class OptimizerModule implements OnModuleDestroy {
  constructor(@Inject(SCHEDULING_QUEUE) private readonly queue: Queue) {}

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
