import { z } from 'zod';
import { ZContentVersion, ZDifficulty, ZJudgeSpec, ZLimits, ZSlug } from './content';
import { ZVerdict } from './grading';

/**
 * Content authored by admins (in the web app, or imported from a zip in the packages/problems layout).
 *
 * An authored problem's reference solution, test generators, computed test inputs and wrong solutions are untrusted
 * code (an admin account can be stolen): they run only in the grader's sandbox, never in the API or worker process.
 * Its fixed tests are JSON data; what JSON cannot write (NaN, -0, big or computed inputs) is a TypeScript expression
 * that the sandbox evaluates. The sandbox turns the whole into a materialized test set (arguments and expected
 * outputs as data), which grading then uses without running any of the author's code in the host.
 */

const MAX_CODE = 64 * 1024;
const MAX_EXPRESSION = 20_000;
/** Most tests one problem may have (fixed cases plus every generator's count). */
export const MAX_AUTHORED_TESTS = 1000;

function hasProtoKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some((k) => k === '__proto__' || hasProtoKey((value as Record<string, unknown>)[k]));
}

/**
 * A JSON value (finite numbers; no `__proto__` key, which an object literal would read as a prototype). The key is
 * looked for in the raw input: parsing copies objects, and the copy would have turned the key into a prototype.
 */
export const ZJsonData = z
  .unknown()
  .refine((v) => !hasProtoKey(v), { message: 'a "__proto__" key is not allowed' })
  .pipe(z.json());

const ZIdentifier = z.string().regex(/^[A-Za-z_$][\w$]*$/, { message: 'must be a JavaScript identifier' });
const ZTestName = z.string().trim().min(1).max(120);

/** One fixed test. Exactly one of `args` and `argsCode`; at most one of `expected` and `expectedCode`. */
export const ZAuthoredCase = z
  .strictObject({
    name: ZTestName,
    /** Shown to learners and run in `run` mode. */
    sample: z.boolean().default(false),
    /** The arguments as JSON, one per parameter. */
    args: z.array(ZJsonData).max(16).optional(),
    /** A TypeScript expression of type `Args` (run in the sandbox), for arguments JSON cannot write. */
    argsCode: z.string().trim().min(1).max(MAX_EXPRESSION).optional(),
    /** A hand-checked expected output: the reference must agree, or the check fails naming this test. */
    expected: ZJsonData.optional(),
    /** The same as a TypeScript expression (run in the sandbox). */
    expectedCode: z.string().trim().min(1).max(MAX_EXPRESSION).optional(),
  })
  .refine((c) => (c.args === undefined) !== (c.argsCode === undefined), { message: 'give exactly one of args and argsCode' })
  .refine((c) => c.expected === undefined || c.expectedCode === undefined, { message: 'give at most one of expected and expectedCode' });
export type TAuthoredCase = z.infer<typeof ZAuthoredCase>;

/** Seeded random tests: test i of `count` calls `make(rng, i)` with an rng seeded `${seed}:${i}` (as in packages/problems). */
export const ZAuthoredGenerator = z.strictObject({
  name: ZTestName,
  count: z.number().int().min(1).max(MAX_AUTHORED_TESTS),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** A TypeScript expression of type `(rng: Rng, index: number) => Args`: a function from `helpers`, or an arrow function. */
  make: z.string().trim().min(1).max(MAX_EXPRESSION),
});
export type TAuthoredGenerator = z.infer<typeof ZAuthoredGenerator>;

export const ZAuthoredTests = z
  .strictObject({
    /** TypeScript declarations (helpers, constants, types) that generators and computed cases use. `Args` and `Rng` are provided. */
    helpers: z.string().trim().max(MAX_CODE).default(''),
    cases: z.array(ZAuthoredCase).min(1).max(MAX_AUTHORED_TESTS),
    generators: z.array(ZAuthoredGenerator).max(50).default([]),
  })
  .refine((t) => t.cases.length + t.generators.reduce((n, g) => n + g.count, 0) <= MAX_AUTHORED_TESTS, {
    message: `at most ${MAX_AUTHORED_TESTS} tests in all (fixed cases plus every generator's count)`,
  })
  .refine((t) => t.cases.some((c) => c.sample), { message: 'mark at least one case as a sample', path: ['cases'] })
  .refine((t) => new Set([...t.cases, ...t.generators].map((x) => x.name)).size === t.cases.length + t.generators.length, {
    message: 'test and generator names must be unique',
  });
export type TAuthoredTests = z.infer<typeof ZAuthoredTests>;

/** Verdicts a known-wrong solution may be expected to get. */
export const ZWrongVerdict = ZVerdict.exclude(['accepted', 'internal_error']);

