/**
 * The presets hold the published values. Expected numbers are copied from DOMAIN.md (the public
 * sources), not from the preset files.
 */
import { describe, expect, it } from 'vitest';
import { parseMilli, parsePercentToBasisPoints } from '@shared/domain/decimal';
import { criterionInput, gradeScaleInput } from '@shared/domain/setup';
import { findPreset, presetSummaries, PRESETS, type AwardPreset, type CriteriaPreset, type GradePreset } from '@shared/presets';
import { awardFor, checkGradeBands, gradeFor } from '@shared/scoring/grades';

const criteriaOf = (id: string) => {
  const preset = findPreset(id);
  expect(preset?.kind).toBe('criteria');
  return (preset as CriteriaPreset).criteria;
};
/** "Konsultasi & Pengaduan" and "konsultasi dan pengaduan" name the same thing. */
const norm = (name: string) => name.toLowerCase().replace(/&/g, 'dan').replace(/\s+/g, ' ').trim();

/** Each DOMAIN.md criterion (name, percent) matched to the preset criterion whose name starts with it. */
function expectWeights(id: string, published: [string, number][]) {
  const criteria = criteriaOf(id);
  expect(criteria).toHaveLength(published.length);
  for (const [name, percent] of published) {
    const found = criteria.filter((c) => norm(c.name).startsWith(norm(name)));
    expect(found, name).toHaveLength(1);
    expect(parsePercentToBasisPoints(found[0].weight), name).toBe(percent * 100);
  }
}

describe('criteria presets', () => {
  it('KIPP 2023 proposal, Kelompok Umum: the published weights, without the 0 % Ringkasan', () => {
    expectWeights('criteria.kipp-2023-proposal-umum', [
      ['Latar Belakang dan Tujuan', 10],
      ['Kebaruan/Nilai Tambah', 15],
      ['Implementasi', 5],
      ['Signifikansi', 30],
      ['Adaptabilitas', 20],
      ['Sumber Daya', 5],
      ['Strategi Keberlanjutan', 15],
    ]);
    const criteria = criteriaOf('criteria.kipp-2023-proposal-umum');
    expect(criteria.some((c) => norm(c.name) === 'ringkasan')).toBe(false);
    expect(criteria.every((c) => c.min === '0' && c.max === '100')).toBe(true);
  });

  it('Kemendagri IGA 2023 presentation', () => {
    expectWeights('criteria.iga-2023-presentasi', [
      ['kebaharuan', 30],
      ['kemanfaatan', 25],
      ['kewenangan daerah & kolaborasi', 15],
      ['replikasi & aplikatif', 20],
      ['penguasaan materi/kualitas penyajian', 10],
    ]);
  });

  it('PEKPPP: six aspects with their weights, scored 0–5', () => {
    expectWeights('criteria.pekppp-aspek', [
      ['kebijakan pelayanan', 24],
      ['profesionalisme SDM', 25],
      ['sarana prasarana', 18],
      ['sistem informasi', 11],
      ['konsultasi & pengaduan', 10],
      ['inovasi', 12],
    ]);
    for (const c of criteriaOf('criteria.pekppp-aspek')) {
      expect([parseMilli(c.min), parseMilli(c.max)]).toEqual([0, 5000]);
      expect((5000 % parseMilli(c.step)!) === 0).toBe(true);
    }
  });

  it('the generic rubric: KIPP general criteria, 0–100 step 1, every whole mark in exactly one band', () => {
    const criteria = criteriaOf('criteria.inovasi-umum-5');
    expect(criteria.map((c) => norm(c.name))).toEqual(['kebaruan', 'efektif', 'bermanfaat', 'dapat direplikasi', 'berkelanjutan']);
    for (const c of criteria) {
      expect([c.min, c.max, c.step]).toEqual(['0', '100', '1']);
      for (let mark = 0; mark <= 100; mark++) {
        const holding = c.rubric.filter((b) => parseMilli(b.min)! <= mark * 1000 && mark * 1000 <= parseMilli(b.max)!);
        expect(holding, `${c.name} ${mark}`).toHaveLength(1);
      }
      expect(c.rubric.map((b) => b.label)).toEqual(['Kurang', 'Cukup', 'Baik', 'Sangat baik']);
      expect(c.rubric.every((b) => b.descriptor.length > 10)).toBe(true);
    }
    const total = criteria.reduce((sum, c) => sum + parsePercentToBasisPoints(c.weight)!, 0);
    expect(total).toBe(10_000);
  });

  it('every criteria preset passes the same checks as a criterion typed by hand', () => {
    for (const preset of PRESETS.filter((p): p is CriteriaPreset => p.kind === 'criteria')) {
      for (const c of preset.criteria) {
        const parsed = criterionInput.safeParse({ stageId: 1, ...c });
        expect(parsed.success, `${preset.id}: ${c.name} ${parsed.error?.message ?? ''}`).toBe(true);
      }
    }
  });
});

