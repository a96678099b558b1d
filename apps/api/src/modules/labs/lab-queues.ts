import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { LabQueueName } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { createQueue } from '../queue/redis';
import { BULL_CONNECTION } from '../queue/queue.tokens';

export const LAB_QUEUES = Symbol('LAB_QUEUES');

/** The producer side of the lab queues: `labs` (any device) and `labs-gpu` (GPU-only labs). */
export interface LabQueues {
  any: Queue;
  gpu: Queue;
  close(): Promise<void>;
}

export const labQueuesProvider = {
  provide: LAB_QUEUES,
  inject: [SHARED_ENV, BULL_CONNECTION],
  useFactory: (env: CliEnv, connection: IORedis): LabQueues => {
    const any = createQueue(LabQueueName.Labs, connection, env.QUEUE_PREFIX);
    const gpu = createQueue(LabQueueName.LabsGpu, connection, env.QUEUE_PREFIX);
    return { any, gpu, close: async () => void (await Promise.all([any.close(), gpu.close()])) };
  },
};
