import { z } from 'zod';
import type { TDeck, TCard, TProblemMeta } from './content';

export const GRADE_RESULT_VERSION = 1;

export const ZVerdict = z.enum([
  'accepted',
  'wrong_answer',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'runtime_error',
  'compilation_error',
  'internal_error',
]);
export type TVerdict = z.infer<typeof ZVerdict>;

export const ZTestStatus = z.enum([
  'passed',
  'wrong_answer',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'runtime_error',
  /** Not run because an earlier failure ended the run (e.g. the sandbox died). */
  'skipped',
  /** A learner's custom input that the reference solution rejects. */
  'invalid_input',
]);
export type TTestStatus = z.infer<typeof ZTestStatus>;

export const ZGradeMode = z.enum(['run', 'submit']);
export type TGradeMode = z.infer<typeof ZGradeMode>;

export const ZCustomTest = z.strictObject({ args: z.array(z.unknown()).max(16) });

export const ZSubmission = z.strictObject({
  code: z.string().max(64 * 1024),
  mode: ZGradeMode,
  customTests: z.array(ZCustomTest).max(20).optional(),
});
export type TSubmission = z.infer<typeof ZSubmission>;

export const ZCompileDiagnostic = z.object({
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
});

export const ZTestResult = z.object({
  index: z.number().int(),
  /** Absent for hidden tests in submit mode. */
  name: z.string().optional(),
  status: ZTestStatus,
  timeMs: z.number().optional(),
  input: z.array(z.unknown()).optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  stdout: z.string().optional(),
  error: z.string().optional(),
  /** For a failing generated test: reproduce it with this seed. Never shown for hidden tests to learners. */
  seed: z.string().optional(),
});
export type TTestResult = z.infer<typeof ZTestResult>;

export const ZGradeResult = z.object({
  version: z.literal(GRADE_RESULT_VERSION),
  verdict: ZVerdict,
  passed: z.number().int(),
  total: z.number().int(),
  tests: z.array(ZTestResult),
  compileErrors: z.array(ZCompileDiagnostic).optional(),
  /** Message for runtime/internal errors not tied to a test. */
  message: z.string().optional(),
  cpuTimeMs: z.number(),
  wallTimeMs: z.number(),
});
export type TGradeResult = z.infer<typeof ZGradeResult>;

// ---------------------------------------------------------------------------
// Types of loaded, trusted content (functions included, so not zod-serialisable).
// packages/problems produces these; packages/grader consumes them.

/** A seeded source of randomness for test generators (implemented in packages/problems). */
export interface Rng {
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Float in [min, max). */
  float(min: number, max: number): number;
  bool(pTrue?: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: T[]): T[];
  /** `length` values made by `make(i)`. */
  array<T>(length: number, make: (i: number) => T): T[];
}

export interface FixedCase<A extends unknown[] = unknown[]> {
  name: string;
  args: A;
  /** Visible to learners and run in `run` mode. */
  sample?: boolean;
  /** Hand-checked expected output. When given, the reference must agree (checked by the content tests). */
  expected?: unknown;
}

export interface Generator<A extends unknown[] = unknown[]> {
  name: string;
  /** How many tests this generator makes. */
  count: number;
  /** Base seed; test i uses seed `${seed}:${i}`. */
  seed: number;
  make: (rng: Rng, index: number) => A;
}

export interface CheckInput<A extends unknown[] = unknown[]> {
  args: A;
  actual: unknown;
  expected: unknown;
}
/** A custom checker: true when the answer is right, or a message saying why it is wrong. */
export type Checker<A extends unknown[] = unknown[]> = (input: CheckInput<A>) => true | string;

export interface ProblemTests<A extends unknown[] = unknown[]> {
  cases: FixedCase<A>[];
  generators?: Generator<A>[];
  check?: Checker<A>;
}

export type AnyFunction = (...args: never[]) => unknown;

export interface LoadedProblem {
  slug: string;
  dir: string;
  meta: TProblemMeta;
  params: { name: string; type: string }[];
  statement: string;
  hints: string[];
  editorial: string;
  starter: string;
  /** The reference solution, run only in the trusted host. */
  reference: AnyFunction;
  /** Other exported functions of reference.ts: alternative references that must agree with `reference`. */
  alternatives: Record<string, AnyFunction>;
  tests: ProblemTests;
}

/**
 * One problem ↔ concept-card link, resolved from both declarations. `conceptOrder` ranks the card among the problem's
 * `concepts` (the cards it builds on), or is null when only the card's `practice` list names the problem.
 * `practiceOrder` ranks the problem among the problems that practise the card.
 */
export interface LoadedConceptLink {
  problem: string;
  card: string;
  conceptOrder: number | null;
  practiceOrder: number;
}

export interface LoadedContent {
  decks: TDeck[];
  problems: LoadedProblem[];
  cards: TCard[];
  /** Every problem ↔ card link, each once. */
  links: LoadedConceptLink[];
}
