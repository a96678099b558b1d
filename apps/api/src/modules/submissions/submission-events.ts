import { Injectable } from '@nestjs/common';
import type { TSubmissionEvent } from '@prep/contracts';
import {
  ProgressEventsPublisher,
  ProgressEventsReader,
  type ProgressStreamKind,
  type StoredProgressEvent,
} from '../../common/progress-stream/progress-events';

export type StoredEvent = StoredProgressEvent<TSubmissionEvent>;

/** `queued`, `started`, `test`..., `done`; kept an hour after grading, then late readers get Postgres' state. */
const SUBMISSION_STREAM: ProgressStreamKind = { key: 'submission', label: 'submission', ttlMs: 60 * 60 * 1000 };

@Injectable()
export class SubmissionEventsPublisher extends ProgressEventsPublisher<TSubmissionEvent> {
  protected readonly kind = SUBMISSION_STREAM;
}

@Injectable()
export class SubmissionEventsReader extends ProgressEventsReader<TSubmissionEvent> {
  protected readonly kind = SUBMISSION_STREAM;
}
