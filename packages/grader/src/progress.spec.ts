import fs from 'node:fs';
import path from 'node:path';
import type { TSubmission, TTestProgress } from '@prep/contracts';
import { createGrader, type Grader } from './grader';
import { testProblem } from './test-support';

const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures');
const cases = fs.readdirSync(FIXTURES).sort();

interface Fixture {
  problem: string;
  mode: 'run' | 'submit';
  customTests?: TSubmission['customTests'];
}

describe('per-test progress while grading', () => {
  let grader: Grader;
  beforeAll(async () => {
    grader = createGrader({ poolSize: 1 });
    await grader.warmUp();
  }, 60_000);
  afterAll(() => grader.close());

  it.each(cases)(
    '%s: one event per judged test, agreeing with the result and redacted like it',
    async (name) => {
      const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Fixture;
      const code = fs.readFileSync(path.join(FIXTURES, name, 'solution.ts'), 'utf8');
      const events: TTestProgress[] = [];
      let total: number | undefined;
      const result = await grader.grade(
        testProblem(fixture.problem),
        { code, mode: fixture.mode, ...(fixture.customTests ? { customTests: fixture.customTests } : {}) },
        { onStart: (info) => (total = info.total), onTest: (e) => events.push(e) },
      );
      expect(total).toBe(result.tests.length);
      const reported = new Map(events.map((e) => [e.index, e]));
      expect(reported.size).toBe(events.length);
      for (const test of result.tests) {
        const event = reported.get(test.index);
        if (test.status === 'skipped') {
          expect(event).toBeUndefined();
          continue;
        }
        expect(event?.status).toBe(test.status);
        // Time only where the result shows it: hidden tests in submit mode show index and status alone.
        expect(event?.timeMs).toBe(test.timeMs);
      }
      const runOrder = events.filter((e) => e.status !== 'invalid_input').map((e) => e.index);
      expect(runOrder).toEqual([...runOrder].sort((a, b) => a - b));
    },
    30_000,
  );

  it('reports each test as it finishes, not when the whole grade ends', async () => {
    const slow = `function add(a: number, b: number): number {
      const until = Date.now() + 120;
      while (Date.now() < until) {}
      return a + b;
    }`;
    const seen: number[] = [];
    const started = Date.now();
    const result = await grader.grade(testProblem('add-numbers'), { code: slow, mode: 'submit' }, { onTest: () => seen.push(Date.now()) });
    const finished = Date.now();
    expect(result.verdict).toBe('accepted');
    expect(seen).toHaveLength(result.total);
    // Ten tests of ~120 ms each: the first is known long before the last.
    expect(seen[0]! - started).toBeLessThan(finished - started - 600);
    expect(seen[seen.length - 1]! - seen[0]!).toBeGreaterThan(600);
  }, 30_000);
});
