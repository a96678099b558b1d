import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';

/** A connection for BullMQ. Workers' blocking commands need `maxRetriesPerRequest: null`. */
export function createBullConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/** A connection for health checks: fails fast instead of queueing commands while Redis is down. */
export function createProbeConnection(url: string, options: RedisOptions = {}): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableOfflineQueue: false, lazyConnect: true, ...options });
}

/** A connection for request-path counters (rate limits): a command fails within about a second while Redis is down. */
export function createCounterConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableReadyCheck: true });
}

/** BullMQ loses jobs if Redis may evict keys. */
export function evictionPolicyProblem(policy: string | undefined): string | null {
  if (policy === 'noeviction') return null;
  return `Redis maxmemory-policy is "${policy ?? 'unknown'}", but BullMQ needs "noeviction" or queued jobs can be silently evicted. Set it with: redis-cli CONFIG SET maxmemory-policy noeviction (and maxmemory-policy noeviction in redis.conf).`;
}

export async function readEvictionPolicy(redis: IORedis): Promise<string | undefined> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  return reply[1];
}

/**
 * A BullMQ queue (producer side). A queue emits `error` when its connection drops (Redis restarting, or the app
 * closing while it still connects); an EventEmitter error without a listener would crash the process, so every
 * queue gets one that logs.
 */
export function createQueue(name: string, connection: IORedis, prefix: string): Queue {
  const queue = new Queue(name, { connection, prefix });
  queue.on('error', (err) => queueLogger.warn(`queue ${name}: ${err.message}`));
  return queue;
}

const queueLogger = new Logger('Queue');
