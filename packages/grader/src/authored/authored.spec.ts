import { ZProblemCheckReport, type TAuthoredProblemInput, type TMaterializedProblem } from '@prep/contracts';
import { createRng } from '@prep/problems';
import { decodeValue, encodeValue } from '../codec';
import { createGrader, type Grader } from '../grader';
import { timingFailures } from './check';

/** A small authored problem; each test overrides what it is about. */
function addProblem(overrides: Partial<TAuthoredProblemInput> = {}): TAuthoredProblemInput {
  return {
    slug: 'add-two',
    title: 'Add two',
    difficulty: 'easy',
    tags: ['math'],
    statement: 'Return the sum of the two numbers a and b, exactly as JavaScript adds them.',
    hints: ['Use +.'],
    editorial: 'The sum a + b is the answer. JavaScript numbers are doubles, so this is exact for integers up to 2^53 in size.',
    functionName: 'add',
    signature: 'function add(a: number, b: number): number',
    starter: 'function add(a: number, b: number): number {\n  return 0;\n}\n',
    reference: 'function add(a: number, b: number): number {\n  return a + b;\n}\n',
    limits: { timeMsPerTest: 500, timeMsTotal: 5000, memoryMb: 64 },
    tests: {
      cases: [
        { name: 'small', args: [1, 2], sample: true, expected: 3 },
        { name: 'zeros', args: [0, 0], sample: true },
        { name: 'negative zero', argsCode: '[-0, -0]', expectedCode: '-0' },
        { name: 'infinities', argsCode: '[Infinity, -Infinity]' },
      ],
      generators: [{ name: 'random', count: 5, seed: 7, make: '(rng) => [rng.int(-100, 100), rng.int(-100, 100)]' }],
    },
    wrongSolutions: [
      { name: 'subtracts', expect: 'wrong_answer', code: 'function add(a: number, b: number): number {\n  return a - b;\n}\n' },
      { name: 'loops', expect: 'time_limit_exceeded', code: 'function add(a: number, b: number): number {\n  while (true) {}\n}\n' },
    ],
    ...overrides,
  };
}

const withTests = (tests: TAuthoredProblemInput['tests'], rest: Partial<TAuthoredProblemInput> = {}) => addProblem({ tests, ...rest });

let grader: Grader;
beforeAll(async () => {
  grader = createGrader({ poolSize: 2 });
  await grader.warmUp();
}, 60_000);
afterAll(() => grader.close());

