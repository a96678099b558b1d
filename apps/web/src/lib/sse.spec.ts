import { openEventStream, reconnectDelay, type TEventSourceLike, type TSseEvent, type TSseStatus } from './sse';

/** A stand-in for the browser's EventSource that the test drives by hand. */
class FakeSource implements TEventSourceLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: { data: string; lastEventId?: string }) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: { data: string; lastEventId?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  emit(type: string, data: unknown, id?: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data), lastEventId: id ?? '' });
  }

  /** The server answered an HTTP error: EventSource gives up on its own. */
  fail(): void {
    this.readyState = 2;
    this.onerror?.({});
  }

  /** The connection dropped: EventSource is retrying by itself. */
  drop(): void {
    this.readyState = 0;
    this.onerror?.({});
  }
}

function setup(maxRetries = 3) {
  const sources: FakeSource[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const events: TSseEvent[] = [];
  const statuses: TSseStatus[] = [];
  const stream = openEventStream({
    url: '/api/submissions/s1/events',
    events: ['queued', 'test', 'done'],
    onEvent: (event) => events.push(event),
    isFinal: (event) => event.type === 'done',
    onStatus: (status) => statuses.push(status),
    maxRetries,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    createEventSource: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    clearTimer: () => undefined,
  });
  const last = () => sources[sources.length - 1]!;
  const runTimer = () => timers.shift()!.callback();
  return { stream, sources, timers, events, statuses, last, runTimer };
}

describe('openEventStream', () => {
  it('delivers named events with parsed data and closes after the final one', () => {
    const s = setup();
    s.last().open();
    s.last().emit('queued', { status: 'queued' }, '1');
    s.last().emit('test', { index: 0, status: 'passed' }, '2');
    s.last().emit('done', { verdict: 'accepted' }, '3');
    expect(s.events.map((event) => event.type)).toEqual(['queued', 'test', 'done']);
    expect(s.events[1]).toEqual({ type: 'test', data: { index: 0, status: 'passed' }, id: '2' });
    expect(s.last().closed).toBe(true);
    expect(s.statuses).toEqual(['connecting', 'open', 'closed']);
    expect(s.timers).toHaveLength(0);
  });

  it('reconnects after an HTTP error with a growing delay and skips events it already saw', () => {
    const s = setup();
    s.last().open();
    s.last().emit('test', { index: 0 }, '2');
    s.last().fail();
    expect(s.sources[0]!.closed).toBe(true);
    expect(s.timers.map((timer) => timer.ms)).toEqual([100]);
    s.runTimer();
    expect(s.sources).toHaveLength(2);
    s.last().fail();
    expect(s.timers.map((timer) => timer.ms)).toEqual([200]);
    s.runTimer();
    s.last().open();
    // The server replays the state so far: the test event again, then the new one.
    s.last().emit('test', { index: 0 }, '2');
    s.last().emit('test', { index: 1 }, '3');
    s.last().emit('done', { verdict: 'accepted' }, '4');
    expect(s.events.map((event) => event.id)).toEqual(['2', '3', '4']);
    expect(s.statuses).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'open', 'closed']);
  });

  it('leaves a dropped connection to the browser, which retries it by itself', () => {
    const s = setup();
    s.last().open();
    s.last().drop();
    expect(s.timers).toHaveLength(0);
    expect(s.sources).toHaveLength(1);
    expect(s.statuses[s.statuses.length - 1]).toBe('reconnecting');
  });

  it('gives up after too many failures in a row', () => {
    const s = setup(2);
    s.last().fail();
    s.runTimer();
    s.last().fail();
    s.runTimer();
    s.last().fail();
    expect(s.sources).toHaveLength(3);
    expect(s.timers).toHaveLength(0);
    expect(s.statuses[s.statuses.length - 1]).toBe('failed');
  });

  it('stops everything when closed by the page, ignoring a late event', () => {
    const s = setup();
    s.last().open();
    s.stream.close();
    s.last().emit('test', { index: 0 }, '2');
    expect(s.events).toEqual([]);
    expect(s.last().closed).toBe(true);
  });
});

describe('reconnectDelay', () => {
  it('doubles from the base delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelay(attempt, 500, 10_000))).toEqual([500, 1000, 2000, 4000, 8000, 10_000]);
  });
});
