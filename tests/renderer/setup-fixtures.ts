import type { CompetitionDetail, Criterion, Entry } from '@shared/domain/schemas';
import { createFakeApi, type FakeApi, type Handlers } from './fake-api';
import { emptySetup, entry, juror, stage } from './fixtures';

/** A criterion with only the fields a test cares about spelled out. */
export const criterion = (fields: Pick<Criterion, 'id' | 'stageId' | 'name' | 'weightBp' | 'position'> & Partial<Criterion>): Criterion => ({
  effectiveWeightBp: fields.weightBp,
  min: '0',
  max: '100',
  step: '1',
  description: '',
  aspectId: null,
  rubric: [],
  ...fields,
});

/** `n` entries over two categories: codes E-0001…, titles and units that search and sort can tell apart. */
export function manyEntries(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) =>
    entry({
      id: 1000 + i,
      code: `E-${String(i + 1).padStart(4, '0')}`,
      title: `Inovasi ${['Sehat', 'Cerdas', 'Bersih', 'Cepat'][i % 4]} ${i + 1}`,
      unit: `Dinas ${['Kesehatan', 'Pendidikan', 'Perhubungan'][i % 3]}`,
      categoryId: i % 2 === 0 ? 1 : 2,
    }),
  );
}

/** A competition as competition.get answers, with two stages, criteria, jurors and entries. */
export function detail(overrides: Partial<CompetitionDetail> = {}): CompetitionDetail {
  return {
    id: 7,
    name: 'KIPP Kota Palembang 2025',
    createdAt: '2025-05-01T02:00:00.000Z',
    ...emptySetup,
    categories: [
      { id: 1, name: 'Kelompok Umum' },
      { id: 2, name: 'Kelompok Khusus' },
    ],
    stages: [
      { ...stage({ id: 1, name: 'Penilaian proposal', position: 0 }), weightBp: 7000 },
      { ...stage({ id: 2, name: 'Presentasi dan wawancara', position: 1 }), weightBp: 3000 },
    ],
    criteria: [
      criterion({ id: 11, stageId: 1, name: 'Kebaruan', weightBp: 6000, position: 0 }),
      criterion({ id: 12, stageId: 1, name: 'Signifikansi', weightBp: 4000, position: 1 }),
      criterion({ id: 21, stageId: 2, name: 'Penguasaan materi', weightBp: 10_000, position: 0 }),
    ],
    jurors: [
      juror({ id: 5, name: 'Ratna Sari', role: 'chair' }),
      juror({ id: 6, name: 'Budi Santoso', role: 'member' }),
      juror({ id: 8, name: 'Maya Putri', role: 'secretary' }),
    ],
    entries: [
      entry({ id: 31, code: 'U-01', title: 'Sipantas', unit: 'Dinas Kesehatan', categoryId: 1 }),
      entry({ id: 32, code: 'U-02', title: 'Lapor Cepat', unit: 'Kecamatan Ilir Barat', categoryId: 1 }),
      entry({ id: 33, code: 'K-01', title: 'Sekolah Ramah', unit: 'SMPN 17', categoryId: 2 }),
    ],
    ...overrides,
  };
}

/** A fake api that serves `competition` (mutations given in `handlers` may replace it). */
export function setupApi(competition: CompetitionDetail, handlers: Handlers = {}, problems: { key: string; params: Record<string, string | number> }[] = []): FakeApi & { current: () => CompetitionDetail } {
  let current = competition;
  const api = createFakeApi({
    'auth.whoami': () => ({ actor: { role: 'organiser' } }),
    'competition.get': () => current,
    'setup.check': () => ({ problems }),
    'preset.list': () => [
      { id: 'criteria.kipp2023', name: 'KIPP 2023 — Kelompok Umum', source: 'KemenPAN-RB', kind: 'criteria' },
      { id: 'criteria.iga2023', name: 'IGA 2023 — Presentasi', source: 'Kemendagri', kind: 'criteria' },
      { id: 'grade.pekppp', name: 'Predikat PEKPPP', source: 'KemenPAN-RB', kind: 'grade' },
    ],
    ...handlers,
  });
  return Object.assign(api, {
    current: () => current,
    set: (next: CompetitionDetail) => (current = next),
  });
}
