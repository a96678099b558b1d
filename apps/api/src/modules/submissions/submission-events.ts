import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { TSubmissionEvent } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

/** What the stream stores: every event as sent, except `done`, which readers answer with the stored submission. */
export type StoredEvent = Exclude<TSubmissionEvent, { type: 'done' }> | { type: 'done' };
export interface StreamEntry {
  id: string;
  event: StoredEvent;
}

/** A stream outlives its submission's grading by this long; late readers then get the state from Postgres. */
const STREAM_TTL_MS = 60 * 60 * 1000;
/** Redis stream ids: `<ms>-<seq>`. Anything else from a client is ignored. */
export const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

function keys(prefix: string, id: string) {
  return { stream: `${prefix}:submission:${id}:events`, channel: `${prefix}:submission:${id}` };
}

/**
 * Progress of each submission lives in Redis, not in any process: a stream per submission (`queued`, `started`,
 * `test`..., `done`) that any API instance can replay from an event id, and a channel that says "the stream grew".
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
    const multi = this.redis.multi();
    for (const event of events) multi.xadd(stream, '*', 'e', JSON.stringify(event));
    multi.pexpire(stream, STREAM_TTL_MS).publish(channel, '1');
    const replies = (await multi.exec()) ?? [];
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

  /** Entries after `afterId` (all when absent), in order. */
  async read(submissionId: string, afterId?: string): Promise<StreamEntry[]> {
    const { stream } = keys(this.env.QUEUE_PREFIX, submissionId);
    const entries = await this.redis.xrange(stream, afterId ? `(${afterId}` : '-', '+');
    const out: StreamEntry[] = [];
    for (const [id, fields] of entries) {
      const at = fields.indexOf('e');
      if (at < 0 || at + 1 >= fields.length) continue;
      try {
        out.push({ id, event: JSON.parse(fields[at + 1]!) as StoredEvent });
      } catch {
        this.logger.warn({ submissionId, id }, 'unreadable submission event skipped');
      }
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
