import { Injectable } from '@nestjs/common';
import type { TLabSubmissionEvent } from '@prep/contracts';
import { ProgressEventsPublisher, ProgressEventsReader, type ProgressStreamKind } from '../../common/progress-stream/progress-events';

/**
 * `queued` (the API), `started` and `done` (the main worker). Kept six hours, as labs can wait long for a slot;
 * late readers then get Postgres' state.
 */
const LAB_SUBMISSION_STREAM: ProgressStreamKind = { key: 'lab-submission', label: 'lab submission', ttlMs: 6 * 60 * 60 * 1000 };

@Injectable()
export class LabEventsPublisher extends ProgressEventsPublisher<TLabSubmissionEvent> {
  protected readonly kind = LAB_SUBMISSION_STREAM;
}

@Injectable()
export class LabEventsReader extends ProgressEventsReader<TLabSubmissionEvent> {
  protected readonly kind = LAB_SUBMISSION_STREAM;
}
