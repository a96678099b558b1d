import { z } from 'zod';

/** kebab-case, used in URLs and as stable ids. */
export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be kebab-case: lowercase letters, digits and single dashes' })
  .max(80);

/**
 * Content version. Bump it when an edit changes what a learner's past work means:
 * for a problem, a change to the signature, the judge or the tests' expected outputs;
 * for a card, a change to what the answer says. Typos, wording and formatting do not bump.
 * Progress is keyed by the stable id, so it survives a bump; the version records what it was earned against.
 */
export const ZContentVersion = z.number().int().min(1);

export const ZDifficulty = z.enum(['easy', 'medium', 'hard']);
export type TDifficulty = z.infer<typeof ZDifficulty>;

export const ZTolerance = z.strictObject({
  abs: z.number().min(0).default(1e-9),
  rel: z.number().min(0).default(1e-9),
});

/**
 * How an answer is judged.
 * - compare `exact`: deep equality (NaN equals NaN, -0 differs from +0 only for numbers compared exactly).
 * - `unordered`: the output is a list whose order does not matter.
 * - `unordered-deep`: like `unordered`, and each element (itself a list) is unordered too: combination-style answers.
 * - `float`: deep equality with numbers compared with `tolerance` (|a-b| <= abs or <= rel*max(|a|,|b|)); NaN/Infinity exact.
 * - `custom`: the problem's tests.ts exports `check`, run in the trusted host.
 * `output` says what is judged: the return value, or an argument the function mutates in place.
 */
export const ZJudgeSpec = z
  .strictObject({
    compare: z.enum(['exact', 'unordered', 'unordered-deep', 'float', 'custom']).default('exact'),
    tolerance: ZTolerance.optional(),
    output: z.union([z.literal('return'), z.strictObject({ mutatedArg: z.number().int().min(0) })]).default('return'),
  })
  .refine((j) => j.compare !== 'float' || j.tolerance !== undefined, {
    message: 'compare: float needs a tolerance { abs, rel }',
    path: ['tolerance'],
  });
export type TJudgeSpec = z.infer<typeof ZJudgeSpec>;

export const ZLimits = z.strictObject({
  /** CPU time for one test. */
  timeMsPerTest: z.number().int().min(10).max(20_000).default(2_000),
  /** CPU time for the whole run. */
  timeMsTotal: z.number().int().min(100).max(60_000).default(10_000),
  memoryMb: z.number().int().min(16).max(512).default(128),
});
export type TLimits = z.infer<typeof ZLimits>;

/** problem.md frontmatter. */
export const ZProblemMeta = z.strictObject({
  title: z.string().min(3).max(120),
  version: ZContentVersion,
  difficulty: ZDifficulty,
  tags: z.array(ZSlug).min(1),
  decks: z.array(ZSlug).min(1),
  /** Name of the function the learner writes; must match the name in `signature`. */
  function: z.string().regex(/^[A-Za-z_$][\w$]*$/),
  /** A TypeScript function declaration without a body, e.g. `function f(a: number[]): number`. */
  signature: z.string().min(10),
  judge: ZJudgeSpec.default({ compare: 'exact', output: 'return' }),
  limits: ZLimits.default({ timeMsPerTest: 2_000, timeMsTotal: 10_000, memoryMb: 128 }),
  /**
   * Minutes a learner who remembers the solution needs to write it; solving a due review faster on the first submit
   * with no hints rates it `easy`. Default: DEFAULT_EXPECTED_MINUTES by difficulty.
   */
  expectedMinutes: z.number().int().min(1).max(600).optional(),
  /**
   * Ids of the concept cards a learner must know to solve the problem, most fundamental first. Failing the problem
   * brings these cards due. Every id must name an existing card (`content:lint` checks it).
   */
  concepts: z.array(ZSlug).default([]),
});
export type TProblemMeta = z.infer<typeof ZProblemMeta>;

/** A problem's expected solving time when its front matter does not say (see ZProblemMeta.expectedMinutes). */
export const DEFAULT_EXPECTED_MINUTES: Record<TDifficulty, number> = { easy: 15, medium: 25, hard: 40 };

export function expectedMinutesOf(problem: { difficulty: TDifficulty; expectedMinutes?: number }): number {
  return problem.expectedMinutes ?? DEFAULT_EXPECTED_MINUTES[problem.difficulty];
}

export const ZParam = z.object({ name: z.string(), type: z.string() });

/** What the web app and the API show of a problem. No tests, no reference. */
export const ZProblemSummary = z.object({
  slug: ZSlug,
  version: ZContentVersion,
  title: z.string(),
  difficulty: ZDifficulty,
  tags: z.array(z.string()),
  decks: z.array(z.string()),
});
export type TProblemSummary = z.infer<typeof ZProblemSummary>;

export const ZProblemDetail = ZProblemSummary.extend({
  functionName: z.string(),
  signature: z.string(),
  params: z.array(ZParam),
  statement: z.string().describe('Markdown with KaTeX math'),
  starter: z.string(),
  hints: z.array(z.string()),
  limits: ZLimits,
  /** From the front matter; absent means the default for the difficulty (expectedMinutesOf). */
  expectedMinutes: z.number().int().optional(),
  sampleTests: z.array(z.object({ name: z.string(), args: z.array(z.unknown()), expected: z.unknown() })),
});
export type TProblemDetail = z.infer<typeof ZProblemDetail>;

/** One concept card. Many live in one Markdown file under cards/<deck>/<topic>.md. */
export const ZCard = z.strictObject({
  id: ZSlug,
  version: ZContentVersion,
  deck: ZSlug,
  topic: ZSlug,
  front: z.string().min(1).describe('Markdown with KaTeX math'),
  back: z.string().min(1).describe('Markdown with KaTeX math'),
  tags: z.array(ZSlug),
  /**
   * Slugs of problems where the card's idea is put to use, beyond those that name the card in their `concepts`. They
   * are shown with the card ("Practise it"), but they are not prerequisites: failing one does not bring the card due.
   */
  practice: z.array(ZSlug).default([]),
});
export type TCard = z.infer<typeof ZCard>;

/** decks/<slug>/deck.yaml */
export const ZDeckFile = z.strictObject({
  title: z.string().min(3).max(120),
  description: z.string().min(10),
  tags: z.array(ZSlug).default([]),
  /** Problem slugs, in the order a learner should meet them. */
  problems: z.array(ZSlug).default([]),
  /** Card topic files (cards/<deck>/<topic>.md), in order. */
  cardTopics: z.array(ZSlug).default([]),
  /** Hands-on labs (labs/<slug>/), in order. */
  labs: z.array(ZSlug).default([]),
});
export type TDeckFile = z.infer<typeof ZDeckFile>;

export const ZDeck = ZDeckFile.extend({ slug: ZSlug });
export type TDeck = z.infer<typeof ZDeck>;
