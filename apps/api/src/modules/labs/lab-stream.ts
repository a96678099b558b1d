import { Injectable } from '@nestjs/common';
import type { TLabSubmissionEvent } from '@prep/contracts';
import { ProgressEventStreams } from '../../common/progress-stream/progress-sse';
import { LabEventsReader } from './lab-events';
import { LabsService } from './labs.service';

/** GET /api/lab-submissions/:id/events: a lab submission's progress (see ProgressEventStreams). */
@Injectable()
export class LabSubmissionStreams extends ProgressEventStreams<TLabSubmissionEvent> {
  constructor(labs: LabsService, reader: LabEventsReader) {
    super(reader, {
      label: 'lab submission',
      done: async (userId, id) => ({ type: 'done', submission: await labs.view(userId, id) }),
      statusOf: (userId, id) => labs.statusOf(userId, id),
      queued: (submissionId) => ({ type: 'queued', submissionId }),
    });
  }
}
