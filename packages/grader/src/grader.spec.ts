import fs from 'node:fs';
import path from 'node:path';
import { ZGradeResult, type TSubmission } from '@prep/contracts';
import { createGrader, type Grader } from './grader';
import { testProblem } from './test-support';

/** Golden fixtures: test/fixtures/<case>/{solution.ts, expected.json}. */
const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures');

interface Expected {
  problem: string;
  mode: 'run' | 'submit';
  customTests?: TSubmission['customTests'];
  revealHidden?: boolean;
  verdict: string;
  passed: number;
  total: number;
  message?: string;
  compileErrors?: unknown[];
  /** Partial test results by index. */
  tests?: Record<string, Record<string, unknown>>;
  /** The exact set of keys of a test result (redaction). */
  exactKeys?: Record<string, string[]>;
}

const cases = fs.readdirSync(FIXTURES).sort();

describe('grader golden fixtures', () => {
  let grader: Grader;
  beforeAll(async () => {
    grader = createGrader({ poolSize: 2 });
    await grader.warmUp();
  }, 60_000);
  afterAll(() => grader.close());

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)(
    '%s',
    async (name) => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const code = fs.readFileSync(path.join(dir, 'solution.ts'), 'utf8');
      const result = await grader.grade(
        testProblem(expected.problem),
        { code, mode: expected.mode, ...(expected.customTests ? { customTests: expected.customTests } : {}) },
        { revealHidden: expected.revealHidden === true },
      );
      expect(ZGradeResult.safeParse(result).success).toBe(true);
      expect({ verdict: result.verdict, passed: result.passed, total: result.total }).toEqual({
        verdict: expected.verdict,
        passed: expected.passed,
        total: expected.total,
      });
      expect(result.tests.map((t) => t.index)).toEqual(result.tests.map((_, i) => i));
      if (expected.message) expect(result.message).toContain(expected.message);
      if (expected.compileErrors) expect(result.compileErrors).toEqual(expected.compileErrors);
      for (const [index, partial] of Object.entries(expected.tests ?? {})) expect(result.tests[Number(index)]).toMatchObject(partial);
      for (const [index, keys] of Object.entries(expected.exactKeys ?? {}))
        expect(Object.keys(result.tests[Number(index)]!).sort()).toEqual([...keys].sort());
    },
    30_000,
  );
});
