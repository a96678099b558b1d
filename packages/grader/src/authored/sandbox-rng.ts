/**
 * The seeded `Rng` that authored test generators get inside the sandbox, as TypeScript compiled with their code.
 * It reproduces packages/problems' createRng exactly (FNV-1a of the seed string, pure-rand's xoroshiro128+ and its
 * uniform integer distribution), so a generator makes the same tests here as it does in a built-in tests.ts; the
 * parity is tested. Kept to what strict TypeScript with the ES2022 library accepts (no BigInt, no Node types).
 */
export const SANDBOX_RNG_SOURCE = `interface Rng {
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  bool(pTrue?: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: T[]): T[];
  array<T>(length: number, make: (i: number) => T): T[];
}
function __prepCreateRng(seed: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = h | 0;
  let s01 = -1;
  let s00 = ~h;
  let s11 = h | 0;
  let s10 = 0;
  const next = (): number => {
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const t00 = s00;
    const t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  };
  const small = (rangeSize: number): number => {
    const maxAllowed = rangeSize > 2 ? ~~(0x100000000 / rangeSize) * rangeSize : 0x100000000;
    let deltaV = next() + 0x80000000;
    while (deltaV >= maxAllowed) deltaV = next() + 0x80000000;
    return deltaV % rangeSize;
  };
  const large = (from: number, to: number, rangeSize: number): number => {
    let hi: number;
    let lo: number;
    if (rangeSize <= Number.MAX_SAFE_INTEGER) {
      hi = ~~(rangeSize / 0x100000000);
      lo = rangeSize >>> 0;
    } else {
      const posFrom = -from;
      const lowSum = (to >>> 0) + (posFrom >>> 0);
      hi = (~~(to / 0x100000000) + ~~(posFrom / 0x100000000) + (lowSum > 0xffffffff ? 1 : 0)) >>> 0;
      lo = lowSum >>> 0;
    }
    if (lo === 0xffffffff) {
      hi += 1;
      lo = 0;
    } else {
      lo += 1;
    }
    for (;;) {
      const g0 = small(hi + 1);
      const g1 = small(0x100000000);
      if (g0 < hi) return g0 * 0x100000000 + g1 + from;
      if (g0 > hi) continue;
      if (g1 < lo) return g0 * 0x100000000 + g1 + from;
    }
  };
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError('rng.int(' + min + ', ' + max + '): bounds must be safe integers with min <= max');
    }
    const rangeSize = max - min;
    return rangeSize <= 0xffffffff ? small(rangeSize + 1) + min : large(min, max, rangeSize);
  };
  const unit = (): number => (int(0, 2 ** 26 - 1) * 2 ** 27 + int(0, 2 ** 27 - 1)) / 2 ** 53;
  return {
    int,
    float: (min, max) => min + unit() * (max - min),
    bool: (pTrue = 0.5) => unit() < pTrue,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('rng.pick of an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        const t = items[i]!;
        items[i] = items[j]!;
        items[j] = t;
      }
      return items;
    },
    array: (length, make) => Array.from({ length }, (_, i) => make(i)),
  };
}`;