describe('grade presets', () => {
  const grade = (id: string) => findPreset(id) as GradePreset;

  it('PEKPPP: each published band holds both its published ends', () => {
    const published: [string, string, string, string][] = [
      ['A', '4.51', '5.00', 'Pelayanan Prima'],
      ['A-', '4.01', '4.50', 'Sangat Baik'],
      ['B', '3.51', '4.00', 'Baik'],
      ['B-', '3.01', '3.50', 'Baik dengan Catatan'],
      ['C', '2.51', '3.00', 'Cukup'],
      ['C-', '2.01', '2.50', 'Cukup dengan Catatan'],
      ['D', '1.51', '2.00', 'Buruk'],
      ['E', '1.01', '1.50', 'Sangat Buruk'],
      ['F', '0', '1.00', 'Gagal'],
    ];
    const scale = grade('grade.pekppp');
    for (const [label, from, to, description] of published) {
      expect([gradeFor(scale, from), gradeFor(scale, to)], label).toEqual([label, label]);
      expect(scale.bands.find((b) => b.label === label)?.description).toBe(description);
    }
    expect(scale.bands).toHaveLength(published.length);
    expect(gradeFor(scale, '5.01')).toBeNull();
  });

  it('SAKIP: "more than" each published lower bound, D from 0 to 30', () => {
    const published: [string, number, string][] = [
      ['AA', 90, 'Sangat Memuaskan'],
      ['A', 80, 'Memuaskan'],
      ['BB', 70, 'Sangat Baik'],
      ['B', 60, 'Baik'],
      ['CC', 50, 'Cukup'],
      ['C', 30, 'Kurang'],
    ];
    const scale = grade('grade.sakip');
    published.forEach(([label, above, description], index) => {
      expect(gradeFor(scale, `${above}.001`), label).toBe(label);
      expect(gradeFor(scale, String(above)), label).toBe(published[index + 1]?.[0] ?? 'D');
      expect(scale.bands.find((b) => b.label === label)?.description).toBe(description);
    });
    expect([gradeFor(scale, '0'), gradeFor(scale, '30')]).toEqual(['D', 'D']);
    expect(scale.bands.find((b) => b.label === 'D')?.description).toBe('Sangat Kurang');
  });

  it('innovation index: published ends inside their bands, the gaps closed, 0 without predicate', () => {
    const scale = grade('grade.indeks-inovasi');
    const published: [string, string, string][] = [
      ['Sangat Inovatif', '60.01', '100'],
      ['Inovatif', '35', '60'],
      ['Kurang Inovatif', '0.01', '34.99'],
    ];
    for (const [label, from, to] of published) expect([gradeFor(scale, from), gradeFor(scale, to)], label).toEqual([label, label]);
    // In the published gaps (34.99–35, 60–60.01, 0–0.01): below 35 is Kurang Inovatif, above 60 is Sangat Inovatif.
    expect(gradeFor(scale, '34.995')).toBe('Kurang Inovatif');
    expect(gradeFor(scale, '60.005')).toBe('Sangat Inovatif');
    expect(gradeFor(scale, '0.005')).toBe('Kurang Inovatif');
    expect(gradeFor(scale, '0')).toBeNull();
  });

  it('every grade preset passes the scale schema and has no overlapping bands', () => {
    for (const preset of PRESETS.filter((p): p is GradePreset => p.kind === 'grade')) {
      expect(gradeScaleInput.safeParse({ competitionId: 1, name: preset.name, kind: 'grade', bands: preset.bands }).success, preset.id).toBe(true);
      const issues: string[] = [];
      checkGradeBands(preset.bands, (path, message) => issues.push(`${path.join('.')} ${message}`));
      expect(issues, preset.id).toEqual([]);
    }
  });
});

describe('award presets and the list', () => {
  it('Juara I–III and Harapan I–III, then TOP 10', () => {
    const juara = findPreset('award.juara-harapan') as AwardPreset;
    expect([1, 2, 3, 4, 5, 6, 7].map((rank) => awardFor(juara, rank))).toEqual(['Juara I', 'Juara II', 'Juara III', 'Harapan I', 'Harapan II', 'Harapan III', null]);
    const top10 = findPreset('award.top-10') as AwardPreset;
    expect([1, 10, 11].map((rank) => awardFor(top10, rank))).toEqual(['TOP 10', 'TOP 10', null]);
  });

  it('lists every preset once with its kind', () => {
    const list = presetSummaries();
    expect(list.map((p) => p.id).sort()).toEqual(PRESETS.map((p) => p.id).sort());
    expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
    expect(list.filter((p) => p.kind === 'criteria')).toHaveLength(4);
    expect(list.filter((p) => p.kind === 'grade')).toHaveLength(3);
    expect(list.filter((p) => p.kind === 'award')).toHaveLength(2);
  });
});
