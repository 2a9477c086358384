/**
 * Grade scales (predicates such as "A-, Sangat Baik") and award scales (Juara I, TOP 10), exact.
 * Bounds are decimal text in milli-points; a value is compared as an exact rational on BigInt, so
 * a grade never flips because of floating-point error (SAKIP: exactly 90 is "A", 90.001 is "AA").
 */
import { parseMilli } from '../domain/decimal';
import type { Rational } from './rational';

export interface GradeBandBounds {
  label: string;
  /** Decimal text (milli precision); null: no lower bound. */
  lower: string | null;
  lowerInclusive: boolean;
  /** Decimal text (milli precision); null: no upper bound. */
  upper: string | null;
  upperInclusive: boolean;
}
export interface AwardBandRanks {
  label: string;
  fromRank: number;
  toRank: number;
}

const DECIMAL = /^(-)?(\d+)(?:[.,](\d+))?$/;

/** Any decimal text ("80.2", "85,125", "34.9951") as an exact fraction; null when it is not a number. */
export function exactDecimal(text: string): Rational | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const num = BigInt(whole + fraction) * (sign ? -1n : 1n);
  return { num, den: 10n ** BigInt(fraction.length) };
}

/** Compares an exact value with a bound in milli-points: -1, 0 or 1. */
function compareToMilli(value: Rational, milli: number): number {
  // value.num / value.den vs milli / 1000, with den > 0.
  const diff = value.num * 1000n - BigInt(milli) * value.den;
  return diff === 0n ? 0 : diff > 0n ? 1 : -1;
}

function bound(text: string | null): number | null {
  if (text === null) return null;
  const milli = parseMilli(text);
  if (milli === null) throw new RangeError(`grade bound "${text}" is not a decimal with at most three decimals`);
  return milli;
}

/** Whether an exact value lies in a band, honouring inclusive and exclusive bounds. */
export function inBand(band: GradeBandBounds, value: Rational): boolean {
  const lower = bound(band.lower);
  const upper = bound(band.upper);
  if (lower !== null) {
    const c = compareToMilli(value, lower);
    if (c < 0 || (c === 0 && !band.lowerInclusive)) return false;
  }
  if (upper !== null) {
    const c = compareToMilli(value, upper);
    if (c > 0 || (c === 0 && !band.upperInclusive)) return false;
  }
  return true;
}

/**
 * The label of the band a value falls in, or null when it falls in none (outside the scale, or in
 * a gap a scale leaves open). `value` is decimal text of any precision or an exact rational from
 * the engine (e.g. a mean of several totals, never rounded through a float).
 */
export function gradeFor(scale: { kind?: 'grade' | 'award'; bands: readonly GradeBandBounds[] }, value: string | Rational): string | null {
  if (scale.kind === 'award') throw new RangeError('gradeFor needs a grade scale, not an award scale');
  const exact = typeof value === 'string' ? exactDecimal(value) : value;
  if (exact === null) throw new RangeError(`"${String(value)}" is not a decimal number`);
  if (exact.den <= 0n) throw new RangeError('a rational needs a positive denominator');
  return scale.bands.find((band) => inBand(band, exact))?.label ?? null;
}

/** The award for a rank (1-based), or null when no band covers it. */
export function awardFor(scale: { bands: readonly AwardBandRanks[] }, rank: number): string | null {
  return scale.bands.find((band) => band.fromRank <= rank && rank <= band.toRank)?.label ?? null;
}

type Issue = (path: (string | number)[], message: string) => void;

/** A band must contain at least one value: lower < upper, or lower = upper with both bounds inclusive. */
function emptyBand(lower: number | null, upper: number | null, band: GradeBandBounds): boolean {
  if (lower === null || upper === null) return false;
  return lower > upper || (lower === upper && !(band.lowerInclusive && band.upperInclusive));
}

/** Whether two bands share at least one value. */
function gradeBandsOverlap(a: GradeBandBounds, b: GradeBandBounds): boolean {
  // a lies wholly below b, or b wholly below a.
  const below = (x: GradeBandBounds, y: GradeBandBounds): boolean => {
    const [xu, yl] = [bound(x.upper), bound(y.lower)];
    if (xu === null || yl === null) return false;
    return xu < yl || (xu === yl && !(x.upperInclusive && y.lowerInclusive));
  };
  return !below(a, b) && !below(b, a);
}

/** Checks a grade scale's bands: every bound a decimal, no empty band, no two bands sharing a value. */
export function checkGradeBands(bands: readonly GradeBandBounds[], issue: Issue): void {
  let valid = true;
  bands.forEach((band, index) => {
    const lower = band.lower === null ? null : parseMilli(band.lower);
    const upper = band.upper === null ? null : parseMilli(band.upper);
    if ((band.lower !== null && lower === null) || (band.upper !== null && upper === null)) {
      valid = false;
      return issue(['bands', index, lower === null ? 'lower' : 'upper'], 'validation.decimal');
    }
    if (emptyBand(lower, upper, band)) {
      valid = false;
      issue(['bands', index, 'upper'], 'validation.maxBelowMin');
    }
  });
  if (!valid) return;
  for (let i = 0; i < bands.length; i++) {
    for (let j = 0; j < i; j++) {
      if (gradeBandsOverlap(bands[i], bands[j])) {
        issue(['bands', i, 'lower'], 'validation.bandsOverlap');
        break;
      }
    }
  }
}

/** Checks an award scale's bands: fromRank ≤ toRank and no rank in two bands. */
export function checkAwardBands(bands: readonly AwardBandRanks[], issue: Issue): void {
  bands.forEach((band, index) => {
    if (band.fromRank > band.toRank) issue(['bands', index, 'toRank'], 'validation.maxBelowMin');
  });
  for (let i = 0; i < bands.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [bands[i], bands[j]];
      if (a.fromRank <= a.toRank && b.fromRank <= b.toRank && a.fromRank <= b.toRank && b.fromRank <= a.toRank) {
        issue(['bands', i, 'fromRank'], 'validation.bandsOverlap');
        break;
      }
    }
  }
}