describe('materialize', () => {
  it('makes every test in the sandbox: JSON cases, computed cases, generated tests, and the reference outputs', async () => {
    const made = await grader.authored.materialize(addProblem());
    if (!made.ok) throw new Error(JSON.stringify(made.failures));
    const tests = made.testSet.tests;
    expect(tests.map((t) => t.name)).toEqual([
      'small',
      'zeros',
      'negative zero',
      'infinities',
      'random #1',
      'random #2',
      'random #3',
      'random #4',
      'random #5',
    ]);
    expect(tests[2]).toEqual({ name: 'negative zero', sample: false, args: encodeValue([-0, -0]), expected: encodeValue(-0) });
    expect(decodeValue(tests[3]!.expected)).toBeNaN();
    // Generated with the same seeds as packages/problems' createRng: the sandbox's Rng is the same generator.
    tests.slice(4).forEach((t, i) => {
      const rng = createRng(`7:${i}`);
      const args = [rng.int(-100, 100), rng.int(-100, 100)];
      expect({ seed: t.seed, args: decodeValue(t.args), expected: decodeValue(t.expected) }).toEqual({
        seed: `7:${i}`,
        args,
        expected: args[0]! + args[1]!,
      });
    });
    expect(made.testSet.hash).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("reproduces packages/problems' Rng exactly, wide integer ranges and every helper included", async () => {
    const make = `(rng) => [[
      rng.int(0, 0), rng.int(-3, 3), rng.int(0, 2 ** 32), rng.int(-(2 ** 40), 2 ** 45), rng.int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      rng.float(-1, 1), rng.bool(), rng.bool(0.9), rng.pick(['a', 'b', 'c']), rng.shuffle([1, 2, 3, 4, 5, 6]), rng.array(3, (i) => i * rng.int(1, 9)),
    ]]`;
    const made = await grader.authored.materialize(
      withTests(
        { cases: [{ name: 'one', args: [[]], sample: true }], generators: [{ name: 'values', count: 40, seed: 12345, make }] },
        {
          functionName: 'same',
          signature: 'function same(values: unknown[]): unknown[]',
          reference: 'function same(values: unknown[]): unknown[] { return values; }',
          wrongSolutions: [],
        },
      ),
    );
    if (!made.ok) throw new Error(JSON.stringify(made.failures));
    made.testSet.tests.slice(1).forEach((t, i) => {
      const rng = createRng(`12345:${i}`);
      const expected = [
        rng.int(0, 0),
        rng.int(-3, 3),
        rng.int(0, 2 ** 32),
        rng.int(-(2 ** 40), 2 ** 45),
        rng.int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
        rng.float(-1, 1),
        rng.bool(),
        rng.bool(0.9),
        rng.pick(['a', 'b', 'c']),
        rng.shuffle([1, 2, 3, 4, 5, 6]),
        rng.array(3, (k) => k * rng.int(1, 9)),
      ];
      expect(decodeValue(t.args)).toEqual([expected]);
    });
  }, 60_000);

  it('names the test whose hand-written expected value disagrees with the reference', async () => {
    const made = await grader.authored.materialize(
      withTests({
        cases: [
          { name: 'small', args: [1, 2], sample: true },
          { name: 'typo', args: [2, 2], expected: 5 },
        ],
      }),
    );
    expect(made).toMatchObject({ ok: false, failures: [{ code: 'expected_mismatch', test: 'typo' }] });
    if (!made.ok) expect(made.failures[0]!.message).toContain('expected 5, got 4');
  }, 30_000);

  it('locates compile errors in the reference and in the test code', async () => {
    const reference = await grader.authored.materialize(
      addProblem({ reference: 'function add(a: number, b: number): number {\n  return a + c;\n}\n' }),
    );
    expect(reference).toMatchObject({ ok: false, failures: [{ code: 'reference_compile_error', at: { field: 'reference', line: 2 } }] });
    const tests = await grader.authored.materialize(
      withTests({
        helpers: 'function pair(rng: Rng): Args {\n  return [rng.int(1, 2), rng.int(1, 2)];\n}',
        cases: [{ name: 'small', args: [1, 2], sample: true }],
        generators: [
          { name: 'ok', count: 1, seed: 1, make: 'pair' },
          { name: 'bad', count: 1, seed: 1, make: '(rng) => [rng.int(1, 2)]' },
        ],
      }),
    );
    expect(tests).toMatchObject({
      ok: false,
      failures: [{ code: 'tests_compile_error', at: { field: 'tests.generators.1.make', line: 1 } }],
    });
  }, 30_000);

  it('rejects generated arguments of the wrong arity, naming the test and its seed', async () => {
    const made = await grader.authored.materialize(
      withTests({
        cases: [{ name: 'small', args: [1, 2], sample: true }],
        generators: [{ name: 'short', count: 3, seed: 9, make: '(rng, i) => (i === 2 ? [1] : [1, 2]) as unknown as Args' }],
      }),
    );
    expect(made).toMatchObject({ ok: false, failures: [{ code: 'generator_failed', test: 'short #3' }] });
    if (!made.ok) expect(made.failures[0]!.message).toContain('seed 9:2');
  }, 30_000);

  it('checks what it can without running anything first', async () => {
    const made = await grader.authored.materialize(
      withTests({
        cases: [
          { name: 'one arg', args: [1], sample: true },
          { name: 'expr', argsCode: '[1, 2]); evil(' },
        ],
      }),
    );
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.failures.map((f) => f.test)).toEqual(['one arg', 'expr']);
  });
});

describe('check', () => {
  it('passes a correct problem and reports every part; its tests then grade learners', async () => {
    const { report, problem } = await grader.authored.check(addProblem());
    expect(ZProblemCheckReport.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      ok: true,
      failures: [],
      tests: { total: 9, samples: 2, generated: 5 },
      reference: { verdict: 'accepted', limits: { timeMsPerTest: 500, timeMsTotal: 5000 } },
      starter: { verdict: 'wrong_answer' },
      wrongSolutions: [
        { name: 'subtracts', expect: 'wrong_answer', verdict: 'wrong_answer', ok: true },
        { name: 'loops', expect: 'time_limit_exceeded', verdict: 'time_limit_exceeded', ok: true },
      ],
    });
    expect(report.reference!.slowestTestMs).toBeLessThan(250);
    expect(problem?.testSet.sourceHash).toBe(report.sourceHash);

    const materialized = problem as TMaterializedProblem;
    const accepted = await grader.authored.grade(materialized, {
      code: 'function add(x: number, y: number): number { return y + x; }',
      mode: 'submit',
    });
    expect(accepted).toMatchObject({ verdict: 'accepted', passed: 9, total: 9 });
    const hidden = await grader.authored.grade(materialized, {
      code: 'function add(a: number, b: number): number { return a === 0 ? 0 : a + b; }',
      mode: 'submit',
    });
    expect(hidden).toMatchObject({ verdict: 'wrong_answer', message: 'Wrong answer on test 3 (hidden test)' });
    expect(hidden.tests[2]).toEqual({ index: 2, status: 'wrong_answer' });
  }, 90_000);

  it('gives run-mode custom inputs expected outputs from the reference in the sandbox', async () => {
    const { problem } = await grader.authored.check(
      addProblem({
        reference:
          "function add(a: number, b: number): number {\n  if (a === 1e7) throw new Error('a is too large');\n  return a + b;\n}\n",
      }),
    );
    const result = await grader.authored.grade(problem!, {
      code: 'function add(a: number, b: number): number { return a + b; }',
      mode: 'run',
      customTests: [{ args: [40, 2] }, { args: [1e7, 1] }, { args: [1] }],
    });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['small', 'passed'],
      ['zeros', 'passed'],
      ['custom 1', 'passed'],
      ['custom 2', 'invalid_input'],
      ['custom 3', 'invalid_input'],
    ]);
    expect(result.tests[2]).toMatchObject({ expected: 42, actual: 42 });
    expect(result.tests[3]!.error).toContain('a is too large');
  }, 60_000);

  it.each([
    [
      'a starter that solves the problem',
      addProblem({ starter: 'function add(a: number, b: number): number { return a + b; }' }),
      'starter_accepted',
    ],
    [
      'a wrong solution that gets another verdict',
      addProblem({
        wrongSolutions: [
          { name: 'subtracts', expect: 'runtime_error', code: 'function add(a: number, b: number): number { return a - b; }' },
        ],
      }),
      'wrong_solution_verdict',
    ],
    [
      'a reference that is not deterministic',
      withTests(
        {
          cases: [{ name: 'small', args: [1, 2], sample: true }],
          generators: [{ name: 'random', count: 20, seed: 1, make: '(rng) => [rng.int(1, 9), 1]' }],
        },
        { reference: 'function add(a: number, b: number): number { return a + b + (Math.random() < 0.5 ? 0 : 1); }' },
      ),
      'reference_rejected',
    ],
    ['a custom checker', addProblem({ judge: { compare: 'custom' } }), 'invalid_source'],
  ])(
    'fails %s, naming why',
    async (_what, problem, code) => {
      const { report, problem: publishable } = await grader.authored.check(problem);
      expect(report.ok).toBe(false);
      expect(report.failures.map((f) => f.code)).toContain(code);
      expect(publishable).toBeUndefined();
    },
    120_000,
  );

  it('fails a reference that uses most of its time limit (CPU time depends on the machine, so either failure names time)', async () => {
    const slow = addProblem({
      reference:
        'function add(a: number, b: number): number { let s = 0; for (let i = 0; i < 3e8; i++) s += i % 2; return s >= 0 ? a + b : 0; }',
      limits: { timeMsPerTest: 400, timeMsTotal: 20000, memoryMb: 64 },
    });
    const { report } = await grader.authored.check(slow);
    const failure = report.failures[0]!;
    // Past half the limit (too slow), past the limit while graded (rejected), or while the tests were made (failed).
    expect(['reference_too_slow', 'reference_rejected', 'reference_failed']).toContain(failure.code);
    expect(failure.message).toMatch(/time|limit/i);
  }, 120_000);

  it('allows a reference half of each time limit and no more', () => {
    const timing = (slowestTestMs: number, totalMs: number) => ({
      verdict: 'accepted' as const,
      slowestTestMs,
      slowestTest: 'big',
      totalMs,
      limits: { timeMsPerTest: 1000, timeMsTotal: 4000 },
    });
    expect(timingFailures(timing(500, 2000))).toEqual([]);
    expect(timingFailures(timing(500.5, 100))).toMatchObject([{ code: 'reference_too_slow', test: 'big' }]);
    expect(timingFailures(timing(10, 2001))).toMatchObject([{ code: 'reference_too_slow', message: expect.stringContaining('all tests') }]);
  });
});
