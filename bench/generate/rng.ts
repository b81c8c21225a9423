/** Seeded randomness and time helpers, so a generated network is reproducible from `--seed`. */

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** A UUIDv7 whose timestamp is `ms`, so ids sort with the history they describe. */
  idAt(ms: number): string;
  hex(n: number): string;
};

/** xorshift128+: fast, and good enough for synthetic data. */
export function makeRng(seed: number): Rng {
  let s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let s1 = (seed * 0x85ebca6b) >>> 0 || 2;
  let s2 = 0x27d4eb2f;
  let s3 = 0x165667b1;
  const next = () => {
    const t = s0 ^ (s0 << 11);
    s0 = s1;
    s1 = s2;
    s2 = s3;
    s3 = (s3 ^ (s3 >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return s3 / 2 ** 32;
  };
  for (let i = 0; i < 20; i++) next();
  const hexDigits = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    hex: hexDigits,
    idAt(ms) {
      const t = Math.floor(ms).toString(16).padStart(12, '0');
      const a = Math.floor(next() * 2 ** 32);
      const b = Math.floor(next() * 2 ** 32);
      const c = Math.floor(next() * 2 ** 32);
      const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
      return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(a >>> 20, 3)}-${hex(8 | ((a >>> 18) & 3), 1)}${hex(a, 3)}-${hex(b, 8)}${hex(c, 4)}`;
    },
  };
}

/**
 * The id with its last 12 hex digits replaced by `n`: for rows whose public number is cut from
 * the id's tail (receipts, certificates) and must therefore not collide.
 */
export const withTail = (id: string, n: number) => id.slice(0, -12) + n.toString(16).padStart(12, '0');

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** China Standard Time: business days and months are counted in it. */
export const CST = 8 * HOUR;

export const iso = (ms: number) => new Date(ms).toISOString();
/** The China Standard Time date (YYYY-MM-DD) of an instant. */
export const cstDate = (ms: number) => new Date(ms + CST).toISOString().slice(0, 10);
/** Midnight China Standard Time of the day of `ms`, as an instant. */
export const cstMidnight = (ms: number) => Math.floor((ms + CST) / DAY) * DAY - CST;
