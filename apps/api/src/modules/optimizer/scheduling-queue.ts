import type { Provider } from '@nestjs/common';
import { createQueue } from '../queue/redis';
import type IORedis from 'ioredis';
import { QueueName } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

export const SCHEDULING_QUEUE = Symbol('SCHEDULING_QUEUE');

/** The `scheduling` queue (producer side), on the shared BullMQ connection. Closed by OptimizerModule. */
export const schedulingQueueProvider: Provider = {
  provide: SCHEDULING_QUEUE,
  inject: [SHARED_ENV, BULL_CONNECTION],
  useFactory: (env: CliEnv, connection: IORedis) => createQueue(QueueName.Scheduling, connection, env.QUEUE_PREFIX),
};
