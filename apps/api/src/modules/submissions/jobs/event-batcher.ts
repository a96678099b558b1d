import { Logger } from '@nestjs/common';
import { SubmissionEventsPublisher, type StoredEvent } from '../submission-events';

/** Progress events wait this long to travel together: one Redis round trip per batch, still live to a person. */
const BATCH_MS = 15;

/** Appends one submission's progress events to its stream in order, in small batches. Never fails the grade. */
export class EventBatcher {
  private readonly logger = new Logger(EventBatcher.name);
  private pending: StoredEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly publisher: SubmissionEventsPublisher,
    private readonly submissionId: string,
  ) {}

  push(event: StoredEvent, now = false): void {
    this.pending.push(event);
    if (now) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  /** Sends what is pending; resolves once everything pushed so far is in the stream (or given up on). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      this.chain = this.chain.then(() =>
        this.publisher.append(this.submissionId, batch).catch((e: unknown) => {
          this.logger.warn({ err: (e as Error).message, submissionId: this.submissionId }, 'progress events lost');
        }),
      );
    }
    return this.chain;
  }
}
