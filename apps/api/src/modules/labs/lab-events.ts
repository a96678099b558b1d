import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { TLabSubmissionEvent } from '@prep/contracts';
import { ProgressEventsPublisher, ProgressEventsReader, type ProgressStreamKind } from '../../common/progress-stream/progress-events';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

/**
 * `queued` (the API), `started` and `done` (the main worker). Kept six hours, as labs can wait long for a slot;
 * late readers then get Postgres' state.
 */
const LAB_SUBMISSION_STREAM: ProgressStreamKind = { key: 'lab-submission', label: 'lab submission', ttlMs: 6 * 60 * 60 * 1000 };

@Injectable()
export class LabEventsPublisher extends ProgressEventsPublisher<TLabSubmissionEvent> {
  constructor(@Inject(BULL_CONNECTION) redis: IORedis, @Inject(SHARED_ENV) env: CliEnv) {
    super(redis, env.QUEUE_PREFIX, LAB_SUBMISSION_STREAM);
  }
}

@Injectable()
export class LabEventsReader extends ProgressEventsReader<TLabSubmissionEvent> {
  constructor(@Inject(BULL_CONNECTION) redis: IORedis, @Inject(SHARED_ENV) env: CliEnv) {
    super(redis, env.QUEUE_PREFIX, LAB_SUBMISSION_STREAM);
  }
}
