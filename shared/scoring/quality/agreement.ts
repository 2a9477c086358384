/**
 * Agreement between jurors, exact on rationals.
 * - Kendall's W (coefficient of concordance) on the jurors' rankings of the same entries, with the
 *   usual correction for tied ranks: W = 12 S / (m²(n³ − n) − m Σ T), T = Σ (t³ − t) per juror.
 * - Krippendorff's alpha, interval metric: alpha = 1 − D_o / D_e from the coincidences of pairable
 *   values; units (entries) may miss values (recused or absent jurors), units with one value are left out.
 */
import { add, lcm, rational, type Rational } from '../rational';

/**
 * rows[i][j]: juror j's value for entry i (all present); `higherIsBetter` false for placements.
 * Null when there are fewer than 2 jurors or 2 entries, or every juror tied every entry.
 */
export function kendallW(rows: readonly (readonly Rational[])[], higherIsBetter = true): Rational | null {
  const n = rows.length;
  const m = rows[0]?.length ?? 0;
  if (n < 2 || m < 2) return null;
  // Doubled mid-ranks stay integers: positions p..q share rank (p + q) / 2.
  const doubledRankSums = new Array<bigint>(n).fill(0n);
  let tieCorrection = 0n;
  for (let j = 0; j < m; j++) {
    const order = rows.map((row, i) => ({ i, v: row[j] }));
    order.sort((a, b) => {
      const diff = a.v.num * b.v.den - b.v.num * a.v.den;
      const sign = diff === 0n ? 0 : diff > 0n ? 1 : -1;
      return higherIsBetter ? -sign : sign;
    });
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && order[end].v.num * order[start].v.den === order[start].v.num * order[end].v.den) end++;
      const doubled = BigInt(start + 1 + end);
      for (let k = start; k < end; k++) doubledRankSums[order[k].i] += doubled;
      const t = BigInt(end - start);
      tieCorrection += t * t * t - t;
      start = end;
    }
  }
  const [N, M] = [BigInt(n), BigInt(m)];
  // S = Σ (R_i − m(n+1)/2)², with R_i = doubled / 2.
  const mean2 = M * (N + 1n);
  const s4 = doubledRankSums.reduce((acc, d) => acc + (d - mean2) * (d - mean2), 0n);
  const denominator = M * M * (N * N * N - N) - M * tieCorrection;
  if (denominator === 0n) return null;
  return rational(12n * s4, 4n * denominator);
}

/** units[u]: the values given for entry u (any number; missing ones simply absent). Null when undefined. */
export function krippendorffAlphaInterval(units: readonly (readonly Rational[])[]): Rational | null {
  const pairable = units.filter((u) => u.length >= 2);
  if (pairable.length === 0) return null;
  // Common denominator so sums stay integers.
  let den = 1n;
  for (const u of pairable) for (const v of u) den = lcm(den, v.den);
  const scaled = pairable.map((u) => u.map((v) => v.num * (den / v.den)));
  // Σ_{i≠j} (x_i − x_j)² over a set = 2 (k Σx² − (Σx)²).
  const pairSquares = (xs: readonly bigint[]) => {
    let s = 0n;
    let q = 0n;
    for (const x of xs) [s, q] = [s + x, q + x * x];
    return 2n * (BigInt(xs.length) * q - s * s);
  };
  const n = BigInt(scaled.reduce((acc, u) => acc + u.length, 0));
  // D_o = (1/n) Σ_u Σ_{i≠j} δ² / (m_u − 1); D_e = (1/(n(n−1))) Σ over all pairable values δ².
  let observed = rational(0);
  for (const u of scaled) observed = add(observed, rational(pairSquares(u), BigInt(u.length - 1)));
  const expected = pairSquares(scaled.flat());
  if (expected === 0n) return null;
  // alpha = 1 − D_o / D_e = 1 − (observed / n) / (expected / (n (n − 1))) = 1 − observed (n − 1) / expected.
  return rational(expected * observed.den - observed.num * (n - 1n), expected * observed.den);
}
