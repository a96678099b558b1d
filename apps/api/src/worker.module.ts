import { type DynamicModule, Module } from '@nestjs/common';
import { type Clock, ClockModule } from './common/clock';
import { LINKS_ENV, SHARED_ENV, WORKER_ENV } from './config/config.tokens';
import type { WorkerEnv } from './config/env';
import { loggerModule } from './logging';
import { AuthoringWorkerModule } from './modules/admin-problems/jobs/authoring-worker.module';
import { HealthModule } from './modules/health/health.module';
import { SchedulingProcessor } from './modules/optimizer/jobs/scheduling.processor';
import { OptimizerModule } from './modules/optimizer/optimizer.module';
import { PrismaModule } from './modules/prisma/prisma.module';
import { QueueModule } from './modules/queue/queue.module';
import { RemindersWorkerModule } from './modules/reminders/reminders-worker.module';
import { GradingWorkerModule } from './modules/submissions/jobs/grading-worker.module';
import { SystemProcessor } from './modules/system/ping.processor';

/** The worker process: the same modules as the API, no HTTP server, plus the queue consumers. */
@Module({})
export class WorkerModule {
  static forRoot(env: WorkerEnv, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [
        loggerModule(env, 'worker'),
        ClockModule.forRoot(options.clock),
        PrismaModule,
        QueueModule,
        HealthModule,
        RemindersWorkerModule,
        GradingWorkerModule,
        AuthoringWorkerModule,
        OptimizerModule,
      ],
      providers: [
        { provide: WORKER_ENV, useValue: env },
        { provide: SHARED_ENV, useValue: env },
        { provide: LINKS_ENV, useValue: env },
        SystemProcessor,
        SchedulingProcessor,
      ],
      exports: [WORKER_ENV, SHARED_ENV, LINKS_ENV],
    };
  }
}
