import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import type { FixedCase, Generator, ProblemTests, Rng } from '@prep/contracts';

/** Identity with types: lets a tests.ts file declare its argument tuple once. */
export function defineTests<A extends unknown[]>(tests: ProblemTests<A>): ProblemTests<A> {
  return tests;
}

export type { FixedCase, Generator, ProblemTests, Rng };

/** 32-bit FNV-1a: turns a seed string such as "17:3" into a PRNG seed. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The seed string of the i-th test a generator makes; printed with failing tests so they can be replayed. */
export function generatedSeed(generator: Pick<Generator, 'seed'>, index: number): string {
  return `${generator.seed}:${index}`;
}

export function createRng(seed: string): Rng {
  const source = xoroshiro128plus(hashSeed(seed));
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`rng.int(${min}, ${max}): bounds must be safe integers with min <= max`);
    }
    return unsafeUniformIntDistribution(min, max, source);
  };
  // 2^53 evenly spaced values in [0, 1).
  const unit = (): number => (int(0, 2 ** 26 - 1) * 2 ** 27 + int(0, 2 ** 27 - 1)) / 2 ** 53;
  const rng: Rng = {
    int,
    float: (min, max) => min + unit() * (max - min),
    bool: (pTrue = 0.5) => unit() < pTrue,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('rng.pick of an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
    array: (length, make) => Array.from({ length }, (_, i) => make(i)),
  };
  return rng;
}

/** One concrete test of a problem: a fixed case, or the i-th output of a generator. */
export interface ExpandedTest {
  index: number;
  name: string;
  args: unknown[];
  sample: boolean;
  /** Present for generated tests. */
  seed?: string;
  /** Hand-checked expectation from the fixed case, if any. */
  pinned?: { expected: unknown };
}

/** Fixed cases first, in file order, then each generator's tests in order. Deterministic. */
export function expandTests(tests: ProblemTests): ExpandedTest[] {
  const out: ExpandedTest[] = [];
  for (const c of tests.cases) {
    out.push({
      index: out.length,
      name: c.name,
      args: c.args,
      sample: c.sample === true,
      ...('expected' in c ? { pinned: { expected: c.expected } } : {}),
    });
  }
  for (const g of tests.generators ?? []) {
    for (let i = 0; i < g.count; i++) {
      const seed = generatedSeed(g, i);
      out.push({
        index: out.length,
        name: g.count === 1 ? g.name : `${g.name} #${i + 1}`,
        args: g.make(createRng(seed), i),
        sample: false,
        seed,
      });
    }
  }
  return out;
}