export const ZAuthoredWrongSolution = z.strictObject({
  /** Its file name in the file layout (wrong/<name>.ts). */
  name: ZSlug,
  expect: ZWrongVerdict,
  code: z.string().max(MAX_CODE),
});
export type TAuthoredWrongSolution = z.infer<typeof ZAuthoredWrongSolution>;

/** How answers are judged; a custom checker would be host code, so authored problems cannot have one. */
export const ZAuthoredJudge = ZJudgeSpec.refine((j) => j.compare !== 'custom', {
  message: 'authored problems cannot use a custom checker: choose exact, unordered, unordered-deep or float',
  path: ['compare'],
});

/** Everything an authored problem is made of. Text fields are trimmed, as the file loader reads them. */
export const ZAuthoredProblem = z.strictObject({
  slug: ZSlug,
  /** Bump when a change alters what learners' past work means (signature, judge, expected outputs). */
  version: ZContentVersion.default(1),
  title: z.string().trim().min(3).max(120),
  difficulty: ZDifficulty,
  tags: z.array(ZSlug).min(1).max(20),
  /** Minutes a learner who remembers the solution needs; default by difficulty. */
  expectedMinutes: z.number().int().min(1).max(600).optional(),
  statement: z.string().trim().min(40).max(100_000).describe('Markdown with KaTeX math'),
  hints: z.array(z.string().trim().min(1).max(10_000)).min(1).max(10),
  editorial: z.string().trim().min(100).max(100_000).describe('Markdown with KaTeX math'),
  functionName: ZIdentifier,
  /** A TypeScript function declaration without a body, e.g. `function f(a: number[]): number`. */
  signature: z.string().trim().min(10).max(2_000),
  starter: z.string().max(MAX_CODE),
  /** The reference solution in learner form (a plain script declaring the function, no exports). */
  reference: z.string().min(1).max(MAX_CODE),
  judge: ZAuthoredJudge.default({ compare: 'exact', output: 'return' }),
  limits: ZLimits.default({ timeMsPerTest: 2_000, timeMsTotal: 10_000, memoryMb: 128 }),
  tests: ZAuthoredTests,
  wrongSolutions: z.array(ZAuthoredWrongSolution).max(20).default([]),
});
export type TAuthoredProblem = z.infer<typeof ZAuthoredProblem>;
export type TAuthoredProblemInput = z.input<typeof ZAuthoredProblem>;

// ---------------------------------------------------------------------------------------------------------------
// Materialized tests: an authored problem's tests as data, made in the sandbox.

export const ZMaterializedTest = z.object({
  name: z.string(),
  sample: z.boolean(),
  /** For generated tests: the seed that made it. */
  seed: z.string().optional(),
  /** The arguments, in the grader's value encoding (JSON that also writes NaN, ±Infinity, -0, undefined, bigints). */
  args: z.string(),
  /** The reference's output on them, in the same encoding. */
  expected: z.string(),
});
export type TMaterializedTest = z.infer<typeof ZMaterializedTest>;

export const MATERIALIZED_FORMAT = 1;

export const ZMaterializedTestSet = z.object({
  format: z.literal(MATERIALIZED_FORMAT),
  /** SHA-256 of the source parts grading and the check depend on (see the grader's sourceHash), to spot a stale set. */
  sourceHash: z.string(),
  /** SHA-256 of the tests themselves. */
  hash: z.string(),
  tests: z.array(ZMaterializedTest),
});
export type TMaterializedTestSet = z.infer<typeof ZMaterializedTestSet>;

/** What grading an authored problem needs: data only, plus the reference (run in the sandbox, for run-mode custom inputs). */
export const ZMaterializedProblem = z.object({
  slug: ZSlug,
  version: ZContentVersion,
  functionName: ZIdentifier,
  signature: z.string(),
  judge: ZAuthoredJudge,
  limits: ZLimits,
  reference: z.string(),
  testSet: ZMaterializedTestSet,
});
export type TMaterializedProblem = z.infer<typeof ZMaterializedProblem>;

// ---------------------------------------------------------------------------------------------------------------
// Check: reference accepted, starter not, wrong solutions as expected, the reference's time against the limits.

