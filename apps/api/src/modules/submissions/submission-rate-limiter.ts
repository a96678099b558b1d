import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

const WINDOW_MS = 60_000;

/** Submissions per learner per minute, counted in Redis (so every API instance shares the count). */
@Injectable()
export class SubmissionRateLimiter {
  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  /** Counts one submission; returns the seconds to wait when the learner is over the limit, else null. */
  async hit(userId: string): Promise<number | null> {
    const key = `${this.env.QUEUE_PREFIX}:rate:submissions:${userId}`;
    const replies = await this.redis.multi().incr(key).pexpire(key, WINDOW_MS, 'NX').pttl(key).exec();
    const count = Number(replies?.[0]?.[1] ?? 0);
    const ttlMs = Number(replies?.[2]?.[1] ?? WINDOW_MS);
    return count > this.env.SUBMISSIONS_PER_MINUTE ? Math.max(1, Math.ceil(ttlMs / 1000)) : null;
  }
}
