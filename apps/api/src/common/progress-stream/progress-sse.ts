import type { ServerResponse } from 'node:http';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { parseEventId, type ProgressEventsReader, type StoredProgressEvent } from './progress-events';

/** Keep-alive comment interval; each one also re-reads the status, in case a `done` was never published. */
const KEEP_ALIVE_MS = 15_000;

/** Where a progress stream's state comes from, besides the stream itself (Postgres, through the slice's service). */
export interface ProgressSource<E extends { type: string }> {
  /** In log lines: "<label> event stream failed". */
  label: string;
  /** The `done` event, always built from the stored entity (the stream's `done` is only a marker). */
  done(userId: string, id: string): Promise<Extract<E, { type: 'done' }>>;
  /** The entity's status now; `done` ends the stream. */
  statusOf(userId: string, id: string): Promise<string>;
  /** Told to a client when the stream holds nothing (it outlived its TTL or was never written). */
  queued(id: string): E;
}

function message<E extends { type: string }>(event: E, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

function isDone<E extends { type: string }>(event: StoredProgressEvent<E>): event is { type: 'done' } {
  return event.type === 'done';
}

/**
 * GET /api/<entities>/:id/events. Everything comes from Redis and Postgres, so any API instance can serve any client:
 * replay the stream after Last-Event-ID (or from the start), then follow it until `done`, which is always sent from
 * the stored entity. An entity that is already done gets just `done`. Each slice extends this with its source.
 */
export class ProgressEventStreams<E extends { type: string }> implements OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  /** Open streams, ended on shutdown so the server can close (clients reconnect, to any instance, with Last-Event-ID). */
  private readonly open = new Set<() => Promise<void>>();

  constructor(
    private readonly reader: ProgressEventsReader<E>,
    private readonly source: ProgressSource<E>,
  ) {}

  /** `status`: the entity's, read (and its ownership checked) before the response was taken over. */
  async serve(userId: string, id: string, status: string, lastEventId: string | undefined, res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: proxies (the web app's /api proxy, nginx) must not compress or buffer the stream.
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');

    let last = parseEventId(lastEventId) ? lastEventId : undefined;
    let closed = false;
    let sentAny = false;
    let unwatch: (() => Promise<void>) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const close = async () => {
      if (closed) return;
      closed = true;
      this.open.delete(close);
      clearInterval(timer);
      await unwatch?.();
      res.end();
    };
    this.open.add(close);
    res.on('close', () => void close());

    let ending = false;
    const sendDone = async (eventId?: string) => {
      if (closed || ending) return;
      ending = true; // once: the stream and the keep-alive check may both see the end
      res.write(message(await this.source.done(userId, id), eventId));
      await close();
    };

    let pumping: Promise<void> | undefined;
    let again = false;
    const pump = (): Promise<void> => {
      if (pumping) {
        again = true;
        return pumping;
      }
      pumping = (async () => {
        do {
          again = false;
          // One write per read: a hundred test events are one chunk on the wire, not a hundred.
          let chunk = '';
          for (const entry of await this.reader.read(id, last)) {
            if (closed) return;
            if (isDone(entry.event)) {
              if (chunk) res.write(chunk);
              return sendDone(entry.id);
            }
            chunk += message<E>(entry.event, entry.id);
            last = entry.id;
            sentAny = true;
          }
          if (chunk && !closed) res.write(chunk);
        } while (again && !closed);
      })().finally(() => {
        pumping = undefined;
      });
      return pumping;
    };
    const fail = (e: unknown) => {
      this.logger.warn({ err: (e as Error).message, submissionId: id }, `${this.source.label} event stream failed`);
      void close();
    };

    try {
      if (status === 'done') return await sendDone();
      unwatch = await this.reader.watch(id, () => void pump().catch(fail));
      if (closed) return await unwatch(); // the client left while we subscribed
      await pump();
      if (closed) return;
      if (!sentAny && !last) res.write(message(this.source.queued(id)));
      timer = setInterval(() => {
        res.write(': keep-alive\n\n');
        void this.source
          .statusOf(userId, id)
          .then(async (now) => {
            if (now !== 'done') return;
            await pump();
            await sendDone();
          })
          .catch(fail);
      }, KEEP_ALIVE_MS);
    } catch (e) {
      fail(e);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.open].map((close) => close()));
  }
}