export const ZCheckFailureCode = z.enum([
  /** The source itself is inconsistent (signature, arity of a case, mutated argument, ...). */
  'invalid_source',
  'reference_compile_error',
  /** The helpers, a generator or a computed case does not compile. */
  'tests_compile_error',
  /** A generator or computed case threw, ran out of time or memory, or made arguments of the wrong arity. */
  'generator_failed',
  /** The reference threw or ran out of time or memory on a test while the expected outputs were made. */
  'reference_failed',
  /** A hand-written expected output disagrees with the reference. */
  'expected_mismatch',
  'tests_too_large',
  /** Graded like a learner's submission, the reference is not accepted (e.g. it is not deterministic). */
  'reference_rejected',
  /** The reference uses more than half of a time limit: learners' equally good solutions could time out. */
  'reference_too_slow',
  'starter_accepted',
  'wrong_solution_verdict',
  /** The grader itself failed; try again. */
  'internal',
]);
export type TCheckFailureCode = z.infer<typeof ZCheckFailureCode>;

export const ZCheckFailure = z.object({
  code: ZCheckFailureCode,
  message: z.string(),
  /** The test concerned, by name. */
  test: z.string().optional(),
  /** The wrong solution concerned, by name. */
  solution: z.string().optional(),
  /** Where in the source: `reference`, `starter`, `tests.helpers`, `tests.cases.3.argsCode`, `tests.generators.0.make`, `wrongSolutions.1.code`, ... */
  at: z.object({ field: z.string(), line: z.number().int(), column: z.number().int() }).optional(),
});
export type TCheckFailure = z.infer<typeof ZCheckFailure>;

export const ZProblemCheckReport = z.object({
  /** True when there is no failure: the problem may be published. */
  ok: z.boolean(),
  sourceHash: z.string(),
  failures: z.array(ZCheckFailure),
  tests: z.object({ total: z.number().int(), samples: z.number().int(), generated: z.number().int() }),
  /** The reference graded as a submission (null when the tests could not be made). */
  reference: z
    .object({
      verdict: ZVerdict,
      /** CPU time of its slowest test, and of all tests. */
      slowestTestMs: z.number(),
      slowestTest: z.string().optional(),
      totalMs: z.number(),
      limits: z.object({ timeMsPerTest: z.number().int(), timeMsTotal: z.number().int() }),
    })
    .nullable(),
  starter: z.object({ verdict: ZVerdict }).nullable(),
  wrongSolutions: z.array(
    z.object({ name: z.string(), expect: ZVerdict, verdict: ZVerdict, ok: z.boolean(), message: z.string().optional() }),
  ),
  durationMs: z.number(),
});
export type TProblemCheckReport = z.infer<typeof ZProblemCheckReport>;

// ---------------------------------------------------------------------------------------------------------------
// A deck as one unit, for import and export as a zip in the packages/problems file layout.

/** A concept card. Its front is one line (a `## ` heading in the file format). */
export const ZAuthoredCard = z.strictObject({
  id: ZSlug,
  version: ZContentVersion.default(1),
  front: z
    .string()
    .trim()
    .min(1)
    .max(1_000)
    .regex(/^[^\r\n]*$/, { message: 'must be one line' }),
  back: z.string().trim().min(1).max(20_000).describe('Markdown with KaTeX math'),
  tags: z
    .array(ZSlug)
    .max(20)
    .default([])
    .transform((tags) => [...new Set(tags)]),
});
export type TAuthoredCard = z.infer<typeof ZAuthoredCard>;

/** One card topic file (cards/<deck>/<topic>.md). */
export const ZAuthoredCardTopic = z.strictObject({
  slug: ZSlug,
  title: z.string().trim().min(3).max(120),
  cards: z.array(ZAuthoredCard).min(1).max(500),
});
export type TAuthoredCardTopic = z.infer<typeof ZAuthoredCardTopic>;

export const ZAuthoredDeck = z.strictObject({
  slug: ZSlug,
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().min(10).max(2_000),
  tags: z.array(ZSlug).max(20).default([]),
});
export type TAuthoredDeck = z.infer<typeof ZAuthoredDeck>;

/** A deck with its problems and card topics, each in the deck's order. */
export const ZDeckBundle = z
  .strictObject({
    deck: ZAuthoredDeck,
    problems: z.array(ZAuthoredProblem).max(200).default([]),
    topics: z.array(ZAuthoredCardTopic).max(200).default([]),
  })
  .refine((b) => new Set(b.problems.map((p) => p.slug)).size === b.problems.length, { message: 'problem slugs must be unique' })
  .refine((b) => new Set(b.topics.map((t) => t.slug)).size === b.topics.length, { message: 'topic slugs must be unique' })
  .refine((b) => new Set(b.topics.flatMap((t) => t.cards.map((c) => c.id))).size === b.topics.reduce((n, t) => n + t.cards.length, 0), {
    message: 'card ids must be unique',
  });
export type TDeckBundle = z.infer<typeof ZDeckBundle>;
export type TDeckBundleInput = z.input<typeof ZDeckBundle>;
