/**
 * A Server-Sent Events client that survives a dropped connection. The browser's EventSource retries a dropped
 * stream by itself, but gives up for good on an HTTP error (a restarting API behind the proxy answers 502);
 * then this opens a new one after a growing delay. The server replays the current state to a late client, so
 * events already seen (by id) are skipped, and the final event (e.g. `done`) closes the stream for good.
 */
export type TSseEvent = { type: string; data: unknown; id?: string };

export type TSseStatus = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed';

/** The part of EventSource this client uses (readyState: 0 connecting, 1 open, 2 closed). */
export type TEventSourceLike = {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  addEventListener(type: string, listener: (event: { data: string; lastEventId?: string }) => void): void;
  close(): void;
};

export type TSseOptions = {
  url: string;
  /** Named events to listen to (the server's `event:` field). */
  events: readonly string[];
  onEvent(event: TSseEvent): void;
  /** An event after which nothing more comes: the stream is closed and never reopened. */
  isFinal?(event: TSseEvent): boolean;
  onStatus?(status: TSseStatus): void;
  /** Reconnects in a row before giving up (reset by every successful open). */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  createEventSource?: (url: string) => TEventSourceLike;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

const CLOSED = 2;

export function reconnectDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

function parseData(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function openEventStream(options: TSseOptions): { close(): void } {
  const {
    maxRetries = 8,
    baseDelayMs = 500,
    maxDelayMs = 10_000,
    createEventSource = (url) => new EventSource(url) as unknown as TEventSourceLike,
    setTimer = (callback, ms) => setTimeout(callback, ms),
    clearTimer = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  } = options;
  const seen = new Set<string>();
  let source: TEventSourceLike | undefined;
  let timer: unknown;
  let attempts = 0;
  let finished = false;

  const setStatus = (status: TSseStatus) => options.onStatus?.(status);

  const finish = (status: 'closed' | 'failed') => {
    if (finished) return;
    finished = true;
    if (timer !== undefined) clearTimer(timer);
    source?.close();
    setStatus(status);
  };

  const connect = () => {
    timer = undefined;
    if (finished) return;
    const current = createEventSource(options.url);
    source = current;
    current.onopen = () => {
      attempts = 0;
      setStatus('open');
    };
    current.onerror = () => {
      if (finished || current !== source) return;
      if (current.readyState !== CLOSED) {
        setStatus('reconnecting'); // the browser retries this one itself
        return;
      }
      current.close();
      attempts += 1;
      if (attempts > maxRetries) {
        finish('failed');
        return;
      }
      setStatus('reconnecting');
      timer = setTimer(connect, reconnectDelay(attempts, baseDelayMs, maxDelayMs));
    };
    for (const type of options.events) {
      current.addEventListener(type, (message) => {
        if (finished || current !== source) return;
        const id = message.lastEventId || undefined;
        if (id !== undefined) {
          const key = `${type}:${id}`;
          if (seen.has(key)) return;
          seen.add(key);
        }
        const event: TSseEvent = { type, data: parseData(message.data), ...(id !== undefined ? { id } : {}) };
        options.onEvent(event);
        if (options.isFinal?.(event)) finish('closed');
      });
    }
  };

  setStatus('connecting');
  connect();
  return { close: () => finish('closed') };
}
