import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_METHOD, type StageMethod } from '@shared/domain/method';
import { describeStageMethod } from '@shared/format-method';

const names = new Map([
  [11, 'Kebaruan'],
  [12, 'Signifikansi'],
]);

/** Sentences written by hand: the method in words as the results note and the recap print it. */
const cases: { name: string; method: StageMethod; id: string; en: string }[] = [
  {
    name: 'mean of juror totals, trim 1, criterion then median tie-breaks',
    method: { ...DEFAULT_STAGE_METHOD, trim: 1, tieBreak: ['criterion:12', 'median'] },
    id: 'Nilai akhir = rata-rata nilai tertimbang para juri setelah membuang 1 nilai tertinggi dan 1 terendah; dibulatkan 2 desimal; seri dipisahkan oleh nilai Signifikansi, lalu median; peringkat per kategori.',
    en: "Final score = the mean of the jurors' weighted totals after dropping the 1 highest and 1 lowest; rounded to 2 decimals; ties are broken by the Signifikansi value, then the median; ranked per category.",
  },
  {
    name: 'median per criterion with intermediate roundings, a minimum and two tie-breaks',
    method: {
      ...DEFAULT_STAGE_METHOD,
      level: 'criterion',
      aggregate: 'median',
      minJurors: 3,
      rounding: { aggregate: 1, weighted: 2, juror: null, total: 3 },
      tieBreak: ['headToHead', 'chair'],
    },
    id: 'Nilai akhir = jumlah, atas semua kriteria, dari bobot × median nilai para juri pada kriteria itu; median tiap kriteria dibulatkan 1 desimal; nilai tertimbang tiap kriteria dibulatkan 2 desimal; nilai akhir dibulatkan 3 desimal; paling sedikit 3 juri per peserta; seri dipisahkan oleh perbandingan langsung oleh juri yang menilai keduanya, lalu keputusan Ketua Dewan Juri; peringkat per kategori.',
    en: "Final score = the sum, over the criteria, of weight × the median of the jurors' marks for that criterion; each criterion's median rounded to 1 decimal; each criterion's weighted value rounded to 2 decimals; final score rounded to 3 decimals; at least 3 jurors per entry; ties are broken by head-to-head among the jurors who scored both, then the chair's decision; ranked per category.",
  },
  {
    name: 'sum with z-score (advisory), juror rounding, whole-number total and an unknown criterion',
    method: { ...DEFAULT_STAGE_METHOD, aggregate: 'sum', normalize: 'z-score', rounding: { aggregate: null, weighted: null, juror: 1, total: 0 }, tieBreak: ['criterion:99'] },
    id: 'Nilai akhir = jumlah nilai tertimbang para juri; nilai setiap juri lebih dahulu dinormalisasi z-score (hanya pembanding, bukan peringkat resmi); nilai tiap juri dibulatkan 1 desimal; nilai akhir dibulatkan 0 desimal; seri dipisahkan oleh nilai kriteria #99; peringkat per kategori.',
    en: "Final score = the sum of the jurors' weighted totals; each juror's values are first z-score normalised (advisory only, not an official ranking); each juror's total rounded to 1 decimal; final score rounded to 0 decimals; ties are broken by the criterion #99 value; ranked per category.",
  },
];

describe('describeStageMethod', () => {
  for (const c of cases)
    it(`says "${c.name}" in Indonesian and English`, () => {
      expect(describeStageMethod(c.method, 'id', names)).toBe(c.id);
      expect(describeStageMethod(c.method, 'en', names)).toBe(c.en);
    });

  it('describes the default method plainly', () => {
    expect(describeStageMethod(DEFAULT_STAGE_METHOD, 'id')).toBe('Nilai akhir = rata-rata nilai tertimbang para juri; dibulatkan 2 desimal; peringkat per kategori.');
  });
});
