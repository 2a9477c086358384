/**
 * Grade-scale presets (predicates). Bounds are decimal text in points.
 *
 * Published gaps. PEKPPP and the innovation index publish their bands at two decimals with gaps
 * between them (PEKPPP: A- up to 4.50, A from 4.51; index: Kurang Inovatif up to 34.99, Inovatif
 * from 35, Inovatif up to 60, Sangat Inovatif from 60.01). A value is not always rounded to two
 * decimals before it is graded (a mean of several jurors' totals is exact), so the presets close
 * every gap between two adjacent bands: a lower bound published as "x.x1" above a band ending at
 * "x.x0" is stored as "more than x.x0" (exclusive). So 4.505 is A (more than 4.50) and 34.995 is
 * Kurang Inovatif (less than 35). The only values left without a predicate are those outside the
 * published range: below 0, above the maximum, and an innovation index of exactly 0 (the index
 * starts at 0.01; a region with index 0 gets no predicate, which the recap shows as "—").
 */
import type { GradePreset, PresetGradeBand } from './types';

const band = (label: string, description: string, lower: string | null, lowerInclusive: boolean, upper: string | null, upperInclusive: boolean): PresetGradeBand => ({
  label,
  description,
  lower,
  lowerInclusive,
  upper,
  upperInclusive,
});

/** PEKPPP index 0–5. Published: A 4.51–5.00 … F 0–1.00; gaps closed as above. */
const pekppp: GradePreset = {
  id: 'grade.pekppp',
  name: 'Predikat PEKPPP (indeks 0–5)',
  source: 'KemenPAN-RB, Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik',
  kind: 'grade',
  bands: [
    band('A', 'Pelayanan Prima', '4.5', false, '5', true),
    band('A-', 'Sangat Baik', '4', false, '4.5', true),
    band('B', 'Baik', '3.5', false, '4', true),
    band('B-', 'Baik dengan Catatan', '3', false, '3.5', true),
    band('C', 'Cukup', '2.5', false, '3', true),
    band('C-', 'Cukup dengan Catatan', '2', false, '2.5', true),
    band('D', 'Buruk', '1.5', false, '2', true),
    band('E', 'Sangat Buruk', '1', false, '1.5', true),
    band('F', 'Gagal', '0', true, '1', true),
  ],
};

/** SAKIP 0–100: lower bounds exclusive as published (exactly 90 is A, not AA). */
const sakip: GradePreset = {
  id: 'grade.sakip',
  name: 'Predikat SAKIP (0–100)',
  source: 'KemenPAN-RB, Sistem Akuntabilitas Kinerja Instansi Pemerintah',
  kind: 'grade',
  bands: [
    band('AA', 'Sangat Memuaskan', '90', false, '100', true),
    band('A', 'Memuaskan', '80', false, '90', true),
    band('BB', 'Sangat Baik', '70', false, '80', true),
    band('B', 'Baik', '60', false, '70', true),
    band('CC', 'Cukup', '50', false, '60', true),
    band('C', 'Kurang', '30', false, '50', true),
    band('D', 'Sangat Kurang', '0', true, '30', true),
  ],
};

/** Innovation index 0–100. Published: Sangat Inovatif 60.01–100, Inovatif 35–60, Kurang Inovatif 0.01–34.99. */
const innovationIndex: GradePreset = {
  id: 'grade.indeks-inovasi',
  name: 'Predikat Indeks Inovasi Daerah',
  source: 'Kemendagri, Indeks Inovasi Daerah',
  kind: 'grade',
  bands: [
    band('Sangat Inovatif', 'Indeks lebih dari 60 sampai 100', '60', false, '100', true),
    band('Inovatif', 'Indeks 35 sampai 60', '35', true, '60', true),
    band('Kurang Inovatif', 'Indeks lebih dari 0 sampai kurang dari 35', '0', false, '35', false),
  ],
};

export const gradePresets: readonly GradePreset[] = [pekppp, sakip, innovationIndex];
