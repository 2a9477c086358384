import { describe, expect, it } from 'vitest';
import { evaluate, prepare, qualityFigures } from '@shared/scoring';
import { kendallW, krippendorffAlphaInterval } from '@shared/scoring/quality/agreement';
import { rational } from '@shared/scoring/rational';
import { exactText, fixedText } from '@shared/scoring/text';
import { sqrtText } from '@shared/scoring/file/quality';
import { stage, type StageSpec } from '../../fixtures/scoring/build';

const r = (n: number) => rational(n);
const figures = (spec: StageSpec, options = {}) => {
  const input = stage(spec);
  const prepared = prepare(input);
  return qualityFigures(prepared, input.method, evaluate(prepared, input.method), options);
};

describe('agreement between jurors', () => {
  it("Krippendorff's alpha (interval) on Krippendorff's own example with missing values is 0.849", () => {
    // Source: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers ×
    // 12 units example (missing values marked null); published: interval alpha = 0.849.
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, u) => [A, B, C, D].flatMap((o) => (o[u] === null ? [] : [r(o[u]!)])));
    expect(fixedText(krippendorffAlphaInterval(units)!, 3)).toBe('0.849');
    expect(krippendorffAlphaInterval([[r(1)], [r(2)]])).toBeNull(); // nothing pairable
  });

  it("Kendall's W, worked by hand, with and without tied ranks", () => {
    // Ranks A B C D — j1: 1 2 3 4, j2: 1 3 2 4, j3: 2 1 3 4. Sums 4, 6, 8, 12; mean 7.5;
    // S = 12.25 + 2.25 + 0.25 + 20.25 = 35; W = 12·35 / (3²·(4³ − 4)) = 420 / 540 = 7/9.
    const totals = [
      [90, 90, 80],
      [80, 70, 90],
      [70, 80, 70],
      [60, 60, 60],
    ].map((row) => row.map(r));
    expect(exactText(kendallW(totals)!)).toBe('0.777778…');
    // Ties: j1 gives A and B 10 (ranks 1.5, 1.5), C 5; j2 ranks 1, 2, 3. Sums 2.5, 3.5, 6; mean 4;
    // S = 2.25 + 0.25 + 4 = 6.5; T = 2³ − 2 = 6; W = 12·6.5 / (2²·(27 − 3) − 2·6) = 78 / 84 = 13/14.
    const tied = [
      [10, 10],
      [10, 5],
      [5, 1],
    ].map((row) => row.map(r));
    expect(exactText(kendallW(tied)!)).toBe(exactText(rational(13, 14)));
    // Placements: lower is better; the same order as totals gives the same W.
    const placements = [
      [1, 1, 2],
      [2, 3, 1],
      [3, 2, 3],
      [4, 4, 4],
    ].map((row) => row.map(r));
    expect(exactText(kendallW(placements, false)!)).toBe('0.777778…');
  });
});

describe('juror severity, spread and outlier marks', () => {
  it('measures severity as the mean offset from the other jurors on shared entries', () => {
    // e1: 80, 70, 90; e2: 60, 50, 70. j2 is 15 below the others' mean on both: −15; j3 +15; j1 0.
    // Spreads: each juror's two totals are 20 apart → standard deviation 10.
    const q = figures({ criteria: [['c1', '1']], marks: { e1: { j1: [80], j2: [70], j3: [90] }, e2: { j1: [60], j2: [50], j3: [70] } } });
    expect(q.jurors.map((j) => [j.juror, exactText(j.severity!), sqrtText(j.variance!), j.shared])).toEqual([
      ['j1', '0', '10', 2],
      ['j2', '-15', '10', 2],
      ['j3', '15', '10', 2],
    ]);
  });

  it('flags a mark further from the others’ median than the threshold × the scale', () => {
    const input = stage({ criteria: [['c1', '1']], marks: { e1: { j1: [80], j2: [82], j3: [81], j4: [40] } } });
    input.criteria[0].min = r(0);
    input.criteria[0].max = r(100);
    const prepared = prepare(input);
    const base = evaluate(prepared, input.method);
    // Others' median for j4: median(80, 81, 82) = 81; 40 − 81 = −41, beyond 0.2 × 100 = 20.
    const q = qualityFigures(prepared, input.method, base);
    expect(q.outliers.map((o) => [o.juror, exactText(o.othersMedian), exactText(o.deviation)])).toEqual([['j4', '81', '-41']]);
    expect(q.jurors.find((j) => j.juror === 'j4')!.outliers).toBe(1);
    // With a threshold of half the scale (50 points) it is no longer an outlier.
    expect(qualityFigures(prepared, input.method, base, { outlierThreshold: rational(1, 2) }).outliers).toEqual([]);
  });
});

describe('robustness: leave one juror out, and other methods', () => {
  // e1: 95, 70, 70 (mean 78.33, median 70); e2: 70, 80, 80 (mean 76.67, median 80). The mean puts e1
  // first only because of j1.
  const spec: StageSpec = { criteria: [['c1', '1']], marks: { e1: { j1: [95], j2: [70], j3: [70] }, e2: { j1: [70], j2: [80], j3: [80] } } };

  it('shows that the podium depends on juror j1 alone', () => {
    const q = figures(spec);
    expect(q.leaveOneOut.map((l) => [l.juror, l.changed])).toEqual([
      ['j1', true],
      ['j2', false],
      ['j3', false],
    ]);
    expect(q.leaveOneOut[0].categories[0].podium).toEqual([
      { entry: 'e2', rank: 1 },
      { entry: 'e1', rank: 2 },
    ]);
  });

  it('shows which methods would change the podium: median, trimmed mean and z-score do, the mean does not', () => {
    // z-score: j1's values are +1 and −1 standard deviations, j2's and j3's −1 and +1 → e2 ahead.
    const q = figures(spec);
    expect(q.sensitivity.map((s) => [s.method, s.changed])).toEqual([
      ['mean', false],
      ['trimmed mean (1 at each end)', true],
      ['median', true],
      ['z-score mean (advisory)', true],
    ]);
  });
});
