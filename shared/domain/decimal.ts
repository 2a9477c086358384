/**
 * Exact decimal text <-> scaled integers. Marks are stored in milli-points (×1000) and weights in
 * basis points (×100 of a percent), so every sum and comparison is exact. Both "85,5" (Indonesian)
 * and "85.5" are accepted; grouping separators are not, because "1.000" is ambiguous.
 */
const DECIMAL_TEXT = /^(-)?(\d{1,12})(?:[.,](\d+))?$/;

export const MILLI = 1000;
export const BASIS_POINTS_PER_PERCENT = 100;

/** Parses decimal text into an integer scaled by 10^decimals; null when it is not a number or too precise. */
export function parseScaled(text: string | number, decimals: number): number | null {
  const match = DECIMAL_TEXT.exec(String(text).trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > decimals) return null;
  const scaled = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  if (!Number.isSafeInteger(scaled)) return null;
  return sign ? -scaled : scaled;
}

/**
 * Integer scaled by 10^decimals back to decimal text: canonical ("85.5", "90") by default, or with
 * exactly `decimals` digits when `fixed` (a rounded total prints as "81.50").
 */
export function scaledToText(scaled: number | bigint, decimals: number, fixed = false): string {
  const value = BigInt(scaled);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const allDigits = digits.slice(digits.length - decimals);
  const fraction = fixed ? allDigits : allDigits.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const parseMilli = (text: string | number): number | null => parseScaled(text, 3);
export const milliToText = (milli: number): string => scaledToText(milli, 3);
/** Percent text ("30", "12,5") to basis points (3000, 1250). */
export const parsePercentToBasisPoints = (text: string | number): number | null => parseScaled(text, 2);
export const basisPointsToText = (bp: number): string => scaledToText(bp, 2);
