import type { JobsOptions } from 'bullmq';
import type { WorkerEnv } from '../../../config/env';

export const REMINDER_TICKS_QUEUE = Symbol('REMINDER_TICKS_QUEUE');
export const REMINDER_EMAILS_QUEUE = Symbol('REMINDER_EMAILS_QUEUE');

/** The job scheduler's id: upserting it from every worker leaves one schedule. */
export const TICK_SCHEDULER_ID = 'reminders-every-15-minutes';
/** Every quarter hour on the clock (UTC), so a 09:00 reminder goes at the 09:00 tick, in every offset we know of. */
export const TICK_PATTERN = '*/15 * * * *';

const WEEK_SECONDS = 7 * 86_400;

/** Retries with exponential backoff (1, 2, 4, 8, 16 minutes by default); finished jobs stay a week, so their ids dedupe. */
export function sendJobOptions(env: Pick<WorkerEnv, 'REMINDER_SEND_ATTEMPTS' | 'REMINDER_RETRY_DELAY_MS'>): JobsOptions {
  return {
    attempts: env.REMINDER_SEND_ATTEMPTS,
    backoff: { type: 'exponential', delay: env.REMINDER_RETRY_DELAY_MS },
    removeOnComplete: { age: WEEK_SECONDS },
    removeOnFail: { age: WEEK_SECONDS },
  };
}
