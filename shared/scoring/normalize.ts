/**
 * Per-juror z-score normalisation, rescaled to the panel's scale — advisory: it changes what jurors
 * gave, so results using it are marked as such. For juror j with values x (over the entries j counts
 * for): z = (x − mean_j) / sd_j, and the normalised value is panelMean + z × panelSd, where panelMean
 * is the mean of every counted value and panelSd the root of the mean of the jurors' variances (jurors
 * with at least two values). Computed as panelMean + (x − mean_j) × √(panelVar / var_j), the square
 * root truncated to 12 decimals and the product rounded to 12 decimals, so the figure is the same on
 * every machine. A juror shifting all their values by a constant changes no z-score, and moves every
 * entry by the same amount, so no difference between entries changes.
 */
import { add, div, rational, roundToScaled, sqrtTo, ZERO, type Rational } from './rational';

export const Z_DECIMALS = 12;
const Z_SCALE = 10n ** BigInt(Z_DECIMALS);

export interface Series {
  juror: string;
  /** Values over the caller's denominator, keyed by the caller (e.g. entry index). */
  points: { key: number; value: bigint }[];
}

export interface Normalized {
  den: bigint;
  /** juror → key → numerator over den. */
  values: Map<string, Map<number, bigint>>;
}

const variance = (points: Series['points'], den: bigint): Rational => {
  const n = BigInt(points.length);
  let s = 0n;
  let q = 0n;
  for (const { value } of points) [s, q] = [s + value, q + value * value];
  return rational(n * q - s * s, n * n * den * den);
};

export function zScores(series: readonly Series[], den: bigint, warnings: string[], label = ''): Normalized {
  const withValues = series.filter((s) => s.points.length > 0);
  let total = 0n;
  let count = 0n;
  for (const s of withValues) for (const p of s.points) [total, count] = [total + p.value, count + 1n];
  const outDen = count * den * Z_SCALE;
  const values = new Map<string, Map<number, bigint>>();
  if (count === 0n) return { den: 1n, values };
  const pooled = withValues.filter((s) => s.points.length > 1);
  const panelVar = pooled.length ? div(pooled.reduce((acc, s) => add(acc, variance(s.points, den)), ZERO), rational(pooled.length)) : ZERO;
  for (const s of withValues) {
    const n = BigInt(s.points.length);
    const sum = s.points.reduce((acc, p) => acc + p.value, 0n);
    const jurorVar = variance(s.points, den);
    if (jurorVar.num === 0n && s.points.length > 1)
      warnings.push(`z-score${label}: juror ${s.juror} gave every entry the same value; their normalised values are the panel mean`);
    // ρ = √(panelVar / jurorVar) over Z_SCALE; 0 when the juror has no spread.
    const ratio = jurorVar.num === 0n ? 0n : sqrtTo(div(panelVar, jurorVar), Z_DECIMALS).num;
    const byKey = new Map<number, bigint>();
    for (const p of s.points) {
      const z = roundToScaled({ num: (p.value * n - sum) * ratio, den: n * den * Z_SCALE }, Z_DECIMALS);
      byKey.set(p.key, total * Z_SCALE + z * count * den);
    }
    values.set(s.juror, byKey);
  }
  return { den: outDen, values };
}

