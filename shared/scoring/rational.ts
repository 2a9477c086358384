/** Exact non-negative-denominator rationals on BigInt, so ties and boundaries never hinge on float error. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
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
