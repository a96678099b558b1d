import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../../modules/queue/queue.tokens';

/** What a stream stores: every event as sent, except `done`, which readers answer with the stored entity. */
export type StoredProgressEvent<E extends { type: string }> = Exclude<E, { type: 'done' }> | { type: 'done' };
/** One event read back, with its SSE id: `<stream entry id>.<position in the entry>`. */
export interface ProgressStreamEvent<E extends { type: string }> {
  id: string;
  event: StoredProgressEvent<E>;
}

/** What tells one kind of progress stream from another. */
export interface ProgressStreamKind {
  /** Key segment: the stream is `<queue prefix>:<key>:<id>:events`, its channel `<queue prefix>:<key>:<id>`. */
  key: string;
  /** In log lines: "<label> events". */
  label: string;
  /** A stream outlives its last append by this long; late readers then get the state from Postgres. */
  ttlMs: number;
}

/** Event ids: a Redis stream entry id and the event's position in that entry. Anything else from a client is ignored. */
const EVENT_ID = /^(\d{1,20}-\d{1,20})\.(\d{1,6})$/;

export function parseEventId(id: string | undefined): { entry: string; index: number } | undefined {
  const match = id ? EVENT_ID.exec(id) : null;
  return match ? { entry: match[1]!, index: Number(match[2]) } : undefined;
}

function keys(prefix: string, kind: ProgressStreamKind, id: string) {
  return { stream: `${prefix}:${kind.key}:${id}:events`, channel: `${prefix}:${kind.key}:${id}` };
}

/**
 * Progress of each graded entity (a submission, a lab submission) lives in Redis, not in any process: a stream per
 * entity (`queued`, `started`, ..., `done`) that any API instance can replay from an event id, and a channel that says
 * "the stream grew". Each entry holds the events of one append (a worker sends its events in small batches), so a
 * problem with a hundred tests costs a few stream entries, not a hundred. Each slice extends this, naming its kind.
 */
@Injectable()
export abstract class ProgressEventsPublisher<E extends { type: string }> {
  protected abstract readonly kind: ProgressStreamKind;

  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  async append(id: string, events: StoredProgressEvent<E>[]): Promise<void> {
    if (events.length === 0) return;
    const { stream, channel } = keys(this.env.QUEUE_PREFIX, this.kind, id);
    const replies =
      (await this.redis
        .multi()
        .xadd(stream, '*', 'e', JSON.stringify(events))
        .pexpire(stream, this.kind.ttlMs)
        .publish(channel, '1')
        .exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0];
  }
}

/** Reads the streams of one kind, and tells watchers when one grows (one subscriber connection per API process). */
@Injectable()
export abstract class ProgressEventsReader<E extends { type: string }> implements OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  private subscriber: IORedis | undefined;
  private readonly watchers = new Map<string, { notify: Set<() => void>; subscribed: Promise<unknown> }>();

  protected abstract readonly kind: ProgressStreamKind;

  constructor(
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  /** Events after the event id `after` (all when absent), in order. */
  async read(submissionId: string, after?: string): Promise<ProgressStreamEvent<E>[]> {
    const { stream } = keys(this.env.QUEUE_PREFIX, this.kind, submissionId);
    const from = parseEventId(after);
    const entries = await this.redis.xrange(stream, from ? from.entry : '-', '+');
    const out: ProgressStreamEvent<E>[] = [];
    for (const [entry, fields] of entries) {
      const at = fields.indexOf('e');
      let events: StoredProgressEvent<E>[] = [];
      try {
        events = at >= 0 ? (JSON.parse(fields[at + 1] ?? '[]') as StoredProgressEvent<E>[]) : [];
      } catch {
        this.logger.warn({ submissionId, entry }, `unreadable ${this.kind.label} events skipped`);
      }
      events.forEach((event, index) => {
        if (from && entry === from.entry && index <= from.index) return;
        out.push({ id: `${entry}.${index}`, event });
      });
    }
    return out;
  }

  /** Calls `onGrow` whenever the entity's stream grows, until the returned function is called. */
  async watch(submissionId: string, onGrow: () => void): Promise<() => Promise<void>> {
    const { channel } = keys(this.env.QUEUE_PREFIX, this.kind, submissionId);
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
      this.subscriber.on('error', (e: Error) => this.logger.warn({ err: e.message }, `${this.kind.label} events subscriber`));
    }
    return this.subscriber;
  }

  async onModuleDestroy(): Promise<void> {
    this.watchers.clear();
    await this.subscriber?.quit().catch(() => undefined);
  }
}
