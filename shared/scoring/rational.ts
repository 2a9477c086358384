/** Exact non-negative-denominator rationals on BigInt, so ties and boundaries never hinge on float error. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
};

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const ZERO = rational(0);
export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const compare = (a: Rational, b: Rational): number => {
  const diff = a.num * b.den - b.num * a.den;
  return diff === 0n ? 0 : diff > 0n ? 1 : -1;
};
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** Rounds half away from zero ("half-up" as Indonesian recaps do) to an integer count of 10^-decimals. */
export function roundToScaled(value: Rational, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  const scaled = value.num * scale;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const rounded = (2n * magnitude + value.den) / (2n * value.den);
  return negative ? -rounded : rounded;
}

export const ONE = rational(1);
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
export const abs = (a: Rational): Rational => (a.num < 0n ? neg(a) : a);
export const equals = (a: Rational, b: Rational): boolean => compare(a, b) === 0;
export const reduce = (a: Rational): Rational => rational(a.num, a.den);
export const fromScaled = (scaled: bigint, decimals: number): Rational => ({ num: scaled, den: 10n ** BigInt(decimals) });

/*
 * Lazy operations: no gcd, so the denominator may keep common factors. They are what the hot loops
 * use (a gcd per step costs more than the rest of the arithmetic); compare, round and print work
 * on unreduced values, and `reduce` normalises one when it is stored or shown. Denominators must stay positive.
 */
export const addLazy = (a: Rational, b: Rational): Rational =>
  a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
export const subLazy = (a: Rational, b: Rational): Rational => addLazy(a, neg(b));
export const mulLazy = (a: Rational, b: Rational): Rational => ({ num: a.num * b.num, den: a.den * b.den });
export function divLazy(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return b.num < 0n ? { num: -a.num * b.den, den: a.den * -b.num } : { num: a.num * b.den, den: a.den * b.num };
}

/** Rounds half away from zero to `decimals` and keeps it as a rational (e.g. 85.125 → 85.13 = 8513/100). */
export const roundTo = (value: Rational, decimals: number): Rational => fromScaled(roundToScaled(value, decimals), decimals);

/** ⌊√n⌋ for n ≥ 0 (Newton's method on BigInt, from a first guess above the root). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  let x = 1n << (BigInt(n.toString(2).length) / 2n + 1n);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** √value truncated to `decimals` decimals: deterministic on every platform (used only by advisory figures). */
export function sqrtTo(value: Rational, decimals: number): Rational {
  if (value.num < 0n) throw new RangeError('square root of a negative number');
  const scale = 10n ** BigInt(2 * decimals);
  return fromScaled(isqrt((value.num * scale) / value.den), decimals);
}

/** A float close to the value, for display-free uses such as sorting a report; never for results. */
export const toNumber = (value: Rational): number => Number(roundToScaled(value, 12)) / 1e12;

/** Least common multiple of positive denominators. */
export const lcm = (a: bigint, b: bigint): bigint => (a === b || a % b === 0n ? a : b % a === 0n ? b : (a / gcd(a, b)) * b);
