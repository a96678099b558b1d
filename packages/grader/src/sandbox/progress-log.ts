import fs from 'node:fs';
import type { TestOutcome } from './protocol';

/**
 * Progress of a job, written by the child to a file the host reads when the job ends, or when the child died
 * (then it tells which test was running). One record a line: `S <i>` when test i starts (-1: the learner's
 * top-level code); `R <header JSON>` when it ends, where the header holds the outcome without its payload,
 * followed by the payload's length in characters, a newline, and the payload itself (the encoded output,
 * written raw so a large output is not escaped twice).
 */
export class ProgressWriter {
  private readonly fd: number;
  private offset = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  reset(): void {
    fs.ftruncateSync(this.fd, 0);
    this.offset = 0;
  }

  private append(text: string): void {
    this.offset += fs.writeSync(this.fd, text, this.offset);
  }

  started(index: number): void {
    this.append(`S ${index}\n`);
  }

  finished(outcome: TestOutcome): void {
    const { payload, ...header } = outcome;
    this.append(`R ${JSON.stringify(header)} ${payload.length}\n`);
    this.append(payload + '\n');
  }
}

/** Host side: the outcomes written so far, and the test that was running last (null if none started). */
export function readProgress(file: string): { tests: TestOutcome[]; started: number | null } {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { tests: [], started: null };
  }
  const tests: TestOutcome[] = [];
  let started: number | null = null;
  let at = 0;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    if (eol < 0) break; // a record cut short by a crash
    const line = text.slice(at, eol);
    at = eol + 1;
    if (line.startsWith('S ')) {
      started = Number(line.slice(2));
      continue;
    }
    const space = line.lastIndexOf(' ');
    const length = Number(line.slice(space + 1));
    if (!line.startsWith('R ') || !Number.isInteger(length) || at + length > text.length) break;
    let header: Omit<TestOutcome, 'payload'>;
    try {
      header = JSON.parse(line.slice(2, space)) as Omit<TestOutcome, 'payload'>;
    } catch {
      break;
    }
    tests.push({ ...header, payload: text.slice(at, at + length) });
    at += length + 1;
  }
  return { tests, started };
}
