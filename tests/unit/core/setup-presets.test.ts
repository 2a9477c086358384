/** Presets and grade scales through the core (issue 3). */
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { competition, failure, scoreOneSheet } from './setup-fixtures';

const MARKS = { Kebaruan: '80', Kemanfaatan: '90', Keberlanjutan: '70' };

async function withStage() {
  const setup = await competition();
  return { ...setup, stageId: setup.detail.stages[0].id };
}

describe('presets through the core', () => {
  it('lists criteria, grade and award presets', async () => {
    const { core } = await competition();
    const list = await core.call(ORGANISER, 'preset.list', {});
    expect(new Set(list.map((p) => p.kind))).toEqual(new Set(['criteria', 'grade', 'award']));
    expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
    expect(list.every((p) => p.name && p.source)).toBe(true);
  });

  it('replaces a stage criteria with the KIPP 2023 proposal preset (weights as published, total 100 %)', async () => {
    const { core, stageId, competitionId } = await withStage();
    const detail = await core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.kipp-2023-proposal-umum' });
    expect(detail.criteria.map((c) => [c.name, c.weightBp, c.position])).toEqual([
      ['Latar Belakang dan Tujuan', 1000, 0],
      ['Kebaruan/Nilai Tambah', 1500, 1],
      ['Implementasi', 500, 2],
      ['Signifikansi', 3000, 3],
      ['Adaptabilitas', 2000, 4],
      ['Sumber Daya', 500, 5],
      ['Strategi Keberlanjutan', 1500, 6],
    ]);
    expect((await core.call(ORGANISER, 'setup.check', { competitionId })).problems).toEqual([]);
  });

  it('appends a preset with its rubric, and refuses an append that repeats a name', async () => {
    const { core, stageId } = await withStage();
    const generic = await failure(() => core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.inovasi-umum-5', mode: 'append' }));
    // The thin competition already has "Kebaruan".
    expect([generic.code, generic.key, generic.params]).toEqual(['CONFLICT', 'duplicateName', { name: 'Kebaruan' }]);
    const iga = await failure(() => core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.iga-2023-presentasi', mode: 'append' }));
    expect(iga.params).toEqual({ name: 'Kemanfaatan' });
    const appended = await core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.pekppp-aspek', mode: 'append' });
    expect(appended.criteria.map((c) => c.name).slice(0, 4)).toEqual(['Kebaruan', 'Kemanfaatan', 'Keberlanjutan', 'Kebijakan Pelayanan']);
    expect(appended.criteria.map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const replaced = await core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.inovasi-umum-5' });
    expect(replaced.criteria).toHaveLength(5);
    expect(replaced.criteria[0].rubric.map((b) => [b.min, b.max, b.label])).toEqual([
      ['0', '40', 'Kurang'],
      ['41', '60', 'Cukup'],
      ['61', '80', 'Baik'],
      ['81', '100', 'Sangat baik'],
    ]);
  });

  it('applies the PEKPPP aspects on a 0–5 scale', async () => {
    const { core, stageId } = await withStage();
    const detail = await core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.pekppp-aspek' });
    expect(detail.criteria.map((c) => c.weightBp)).toEqual([2400, 2500, 1800, 1100, 1000, 1200]);
    expect(detail.criteria.every((c) => c.min === '0' && c.max === '5')).toBe(true);
  });

  it('refuses to replace the criteria of a scored stage, and an unknown preset', async () => {
    const { core, detail, stageId } = await withStage();
    await scoreOneSheet(core, detail, MARKS);
    const scored = await failure(() => core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'criteria.kipp-2023-proposal-umum' }));
    expect([scored.code, scored.key]).toEqual(['CONFLICT', 'stageHasMarks']);
    expect((await core.call(ORGANISER, 'competition.get', { competitionId: detail.id })).criteria.map((c) => c.id)).toEqual(detail.criteria.map((c) => c.id));
    const unknown = await failure(() => core.call(ORGANISER, 'preset.applyCriteria', { stageId, presetId: 'grade.sakip' }));
    expect([unknown.code, unknown.key, unknown.params]).toEqual(['NOT_FOUND', 'presetNotFound', { preset: 'grade.sakip' }]);
  });

  it('copies a grade preset into the competition as an editable scale, under a free name', async () => {
    const { core, competitionId } = await competition();
    const once = await core.call(ORGANISER, 'preset.applyGradeScale', { competitionId, presetId: 'grade.sakip' });
    const sakip = once.gradeScales[0];
    expect(sakip.kind).toBe('grade');
    expect(sakip.bands.find((b) => b.label === 'A')).toMatchObject({ lower: '80', lowerInclusive: false, upper: '90', upperInclusive: true });
    const twice = await core.call(ORGANISER, 'preset.applyGradeScale', { competitionId, presetId: 'grade.sakip' });
    expect(twice.gradeScales.map((s) => s.name)).toEqual([sakip.name, `${sakip.name} (2)`]);
    const edited = await core.call(ORGANISER, 'gradeScale.save', {
      competitionId,
      id: sakip.id,
      name: 'SAKIP disederhanakan',
      kind: 'grade',
      bands: [
        { label: 'Lulus', description: '', lower: '60', lowerInclusive: false, upper: null, upperInclusive: true },
        { label: 'Tidak lulus', description: '', lower: null, lowerInclusive: true, upper: '60', upperInclusive: true },
      ],
    });
    expect(edited.gradeScales.find((s) => s.id === sakip.id)!.bands.map((b) => b.label)).toEqual(['Lulus', 'Tidak lulus']);
    expect(edited.gradeScales.find((s) => s.id !== sakip.id)!.bands).toHaveLength(7);
    const awards = await core.call(ORGANISER, 'preset.applyGradeScale', { competitionId, presetId: 'award.juara-harapan' });
    expect(awards.gradeScales.at(-1)!.bands.map((b) => [b.label, b.fromRank, b.toRank])).toEqual([
      ['Juara I', 1, 1],
      ['Juara II', 2, 2],
      ['Juara III', 3, 3],
      ['Harapan I', 4, 4],
      ['Harapan II', 5, 5],
      ['Harapan III', 6, 6],
    ]);
  });
});

describe('grade scales', () => {
  const band = (label: string, lower: string | null, lowerInclusive: boolean, upper: string | null, upperInclusive: boolean) => ({
    label,
    description: '',
    lower,
    lowerInclusive,
    upper,
    upperInclusive,
  });

  it('refuses overlapping grade bands, an empty band and repeated labels', async () => {
    const { core, competitionId } = await competition();
    const save = (bands: ReturnType<typeof band>[]) => core.call(ORGANISER, 'gradeScale.save', { competitionId, name: 'Predikat', kind: 'grade', bands });
    // 80 would be in both.
    const overlap = await failure(() => save([band('A', '80', true, '100', true), band('B', '60', true, '80', true)]));
    expect(overlap.code).toBe('VALIDATION');
    expect(overlap.issues).toEqual([{ path: 'bands.1.lower', message: 'validation.bandsOverlap' }]);
    const empty = await failure(() => save([band('A', '80', false, '80', true)]));
    expect(empty.issues).toEqual([{ path: 'bands.0.upper', message: 'validation.maxBelowMin' }]);
    const repeated = await failure(() => save([band('A', '80', false, '100', true), band('a', '60', true, '80', true)]));
    expect([repeated.code, repeated.key]).toEqual(['CONFLICT', 'duplicateName']);
    // Touching at 80 with one side exclusive is fine.
    const ok = await save([band('A', '80', false, '100', true), band('B', '60', true, '80', true)]);
    expect(ok.gradeScales[0].bands.map((b) => b.label)).toEqual(['A', 'B']);
  });

  it('refuses overlapping award ranks and a duplicate scale name; deletes a scale', async () => {
    const { core, competitionId } = await competition();
    const award = (bands: { label: string; fromRank: number; toRank: number }[], name = 'Penghargaan') =>
      core.call(ORGANISER, 'gradeScale.save', { competitionId, name, kind: 'award', bands: bands.map((b) => ({ ...b, description: '' })) });
    const overlap = await failure(() => award([{ label: 'TOP 3', fromRank: 1, toRank: 3 }, { label: 'Harapan', fromRank: 3, toRank: 5 }]));
    expect(overlap.issues).toEqual([{ path: 'bands.1.fromRank', message: 'validation.bandsOverlap' }]);
    const reversed = await failure(() => award([{ label: 'TOP 3', fromRank: 3, toRank: 1 }]));
    expect(reversed.issues).toEqual([{ path: 'bands.0.toRank', message: 'validation.maxBelowMin' }]);
    const saved = await award([{ label: 'TOP 3', fromRank: 1, toRank: 3 }]);
    const dup = await failure(() => award([{ label: 'TOP 5', fromRank: 1, toRank: 5 }], 'penghargaan'));
    expect([dup.code, dup.key]).toEqual(['CONFLICT', 'duplicateName']);
    const after = await core.call(ORGANISER, 'gradeScale.delete', { gradeScaleId: saved.gradeScales[0].id });
    expect(after.gradeScales).toEqual([]);
    const missing = await failure(() => core.call(ORGANISER, 'gradeScale.delete', { gradeScaleId: saved.gradeScales[0].id }));
    expect([missing.code, missing.key]).toEqual(['NOT_FOUND', 'gradeScaleNotFound']);
  });
});
