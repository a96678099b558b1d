import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { TSubmissionEvent } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

/** What the stream stores: every event as sent, except `done`, which readers answer with the stored submission. */
export type StoredEvent = Exclude<TSubmissionEvent, { type: 'done' }> | { type: 'done' };
/** One event read back, with its SSE id: `<stream entry id>.<position in the entry>`. */
export interface StreamEvent {
  id: string;
  event: StoredEvent;
}

/** A stream outlives its submission's grading by this long; late readers then get the state from Postgres. */
const STREAM_TTL_MS = 60 * 60 * 1000;
/** Event ids: a Redis stream entry id and the event's position in that entry. Anything else from a client is ignored. */
const EVENT_ID = /^(\d{1,20}-\d{1,20})\.(\d{1,6})$/;

export function parseEventId(id: string | undefined): { entry: string; index: number } | undefined {
  const match = id ? EVENT_ID.exec(id) : null;
  return match ? { entry: match[1]!, index: Number(match[2]) } : undefined;
}

function keys(prefix: string, id: string) {
  return { stream: `${prefix}:submission:${id}:events`, channel: `${prefix}:submission:${id}` };
}

/**
 * Progress of each submission lives in Redis, not in any process: a stream per submission (`queued`, `started`,
 * `test`..., `done`) that any API instance can replay from an event id, and a channel that says "the stream grew".
 * Each entry holds the events of one append (the worker sends a test's events in small batches), so a problem with
 * a hundred tests costs a few stream entries, not a hundred.
 */
@Injectable()
export class SubmissionEventsPublisher {
  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  async append(submissionId: string, events: StoredEvent[]): Promise<void> {
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

/** Reads the streams, and tells watchers when one grows (one subscriber connection per API process). */
@Injectable()
export class SubmissionEventsReader implements OnModuleDestroy {
  private readonly logger = new Logger(SubmissionEventsReader.name);
  private subscriber: IORedis | undefined;
  private readonly watchers = new Map<string, { notify: Set<() => void>; subscribed: Promise<unknown> }>();

  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  /** Events after the event id `after` (all when absent), in order. */
  async read(submissionId: string, after?: string): Promise<StreamEvent[]> {
    const { stream } = keys(this.env.QUEUE_PREFIX, submissionId);
    const from = parseEventId(after);
    const entries = await this.redis.xrange(stream, from ? from.entry : '-', '+');
    const out: StreamEvent[] = [];
    for (const [entry, fields] of entries) {
      const at = fields.indexOf('e');
      let events: StoredEvent[] = [];
      try {
        events = at >= 0 ? (JSON.parse(fields[at + 1] ?? '[]') as StoredEvent[]) : [];
      } catch {
        this.logger.warn({ submissionId, entry }, 'unreadable submission events skipped');
      }
      events.forEach((event, index) => {
        if (from && entry === from.entry && index <= from.index) return;
        out.push({ id: `${entry}.${index}`, event });
      });
    }
    return out;
  }

  /** Calls `onGrow` whenever the submission's stream grows, until the returned function is called. */
  async watch(submissionId: string, onGrow: () => void): Promise<() => Promise<void>> {
    const { channel } = keys(this.env.QUEUE_PREFIX, submissionId);
    const subscriber = this.connect();
    let watched = this.watchers.get(channel);
    if (!watched) {
      watched = { notify: new Set(), subscribed: subscriber.subscribe(channel) };
      this.watchers.set(channel, watched);
    }
    watched.notify.add(onGrow);
    // Every watcher waits for the subscription itself, so nothing published after this returns is missed.
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
      this.subscriber.on('error', (e: Error) => this.logger.warn({ err: e.message }, 'submission events subscriber'));
    }
    return this.subscriber;
  }

  async onModuleDestroy(): Promise<void> {
    this.watchers.clear();
    await this.subscriber?.quit().catch(() => undefined);
  }
}
