import type { TGradeResult, TVerdict } from '@prep/contracts';
import { createGrader, type Grader } from './grader';
import { plannedTests } from './judge/test-plan';
import { testProblem } from './test-support';

/**
 * Hostile submissions, all graded by ONE grader with one sandbox process. Each asserts its verdict, and after each
 * the host must be unharmed: its prototypes and globals unchanged, and the next submission (an observer that fails
 * if anything of an earlier submission is visible) still accepted.
 */
const SIG = 'function add(a: number, b: number): number';
/** Accepted only in a clean context: no pollution, no leaked globals, intact builtins. */
const OBSERVER = `${SIG} {
  const g = globalThis as any;
  const clean = ({} as any).polluted === undefined && g.leak === undefined && g.kept === undefined &&
    typeof [].push === 'function' && [1, 2].push(3) === 3 && JSON.stringify([1]) === '[1]' && Object.isFrozen(Object.prototype) === false;
  return clean ? a + b : -1;
}`;

interface HostileCase {
  name: string;
  code: string;
  verdict: TVerdict | TVerdict[];
  mode?: 'run' | 'submit';
  problem?: string;
  check?: (result: TGradeResult) => void;
}

const fn = (body: string) => `${SIG} {\n${body}\n}`;

const CASES: HostileCase[] = [
  // ---- time
  { name: 'infinite loop', code: fn('while (true) {}'), verdict: 'time_limit_exceeded' },
  { name: 'infinite loop in top-level code', code: `for (;;) {}\n${fn('return a + b;')}`, verdict: 'time_limit_exceeded' },
  {
    name: 'slow loop that eventually ends, past the limit',
    code: fn('let x = 0; for (let i = 0; i < 1e11; i++) x += i; return a + b;'),
    verdict: 'time_limit_exceeded',
  },
  {
    name: 'microtask flood',
    code: fn('const f = (): void => { Promise.resolve().then(f); }; f(); return a + b;'),
    verdict: 'time_limit_exceeded',
  },
  {
    name: 'microtask flood from top-level code',
    code: `const f = (): void => { Promise.resolve().then(f); }; f();\n${fn('return a + b;')}`,
    verdict: 'time_limit_exceeded',
  },
  {
    name: 'async function that never resolves is returned',
    code: fn('return (async () => { await new Promise(() => {}); return a + b; })() as any;'),
    verdict: 'wrong_answer',
  },
  {
    name: 'async function that never resolves is left pending',
    code: fn('(async () => { await new Promise(() => {}); })(); return a + b;'),
    verdict: 'accepted',
  },
  {
    name: 'getter on the result that never returns',
    code: fn('return { get x() { while (true) {} } } as any;'),
    verdict: 'time_limit_exceeded',
  },
  {
    name: 'thrown proxy whose traps never return',
    code: fn('throw new Proxy({}, { get() { while (true) {} } });'),
    verdict: ['time_limit_exceeded', 'runtime_error'],
  },
  // ---- stack and memory
  {
    name: 'deep recursion',
    code: fn('const r = (x: number): number => r(x + 1) + 1; return r(0);'),
    verdict: 'runtime_error',
    check: (r) => expect(r.message).toContain('Maximum call stack size exceeded'),
  },
  {
    name: 'huge array (aborts a whole Node process)',
    code: fn('const big = new Array(2e8).fill(1); return big.length;'),
    verdict: 'memory_limit_exceeded',
  },
  {
    name: 'array grown until memory runs out',
    code: fn('const xs: number[][] = []; for (;;) xs.push(new Array(1e5).fill(a));'),
    verdict: ['memory_limit_exceeded', 'time_limit_exceeded'],
  },
  {
    name: 'string doubling',
    code: fn("let s = 'x'; for (;;) s += s;"),
    verdict: ['runtime_error', 'memory_limit_exceeded', 'time_limit_exceeded'],
  },
  {
    name: 'array spread bomb',
    code: fn('let xs: number[] = [1]; for (;;) xs = [...xs, ...xs];'),
    verdict: ['runtime_error', 'memory_limit_exceeded', 'time_limit_exceeded'],
  },
  {
    name: 'JSON.stringify bomb',
    code: fn('let o: any = {}; for (let i = 0; i < 40; i++) o = { a: o, b: o }; return JSON.stringify(o).length;'),
    verdict: ['time_limit_exceeded', 'memory_limit_exceeded', 'runtime_error'],
  },
  {
    name: 'output nested too deeply',
    code: fn('let o: any = []; for (let i = 0; i < 1e5; i++) o = [o]; return o;'),
    verdict: 'runtime_error',
    check: (r) => expect(r.message).toContain('nested too deeply'),
  },
  {
    name: 'output that is exponentially large when written out',
    code: fn('let o: any = [1]; for (let i = 0; i < 60; i++) o = [o, o]; return o;'),
    // Which limit the encoder hits first depends on the machine's speed; any of them contains it.
    verdict: ['time_limit_exceeded', 'runtime_error', 'memory_limit_exceeded'],
  },
  {
    name: 'cyclic output',
    code: fn('const o: any[] = []; o.push(o); return o as any;'),
    verdict: 'runtime_error',
    check: (r) => expect(r.message).toContain('cycle'),
  },
  {
    name: 'huge console output is capped',
    code: fn("for (let i = 0; i < 2e5; i++) console.log('x'.repeat(100)); return a + b;"),
    mode: 'run',
    verdict: 'accepted',
    check: (r) => {
      expect(r.tests[0]!.stdout!.length).toBeLessThan(20_000);
      expect(r.tests[0]!.stdout).toContain('[output truncated]');
    },
  },
  {
    name: 'one enormous console line is capped',
    code: fn("console.log('y'.repeat(5e7)); return a + b;"),
    mode: 'run',
    verdict: 'accepted',
    check: (r) => expect(r.tests[0]!.stdout!.length).toBeLessThan(20_000),
  },
  // ---- reaching the host
  {
    name: 'process through globalThis',
    code: fn(
      'const g = globalThis as any; return g.process === undefined && g.require === undefined && g.module === undefined ? a + b : -1;',
    ),
    verdict: 'accepted',
  },
  {
    name: 'constructor.constructor escape',
    code: fn(
      "const F = (add as any).constructor.constructor; const g = F('return this')(); return g.process === undefined && F('return typeof require')() === 'undefined' ? a + b : -1;",
    ),
    verdict: 'accepted',
  },
  {
    name: 'Function() escape',
    code: fn("return Function('return typeof process + typeof require + typeof global')() === 'undefinedundefinedundefined' ? a + b : -1;"),
    verdict: 'accepted',
  },
  {
    name: 'eval escape',
    code: fn("return eval('typeof process') === 'undefined' && (0, eval)('typeof require') === 'undefined' ? a + b : -1;"),
    verdict: 'accepted',
  },
  {
    name: 'import() through eval',
    code: fn('try { (eval("import(\'node:fs\')") as Promise<any>).then(() => { (globalThis as any).leak = 1; }); } catch {} return a + b;'),
    verdict: ['accepted', 'runtime_error'],
  },
  { name: 'import() in the source', code: fn("void import('node:fs'); return a + b;"), verdict: 'compilation_error' },
  { name: 'require in the source', code: fn("const cp = require('child_process'); return a + b;"), verdict: 'compilation_error' },
  {
    name: 'Error.prepareStackTrace to reach the harness',
    code: fn(`let leaked = false;
  (Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => {
    for (const f of frames) { const fun = f.getFunction(); if (fun !== undefined && fun !== add) leaked = true; if (f.getThis() !== undefined && f.getThis() !== globalThis) leaked = true; }
    return 'stack';
  };
  void new Error('probe').stack;
  return leaked ? -1 : a + b;`),
    verdict: 'accepted',
  },
  {
    name: 'the caller of the learner function',
    code: fn('const f = add as any; return f.caller === null || f.caller === undefined ? a + b : -1;'),
    verdict: 'accepted',
  },
  { name: 'WebAssembly is absent', code: fn('return (globalThis as any).WebAssembly === undefined ? a + b : -1;'), verdict: 'accepted' },
  {
    name: 'WebAssembly use',
    code: fn('const W = (globalThis as any).WebAssembly; return new W.Memory({ initial: 1 }).buffer.byteLength;'),
    verdict: 'runtime_error',
  },
  {
    name: 'SharedArrayBuffer',
    code: fn('const S = (globalThis as any).SharedArrayBuffer; return new S(8).byteLength;'),
    verdict: 'runtime_error',
  },
  { name: 'Atomics.wait', code: fn('(globalThis as any).Atomics.wait(new Int32Array(4), 0, 0); return a + b;'), verdict: 'runtime_error' },
  {
    name: 'reading the reference solution or grader internals',
    code: fn(
      "const names = Object.getOwnPropertyNames(globalThis).join(' '); return /reference|harness|ivm|isolated|require|process|__/.test(names) ? -1 : a + b;",
    ),
    verdict: 'accepted',
  },
  // ---- bending the judge
  {
    name: 'polluted prototypes and JSON aimed at the encoder and comparator',
    code: fn(`(Array.prototype as any).toJSON = () => 3; (Object.prototype as any).toJSON = () => 3;
  (Number.prototype as any).toString = () => '3'; JSON.stringify = () => '3'; (String.prototype as any).slice = () => '3';
  return a - b;`),
    verdict: 'wrong_answer',
  },
  {
    name: 'inherited setters and descriptor keys aimed at the harness',
    code: `Object.defineProperty(Array.prototype, '0', { set() { throw new Error('setter ran'); }, configurable: true });
Object.defineProperty(Object.prototype, 'get', { value: () => 99, configurable: true, writable: true });
(Reflect as any).apply = () => 99; (Function.prototype as any).call = () => 99;
${fn('return a + b;')}`,
    verdict: 'accepted',
  },
  {
    name: 'pollution aimed at the next submission',
    code: `(Object.prototype as any).polluted = 1; (globalThis as any).leak = 42; Array.prototype.push = () => 0;
${fn('return a + b;')}`,
    verdict: 'accepted',
  },
  {
    name: 'frozen intrinsics',
    code: `Object.freeze(Object.prototype); Object.freeze(Array.prototype);\n${fn('return a + b;')}`,
    verdict: 'accepted',
  },
  {
    name: 'a proxy that claims to be the answer',
    code: fn('return new Proxy({}, { get: () => a + b, getPrototypeOf: () => Number.prototype }) as any;'),
    verdict: 'wrong_answer',
  },
  {
    name: 'hostile valueOf, toString and toJSON',
    code: fn('return { valueOf: () => a + b, toString: () => String(a + b), toJSON: () => a + b } as any;'),
    verdict: 'wrong_answer',
  },
  {
    name: 'a revoked proxy',
    code: fn('const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return proxy as any;'),
    verdict: 'runtime_error',
  },
  { name: 'a getter that throws', code: fn("return { get x() { throw new Error('no'); } } as any;"), verdict: 'runtime_error' },
  { name: 'a bigint', code: fn('return BigInt(a + b) as any;'), verdict: 'wrong_answer' },
  {
    name: 'negative zero is not zero',
    code: fn('return a + b === 0 ? -0 : a + b;'),
    verdict: 'wrong_answer',
    check: (r) => expect(r.tests[1]).toMatchObject({ actual: '-0', expected: 0 }),
  },
  {
    name: 'a thrown non-error with a hostile toString',
    code: fn('throw { toString() { while (true) {} } };'),
    verdict: ['runtime_error', 'time_limit_exceeded'],
  },
  {
    name: 'inputs kept and mutated later',
    problem: 'reverse-in-place',
    code: `const seen: number[][] = [];
function reverse(xs: number[]): void {
  for (const old of seen) old.push(7, 7, 7);
  seen.push(xs);
  xs.reverse();
}`,
    verdict: 'accepted',
    check: () => expect(plannedTests(testProblem('reverse-in-place'))[0]!.args).toEqual([[1, 2, 3]]),
  },
  // ---- hidden tests
  {
    name: 'exfiltrating hidden inputs through errors and stdout',
    code: fn("console.log('seen', a, b); if (a === 3 && b === 4) throw new Error('hidden input ' + a + ',' + b); return a + b;"),
    verdict: 'runtime_error',
    check: (r) => {
      const text = JSON.stringify(r);
      expect(text).not.toContain('hidden input');
      expect(text).not.toContain('seen 3 4');
      expect(r.message).toBe('Runtime error on test 5 (hidden test)');
    },
  },
  {
    name: 'counting calls to spot hidden tests',
    code: `let calls = 0;\n${fn('calls++; return calls <= 2 ? a + b : 0;')}`,
    verdict: 'wrong_answer',
    check: (r) => expect(r.tests[2]).toEqual({ index: 2, status: 'wrong_answer' }),
  },
  {
    name: 'timing with Date to spot hidden tests',
    code: `const t0 = Date.now();\n${fn('return Date.now() - t0 > 1e9 ? 0 : a + b;')}`,
    verdict: 'accepted',
  },
  { name: 'Math.random cannot predict the generated tests', code: fn('return Math.random() < 2 ? a + b : 0;'), verdict: 'accepted' },
  {
    name: 'top-level throw',
    code: `throw new Error('at load');\n${fn('return a + b;')}`,
    verdict: 'runtime_error',
    check: (r) => expect(r.message).toContain('at load'),
  },
];

const snapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
  globals: Object.getOwnPropertyNames(globalThis).sort(),
  json: JSON.stringify,
});

describe('security: hostile submissions', () => {
  let grader: Grader;
  let baselineRss = 0;
  const host = snapshot();
  const problem = testProblem('add-numbers');

  beforeAll(async () => {
    grader = createGrader({ poolSize: 1 });
    await grader.warmUp();
    const first = await grader.grade(problem, { code: OBSERVER, mode: 'submit' });
    expect(first.verdict).toBe('accepted');
    baselineRss = grader.stats().workers[0]!.rssBytes;
  }, 60_000);
  afterAll(() => grader.close());

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const result = await grader.grade(c.problem ? testProblem(c.problem) : problem, { code: c.code, mode: c.mode ?? 'submit' });
      const allowed = Array.isArray(c.verdict) ? c.verdict : [c.verdict];
      expect(allowed).toContain(result.verdict);
      c.check?.(result);

      expect(snapshot()).toEqual(host);
      const next = await grader.grade(problem, { code: OBSERVER, mode: 'submit' });
      expect(next.verdict).toBe('accepted');
    },
    90_000,
  );

  it('after the suite the same grader still grades correctly, with its sandbox memory near baseline', async () => {
    const result = await grader.grade(problem, { code: OBSERVER, mode: 'submit' });
    expect(result).toMatchObject({ verdict: 'accepted', passed: 10, total: 10 });
    const [worker] = grader.stats().workers;
    expect(worker!.jobs).toBeGreaterThan(CASES.length);
    expect(worker!.rssBytes).toBeLessThan(baselineRss + 150 * 1024 * 1024);
  }, 30_000);
});
