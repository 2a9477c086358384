import { describe, expect, it } from 'vitest';
import { computeRanking, jurorTotal } from '@shared/scoring/engine';
import { compare, rational, roundToScaled } from '@shared/scoring/rational';

const criteria = [
  { id: 1, weightBp: 1000 }, // 10 %
  { id: 2, weightBp: 2000 }, // 20 %
  { id: 3, weightBp: 7000 }, // 70 %
];
const marks = (...values: number[]) => new Map(values.map((v, i) => [i + 1, v * 1000]));

describe('scoring engine (weighted mean)', () => {
  it('computes a weighted total exactly where binary floating point drifts', () => {
    // 0.1 × 1 + 0.2 × 1 + 0.7 × 0 in floats is 0.30000000000000004; the engine gets 3/10.
    expect(0.1 * 1 + 0.2 * 1).not.toBe(0.3);
    expect(compare(jurorTotal(criteria, marks(1, 1, 0)), rational(3, 10))).toBe(0);
  });

  it('uses the effective share when weights do not add up to 100 %', () => {
    const halves = [{ id: 1, weightBp: 3000 }, { id: 2, weightBp: 3000 }];
    expect(compare(jurorTotal(halves, new Map([[1, 80_000], [2, 90_000]])), rational(85))).toBe(0);
  });

  it('rounds half away from zero exactly at the boundary', () => {
    expect(roundToScaled(rational(8_5125, 1000), 2)).toBe(8513n); // 85.125 → 85.13
    expect(roundToScaled(rational(-8_5125, 1000), 2)).toBe(-8513n);
    expect(roundToScaled(rational(8_5124_999, 100_000_0), 2)).toBe(851n * 10n + 2n); // 85.1249999 → 85.12
  });

  it('ranks within each category and leaves entries without a submitted sheet unranked', () => {
    const sheet = (entryId: number, ...values: number[]) => ({ entryId, jurorId: 1, marks: marks(...values) });
    const rows = computeRanking({
      criteria,
      jurorIds: [1],
      decimals: 2,
      entries: [1, 2, 3, 4, 5, 6].map((id) => ({ id, categoryId: id === 6 ? 2 : 1 })),
      // Entry 3: 0.1·100 + 0.2·30 + 0.7·80 = 10 + 6 + 56 = 72.
      sheets: [sheet(1, 90, 90, 90), sheet(2, 80, 80, 80), sheet(3, 100, 30, 80), sheet(4, 70, 70, 70), sheet(6, 10, 10, 10)],
    });
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, null, 1]);
    expect(rows[2].total).toBe('72.00');
  });

  it('shares a rank on equal totals (1, 2, 2, 4) and flags the tie', () => {
    const sheet = (entryId: number, ...values: number[]) => ({ entryId, jurorId: 1, marks: marks(...values) });
    const rows = computeRanking({
      criteria,
      jurorIds: [1],
      decimals: 2,
      entries: [1, 2, 3, 4].map((id) => ({ id, categoryId: 1 })),
      // Entry 3: 0.1·100 + 0.2·35 + 0.7·90 = 10 + 7 + 63 = 80, the same as entry 2.
      sheets: [sheet(1, 90, 90, 90), sheet(2, 80, 80, 80), sheet(3, 100, 35, 90), sheet(4, 70, 70, 70)],
    });
    expect(rows.map((r) => [r.rank, r.tied])).toEqual([[1, false], [2, true], [2, true], [4, false]]);
  });
});
