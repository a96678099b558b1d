import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { QueueName } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { createBullConnection, createQueue } from './redis';
import { QueueService } from './queue.service';
import { BULL_CONNECTION, GRADING_QUEUE, SYSTEM_QUEUE } from './queue.tokens';

const queueProvider = (token: symbol, name: QueueName) => ({
  provide: token,
  inject: [SHARED_ENV, BULL_CONNECTION],
  useFactory: (env: CliEnv, connection: IORedis) => createQueue(name, connection, env.QUEUE_PREFIX),
});

/** Producers: the API enqueues through QueueService. Consumers live in the worker process. */
@Global()
@Module({
  providers: [
    { provide: BULL_CONNECTION, inject: [SHARED_ENV], useFactory: (env: CliEnv) => createBullConnection(env.REDIS_URL) },
    queueProvider(SYSTEM_QUEUE, QueueName.System),
    queueProvider(GRADING_QUEUE, QueueName.Grading),
    QueueService,
  ],
  exports: [QueueService, BULL_CONNECTION],
})
export class QueueModule implements OnModuleDestroy {
  constructor(
    @Inject(SYSTEM_QUEUE) private readonly systemQueue: Queue,
    @Inject(GRADING_QUEUE) private readonly gradingQueue: Queue,
    @Inject(BULL_CONNECTION) private readonly connection: IORedis,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.systemQueue.close(), this.gradingQueue.close()]);
    await this.connection.quit().catch(() => undefined);
  }
}
