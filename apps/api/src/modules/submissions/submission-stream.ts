import { Injectable } from '@nestjs/common';
import type { TSubmissionEvent } from '@prep/contracts';
import { ProgressEventStreams } from '../../common/progress-stream/progress-sse';
import { SubmissionEventsReader } from './submission-events';
import { SubmissionsService } from './submissions.service';

/** GET /api/submissions/:id/events: a submission's progress (see ProgressEventStreams). */
@Injectable()
export class SubmissionStreams extends ProgressEventStreams<TSubmissionEvent> {
  constructor(submissions: SubmissionsService, reader: SubmissionEventsReader) {
    super(reader, {
      label: 'submission',
      done: async (userId, id) => ({ type: 'done', submission: await submissions.view(userId, id) }),
      statusOf: (userId, id) => submissions.statusOf(userId, id),
      queued: (submissionId) => ({ type: 'queued', submissionId }),
    });
  }
}
