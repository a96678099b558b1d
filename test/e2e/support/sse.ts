/** One Server-Sent Event as received, with when it arrived. */
export type TSseEvent = { id?: string; event: string; data: unknown; at: number };

/**
 * Reads an SSE stream with fetch until the server closes it (or `stopWhen` returns true, which aborts it). Parses
 * `id`, `event` and `data` lines; comments and `retry` are skipped.
 */
export async function readSse(
  url: string,
  options: { cookie: string; lastEventId?: string; stopWhen?: (event: TSseEvent, all: TSseEvent[]) => boolean; timeoutMs?: number },
): Promise<{ status: number; contentType: string | null; events: TSseEvent[] }> {
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new Error(`no end of stream within ${options.timeoutMs ?? 60_000} ms`)),
    options.timeoutMs ?? 60_000,
  );
  const events: TSseEvent[] = [];
  try {
    const response = await fetch(url, {
      headers: {
        cookie: options.cookie,
        accept: 'text/event-stream',
        ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
      },
      signal: abort.signal,
    });
    const contentType = response.headers.get('content-type');
    if (!response.body || response.status !== 200) return { status: response.status, contentType, events };
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
        }
        if (!fields.has('data')) continue;
        const event: TSseEvent = { event: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!), at: Date.now() };
        if (fields.has('id')) event.id = fields.get('id')!;
        events.push(event);
        if (options.stopWhen?.(event, events)) {
          abort.abort();
          return { status: response.status, contentType, events };
        }
      }
    }
    return { status: response.status, contentType, events };
  } finally {
    clearTimeout(timer);
  }
}
