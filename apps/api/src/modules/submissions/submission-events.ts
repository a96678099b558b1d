import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { TSubmissionEvent } from '@prep/contracts';
import {
  ProgressEventsPublisher,
  ProgressEventsReader,
  type ProgressStreamKind,
  type StoredProgressEvent,
} from '../../common/progress-stream/progress-events';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

export type StoredEvent = StoredProgressEvent<TSubmissionEvent>;

/** `queued`, `started`, `test`..., `done`; kept an hour after grading, then late readers get Postgres' state. */
const SUBMISSION_STREAM: ProgressStreamKind = { key: 'submission', label: 'submission', ttlMs: 60 * 60 * 1000 };

@Injectable()
export class SubmissionEventsPublisher extends ProgressEventsPublisher<TSubmissionEvent> {
  constructor(@Inject(BULL_CONNECTION) redis: IORedis, @Inject(SHARED_ENV) env: CliEnv) {
    super(redis, env.QUEUE_PREFIX, SUBMISSION_STREAM);
  }
}

@Injectable()
export class SubmissionEventsReader extends ProgressEventsReader<TSubmissionEvent> {
  constructor(@Inject(BULL_CONNECTION) redis: IORedis, @Inject(SHARED_ENV) env: CliEnv) {
    super(redis, env.QUEUE_PREFIX, SUBMISSION_STREAM);
  }
}
