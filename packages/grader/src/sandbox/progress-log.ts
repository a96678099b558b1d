import fs from 'node:fs';
import type { TestOutcome } from './protocol';

/**
 * Progress of a job, written by the child to a file the host reads as tests finish (when asked to report progress),
 * when the job ends, or when the child died (then it tells which test was running). One record a line: `S <i>` when
 * test i starts (-1: the learner's top-level code); `R <header JSON>` when it ends, where the header holds the
 * outcome without its payload, followed by the payload's length in characters, a newline, and the payload itself
 * (the encoded output, written raw so a large output is not escaped twice).
 */
export class ProgressWriter {
  private readonly fd: number;
  private offset = 0;
  private finishedCount = 0;
  private onFinished: ((index: number) => void) | undefined;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  /** Starts a job's log; `onFinished(i)` runs once outcome i is on disk (the child then tells the host over IPC). */
  reset(onFinished?: (index: number) => void): void {
    fs.ftruncateSync(this.fd, 0);
    this.offset = 0;
    this.finishedCount = 0;
    this.onFinished = onFinished;
  }

  private append(text: string): void {
    this.offset += fs.writeSync(this.fd, text, this.offset);
  }

  started(index: number): void {
    this.append(`S ${index}\n`);
  }

  finished(outcome: TestOutcome): void {
    const { payload, ...header } = outcome;
    this.append(`R ${JSON.stringify(header)} ${payload.length}\n${payload}\n`);
    this.onFinished?.(this.finishedCount++);
  }
}

interface Parsed {
  tests: TestOutcome[];
  started: number | null;
  /** Characters of `text` holding complete records. */
  consumed: number;
}

function parseRecords(text: string): Parsed {
  const tests: TestOutcome[] = [];
  let started: number | null = null;
  let at = 0;
  let consumed = 0;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    if (eol < 0) break; // a record not (yet) complete
    const line = text.slice(at, eol);
    if (line.startsWith('S ')) {
      started = Number(line.slice(2));
      consumed = at = eol + 1;
      continue;
    }
    const space = line.lastIndexOf(' ');
    const length = Number(line.slice(space + 1));
    const payloadAt = eol + 1;
    if (!line.startsWith('R ') || !Number.isInteger(length) || text[payloadAt + length] !== '\n') break;
    let header: Omit<TestOutcome, 'payload'>;
    try {
      header = JSON.parse(line.slice(2, space)) as Omit<TestOutcome, 'payload'>;
    } catch {
      break;
    }
    tests.push({ ...header, payload: text.slice(payloadAt, payloadAt + length) });
    consumed = at = payloadAt + length + 1;
  }
  return { tests, started, consumed };
}

/**
 * Host side: reads a job's log incrementally (each call reads only what was appended since the last one), so
 * reporting every test as it finishes costs one small read per test, whatever the size of earlier outputs.
 */
export class ProgressReader {
  private fd: number | undefined;
  private offset = 0;
  /** Outcomes read so far, in test order. */
  tests: TestOutcome[] = [];
  /** The test that was running last (null if none started). */
  started: number | null = null;

  constructor(private readonly file: string) {}

  /** Before a job: the child truncates the log when it starts the job. */
  reset(): void {
    this.offset = 0;
    this.tests = [];
    this.started = null;
  }

  /** Reads what was appended; returns the outcomes completed since the last call. */
  poll(): TestOutcome[] {
    if (this.fd === undefined) {
      try {
        this.fd = fs.openSync(this.file, 'r');
      } catch {
        return [];
      }
    }
    const size = fs.fstatSync(this.fd).size;
    if (size <= this.offset) return [];
    const buffer = Buffer.allocUnsafe(size - this.offset);
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(this.fd, buffer, read, buffer.length - read, this.offset + read);
      if (n === 0) break;
      read += n;
    }
    const text = buffer.subarray(0, read).toString('utf8');
    const parsed = parseRecords(text);
    this.offset += Buffer.byteLength(text.slice(0, parsed.consumed), 'utf8');
    if (parsed.started !== null) this.started = parsed.started;
    this.tests.push(...parsed.tests);
    return parsed.tests;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
