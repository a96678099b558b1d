import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { QueueName } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { createBullConnection } from './redis';
import { QueueService } from './queue.service';
import { BULL_CONNECTION, SYSTEM_QUEUE } from './queue.tokens';

/** Producers: the API enqueues through QueueService. Consumers live in the worker process. */
@Global()
@Module({
  providers: [
    { provide: BULL_CONNECTION, inject: [SHARED_ENV], useFactory: (env: CliEnv) => createBullConnection(env.REDIS_URL) },
    {
      provide: SYSTEM_QUEUE,
      inject: [SHARED_ENV, BULL_CONNECTION],
      useFactory: (env: CliEnv, connection: IORedis) => new Queue(QueueName.System, { connection, prefix: env.QUEUE_PREFIX }),
    },
    QueueService,
  ],
  exports: [QueueService, BULL_CONNECTION],
})
export class QueueModule implements OnModuleDestroy {
  constructor(
    @Inject(SYSTEM_QUEUE) private readonly systemQueue: Queue,
    @Inject(BULL_CONNECTION) private readonly connection: IORedis,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.systemQueue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
