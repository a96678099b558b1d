import type { ServerResponse } from 'node:http';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { TLabSubmissionEvent } from '@prep/contracts';
import { parseEventId } from '../submissions/submission-events';
import { LabEventsReader, type StoredLabEvent } from './lab-events';
import { LabsService } from './labs.service';

/** Keep-alive comment interval; each one also re-reads the status, in case a `done` was never published. */
const KEEP_ALIVE_MS = 15_000;

function message(event: TLabSubmissionEvent, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * GET /api/lab-submissions/:id/events (as SubmissionStreams). Everything comes from Redis and Postgres, so any API instance can serve any
 * client: replay the stream after Last-Event-ID (or from the start), then follow it until `done`, which is always
 * sent from the stored submission. A submission that is already done gets just `done`.
 */
@Injectable()
export class LabSubmissionStreams implements OnModuleDestroy {
  private readonly logger = new Logger(LabSubmissionStreams.name);
  /** Open streams, ended on shutdown so the server can close (clients reconnect, to any instance, with Last-Event-ID). */
  private readonly open = new Set<() => Promise<void>>();

  constructor(
    private readonly labs: LabsService,
    private readonly reader: LabEventsReader,
  ) {}

  /** `status`: the submission's, read (and its ownership checked) before the response was taken over. */
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
      const submission = await this.labs.view(userId, id);
      res.write(message({ type: 'done', submission }, eventId));
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
            if (entry.event.type === 'done') {
              if (chunk) res.write(chunk);
              return sendDone(entry.id);
            }
            chunk += message(entry.event as Exclude<StoredLabEvent, { type: 'done' }>, entry.id);
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
      this.logger.warn({ err: (e as Error).message, submissionId: id }, 'lab submission event stream failed');
      void close();
    };

    try {
      if (status === 'done') return await sendDone();
      unwatch = await this.reader.watch(id, () => void pump().catch(fail));
      if (closed) return await unwatch(); // the client left while we subscribed
      await pump();
      if (closed) return;
      // The stream is gone (it outlived its TTL) or was never written: say where it stands.
      if (!sentAny && !last) res.write(message({ type: 'queued', submissionId: id }));
      timer = setInterval(() => {
        res.write(': keep-alive\n\n');
        void this.labs
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
