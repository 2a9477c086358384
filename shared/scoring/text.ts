/**
 * Exact decimal text in and out of the engine. Input: "85", "85.125", "-0.5", "1.67", "2.5e1" (a JSON
 * number's own text, read before any float sees it). Output: rounded values with exactly the configured
 * decimals ("86.40"); unrounded values exactly when they terminate ("14.1903375"), otherwise rounded
 * half-up to 6 decimals and marked with "…" ("86.333333…") so nobody mistakes them for exact.
 */
import { scaledToText } from '../domain/decimal';
import { reduce, roundToScaled, type Rational } from './rational';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/;

/** The exact value of decimal text, or null when the text is not a plain decimal number. */
export function parseDecimal(text: string): Rational | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = Number(exponentText ?? 0) - fraction.length;
  let num = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return { num, den };
}

/** Decimals shown for values that do not terminate. */
export const REPEATING_DECIMALS = 6;
export const REPEATING_MARK = '…';

/** Rounded half-up (away from zero) to exactly `decimals` decimals: "86.40". */
export const fixedText = (value: Rational, decimals: number): string => scaledToText(roundToScaled(value, decimals), decimals, true);

/** How many decimals a reduced fraction needs, or null when its decimal expansion does not terminate. */
function terminatingDecimals(den: bigint): number | null {
  let twos = 0;
  let fives = 0;
  let rest = den;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  return rest === 1n ? Math.max(twos, fives) : null;
}

/** An unrounded value: exact when it terminates, else 6 decimals and "…". */
export function exactText(value: Rational): string {
  const reduced = reduce(value);
  const decimals = terminatingDecimals(reduced.den);
  if (decimals === null) return fixedText(reduced, REPEATING_DECIMALS) + REPEATING_MARK;
  return scaledToText((reduced.num * 10n ** BigInt(decimals)) / reduced.den, decimals);
}

/** A value at a rounding point: fixed decimals when the point rounds, exact text when it does not. */
export const pointText = (value: Rational, decimals: number | null): string =>
  decimals === null ? exactText(value) : fixedText(value, decimals);
