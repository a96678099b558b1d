import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { TLabSubmissionEvent } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';
import { parseEventId } from '../submissions/submission-events';

/** What a lab submission's stream stores: every event as sent, except `done`, answered from the stored submission. */
export type StoredLabEvent = Exclude<TLabSubmissionEvent, { type: 'done' }> | { type: 'done' };
export interface LabStreamEvent {
  id: string;
  event: StoredLabEvent;
}

/** A stream outlives its grading by this long (labs can wait for a slot); late readers then get Postgres' state. */
const STREAM_TTL_MS = 6 * 60 * 60 * 1000;

function keys(prefix: string, id: string) {
  return { stream: `${prefix}:lab-submission:${id}:events`, channel: `${prefix}:lab-submission:${id}` };
}

/**
 * Lab submissions' progress, like code submissions' (SubmissionEventsPublisher): a Redis stream per submission that
 * any API instance replays from an event id, and a channel that says "it grew". The main worker appends `started`
 * and `done`; the API appends `queued`.
 */
@Injectable()
export class LabEventsPublisher {
  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  async append(submissionId: string, events: StoredLabEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { stream, channel } = keys(this.env.QUEUE_PREFIX, submissionId);
    const replies =
      (await this.redis
        .multi()
        .xadd(stream, '*', 'e', JSON.stringify(events))
        .pexpire(stream, STREAM_TTL_MS)
        .publish(channel, '1')
        .exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0];
  }
}

/** Reads lab submission streams and tells watchers when one grows (one subscriber connection per API process). */
@Injectable()
export class LabEventsReader implements OnModuleDestroy {
  private readonly logger = new Logger(LabEventsReader.name);
  private subscriber: IORedis | undefined;
  private readonly watchers = new Map<string, { notify: Set<() => void>; subscribed: Promise<unknown> }>();

  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  async read(submissionId: string, after?: string): Promise<LabStreamEvent[]> {
    const { stream } = keys(this.env.QUEUE_PREFIX, submissionId);
    const from = parseEventId(after);
    const entries = await this.redis.xrange(stream, from ? from.entry : '-', '+');
    const out: LabStreamEvent[] = [];
    for (const [entry, fields] of entries) {
      const at = fields.indexOf('e');
      let events: StoredLabEvent[] = [];
      try {
        events = at >= 0 ? (JSON.parse(fields[at + 1] ?? '[]') as StoredLabEvent[]) : [];
      } catch {
        this.logger.warn({ submissionId, entry }, 'unreadable lab submission events skipped');
      }
      events.forEach((event, index) => {
        if (from && entry === from.entry && index <= from.index) return;
        out.push({ id: `${entry}.${index}`, event });
      });
    }
    return out;
  }

  async watch(submissionId: string, onGrow: () => void): Promise<() => Promise<void>> {
    const { channel } = keys(this.env.QUEUE_PREFIX, submissionId);
    const subscriber = this.connect();
    let watched = this.watchers.get(channel);
    if (!watched) {
      watched = { notify: new Set(), subscribed: subscriber.subscribe(channel) };
      this.watchers.set(channel, watched);
    }
    watched.notify.add(onGrow);
    await watched.subscribed;
    return async () => {
      const current = this.watchers.get(channel);
      if (!current?.notify.delete(onGrow) || current.notify.size > 0) return;
      this.watchers.delete(channel);
      await subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  private connect(): IORedis {
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', (channel: string) => {
        for (const notify of this.watchers.get(channel)?.notify ?? []) notify();
      });
      this.subscriber.on('error', (e: Error) => this.logger.warn({ err: e.message }, 'lab events subscriber'));
    }
    return this.subscriber;
  }

  async onModuleDestroy(): Promise<void> {
    this.watchers.clear();
    await this.subscriber?.quit().catch(() => undefined);
  }
}
