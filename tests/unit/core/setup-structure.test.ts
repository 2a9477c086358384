/** Competition details, deleting a competition, categories and stages (issue 3). */
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { thinDraft } from '../helpers';
import { competition, eventsDuring, failure, scoreOneSheet } from './setup-fixtures';

const FULL_MARKS = { Kebaruan: '80', Kemanfaatan: '90', Keberlanjutan: '70' };

describe('competition.updateDetails', () => {
  it('stores the details printed on documents and announces the change', async () => {
    const { core, competitionId } = await competition();
    const input = {
      competitionId,
      name: 'Lomba Inovasi Daerah 2026',
      institution: 'Pemerintah Kota Palembang',
      unit: 'Badan Riset dan Inovasi Daerah',
      address: 'Jl. Merdeka No. 1, Palembang',
      place: 'Palembang',
      startDate: '2026-11-23',
      endDate: '2026-11-25',
      documentLocale: 'en' as const,
      logo: 'data:image/png;base64,iVBORw0KGgo=',
      weightsMustTotal100: false,
    };
    let detail: Awaited<ReturnType<typeof core.call<'competition.updateDetails'>>> | undefined;
    const events = await eventsDuring(core, async () => (detail = await core.call(ORGANISER, 'competition.updateDetails', input)));
    expect(events).toEqual([{ competitionId }]);
    expect(detail!.name).toBe('Lomba Inovasi Daerah 2026');
    expect(detail!.details).toEqual({
      institution: 'Pemerintah Kota Palembang',
      unit: 'Badan Riset dan Inovasi Daerah',
      address: 'Jl. Merdeka No. 1, Palembang',
      place: 'Palembang',
      startDate: '2026-11-23',
      endDate: '2026-11-25',
      documentLocale: 'en',
      logo: 'data:image/png;base64,iVBORw0KGgo=',
      weightsMustTotal100: false,
    });
    // Read back through another command: it was stored, not only echoed.
    expect((await core.call(ORGANISER, 'competition.get', { competitionId })).details.place).toBe('Palembang');
  });

  it('refuses an end date before the start date', async () => {
    const { core, competitionId } = await competition();
    const error = await failure(() =>
      core.call(ORGANISER, 'competition.updateDetails', { competitionId, name: 'X', startDate: '2026-11-25', endDate: '2026-11-23' }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path: 'endDate', message: 'validation.dateOrder' });
  });
});

describe('competition.delete', () => {
  it('deletes a scored competition with everything in it and leaves others alone', async () => {
    const { core, detail, competitionId } = await competition();
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba Lain' });
    await scoreOneSheet(core, detail, FULL_MARKS);
    expect(await core.call(ORGANISER, 'competition.delete', { competitionId })).toEqual({ ok: true });
    const left = await core.call(ORGANISER, 'competition.list', {});
    expect(left.map((c) => c.name)).toEqual(['Lomba Lain']);
    expect((await failure(() => core.call(ORGANISER, 'competition.get', { competitionId }))).code).toBe('NOT_FOUND');
    expect((await core.call(ORGANISER, 'competition.get', { competitionId: other.id })).entries).toHaveLength(4);
  });

  it('is refused while a scoring session is open', async () => {
    const { core, detail, competitionId } = await competition();
    await scoreOneSheet(core, detail, FULL_MARKS, { close: false });
    const error = await failure(() => core.call(ORGANISER, 'competition.delete', { competitionId }, 'en'));
    expect([error.code, error.key]).toEqual(['CONFLICT', 'competitionSessionOpen']);
    expect((await core.call(ORGANISER, 'competition.get', { competitionId })).id).toBe(competitionId);
  });
});

describe('categories', () => {
  it('adds a category at the end and renames one', async () => {
    const { core, competitionId, detail } = await competition();
    const added = await core.call(ORGANISER, 'category.save', { competitionId, name: 'Replikasi' });
    expect(added.categories.map((c) => c.name)).toEqual(['Kelompok Umum', 'Replikasi']);
    const umum = detail.categories[0].id;
    const renamed = await core.call(ORGANISER, 'category.save', { competitionId, id: umum, name: 'Kelompok Khusus' });
    expect(renamed.categories.map((c) => c.name)).toEqual(['Kelompok Khusus', 'Replikasi']);
    // Renaming to its own name (another case) is not a duplicate of itself.
    expect((await core.call(ORGANISER, 'category.save', { competitionId, id: umum, name: 'kelompok khusus' })).categories[0].name).toBe('kelompok khusus');
  });

  it('refuses a name another category of the competition has, whatever its case', async () => {
    const { core, competitionId } = await competition();
    const error = await failure(() => core.call(ORGANISER, 'category.save', { competitionId, name: 'KELOMPOK UMUM' }, 'en'));
    expect([error.code, error.key, error.params]).toEqual(['CONFLICT', 'duplicateName', { name: 'KELOMPOK UMUM' }]);
    expect(error.message).toBe('The name "KELOMPOK UMUM" is used more than once.');
  });

  it('refuses to delete a category entries use, and changes nothing', async () => {
    const { core, competitionId, detail } = await competition();
    const before = await core.call(ORGANISER, 'competition.get', { competitionId });
    let error: Awaited<ReturnType<typeof failure>> | undefined;
    const events = await eventsDuring(core, async () => {
      error = await failure(() => core.call(ORGANISER, 'category.delete', { categoryId: detail.categories[0].id }, 'en'));
    });
    expect([error!.code, error!.key, error!.params]).toEqual(['CONFLICT', 'categoryInUse', { name: 'Kelompok Umum', count: 4 }]);
    expect(error!.message).toContain('4 entries');
    expect(events).toEqual([]);
    expect(await core.call(ORGANISER, 'competition.get', { competitionId })).toEqual(before);
  });

  it('deletes an unused category and keeps positions contiguous', async () => {
    const { core, competitionId } = await competition();
    await core.call(ORGANISER, 'category.save', { competitionId, name: 'Kecamatan' });
    const three = await core.call(ORGANISER, 'category.save', { competitionId, name: 'Puskesmas' });
    const after = await core.call(ORGANISER, 'category.delete', { categoryId: three.categories[1].id });
    expect(after.categories.map((c) => c.name)).toEqual(['Kelompok Umum', 'Puskesmas']);
    const added = await core.call(ORGANISER, 'category.save', { competitionId, name: 'Sekolah' });
    expect(added.categories.map((c) => c.name)).toEqual(['Kelompok Umum', 'Puskesmas', 'Sekolah']);
  });

  it('answers NOT_FOUND for a category of another competition', async () => {
    const { core, competitionId } = await competition();
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lain' });
    const error = await failure(() => core.call(ORGANISER, 'category.save', { competitionId, id: other.categories[0].id, name: 'X' }));
    expect([error.code, error.key]).toEqual(['NOT_FOUND', 'categoryNotFound']);
  });
});

describe('stages', () => {
  it('adds a stage last, with its weight in basis points, its advancement rule and no entries', async () => {
    const { core, competitionId, detail } = await competition();
    const first = detail.stages[0];
    await core.call(ORGANISER, 'stage.save', { competitionId, id: first.id, name: 'Penilaian Proposal', weight: '70', advancement: { kind: 'topN', n: 10 } });
    const after = await core.call(ORGANISER, 'stage.save', {
      competitionId,
      name: 'Presentasi dan Wawancara',
      weight: '30',
      advancement: { kind: 'passingGrade', grade: '85,5' },
    });
    expect(after.stages.map((s) => [s.name, s.position, s.weightBp, s.advancement])).toEqual([
      ['Penilaian Proposal', 0, 7000, { kind: 'topN', n: 10 }],
      ['Presentasi dan Wawancara', 1, 3000, { kind: 'passingGrade', grade: '85.5' }],
    ]);
    const second = after.stages[1].id;
    expect(after.stageEntries.filter((se) => se.stageId === second)).toEqual([]);
    expect(after.stageEntries.filter((se) => se.stageId === first.id)).toHaveLength(4);
  });

  it('allows a stage weighing 0 % and a fractional weight, and refuses more than 100 %', async () => {
    const { core, competitionId } = await competition();
    const zero = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Seleksi Administrasi', weight: '0' });
    expect(zero.stages[1].weightBp).toBe(0);
    const frac = await core.call(ORGANISER, 'stage.save', { competitionId, id: zero.stages[1].id, name: 'Seleksi Administrasi', weight: '12,5' });
    expect(frac.stages[1].weightBp).toBe(1250);
    const error = await failure(() => core.call(ORGANISER, 'stage.save', { competitionId, name: 'Verifikasi Lapangan', weight: '100.01' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path: 'weight', message: 'validation.stageWeight' });
  });

  it('refuses a stage name the competition already has', async () => {
    const { core, competitionId, detail } = await competition();
    const error = await failure(() => core.call(ORGANISER, 'stage.save', { competitionId, name: detail.stages[0].name.toUpperCase(), weight: '0' }));
    expect([error.code, error.key]).toEqual(['CONFLICT', 'duplicateName']);
    expect((await core.call(ORGANISER, 'competition.get', { competitionId })).stages).toHaveLength(1);
  });

  it('moves a stage; the stage that becomes first takes over every entry', async () => {
    const { core, competitionId, detail } = await competition();
    await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Desk', weight: '50' });
    const three = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi', weight: '50' });
    const presentasi = three.stages[2].id;
    const moved = await core.call(ORGANISER, 'stage.move', { stageId: presentasi, position: 0 });
    expect(moved.stages.map((s) => [s.name, s.position])).toEqual([
      ['Presentasi', 0],
      [detail.stages[0].name, 1],
      ['Desk', 2],
    ]);
    expect(moved.stageEntries.filter((se) => se.stageId === presentasi).map((se) => se.entryId).sort()).toEqual(detail.entries.map((e) => e.id).sort());
    expect(moved.stageEntries.filter((se) => se.stageId !== presentasi)).toEqual([]);
    // A position past the end puts it last.
    const last = await core.call(ORGANISER, 'stage.move', { stageId: presentasi, position: 99 });
    expect(last.stages.map((s) => [s.name, s.position])).toEqual([
      [detail.stages[0].name, 0],
      ['Desk', 1],
      ['Presentasi', 2],
    ]);
  });

  it('refuses to delete the only stage', async () => {
    const { core, detail } = await competition();
    const error = await failure(() => core.call(ORGANISER, 'stage.delete', { stageId: detail.stages[0].id }));
    expect([error.code, error.key]).toEqual(['CONFLICT', 'lastStage']);
  });

  it('refuses to delete or move a stage with marks, and one that had a session', async () => {
    const { core, competitionId, detail } = await competition();
    await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi', weight: '0' });
    await scoreOneSheet(core, detail, FULL_MARKS);
    const scored = detail.stages[0];
    const del = await failure(() => core.call(ORGANISER, 'stage.delete', { stageId: scored.id }, 'en'));
    expect([del.code, del.key, del.params]).toEqual(['CONFLICT', 'stageHasMarks', { name: scored.name }]);
    const move = await failure(() => core.call(ORGANISER, 'stage.move', { stageId: scored.id, position: 1 }));
    expect(move.key).toBe('stageHasMarks');

    // A session without any mark still pins the stage.
    const fresh = await competition();
    await fresh.core.call(ORGANISER, 'stage.save', { competitionId: fresh.competitionId, name: 'Presentasi', weight: '0' });
    await fresh.core.call(ORGANISER, 'session.open', { competitionId: fresh.competitionId });
    await fresh.core.call(ORGANISER, 'session.close', { competitionId: fresh.competitionId });
    const pinned = await failure(() => fresh.core.call(ORGANISER, 'stage.delete', { stageId: fresh.detail.stages[0].id }));
    expect([pinned.code, pinned.key]).toEqual(['CONFLICT', 'stageHasSessions']);
  });

  it('deletes an unscored stage, renumbers the rest, and hands the entry list on when the first goes', async () => {
    const { core, competitionId, detail } = await competition();
    await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Desk', weight: '50' });
    const three = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi', weight: '50' });
    const middle = await core.call(ORGANISER, 'stage.delete', { stageId: three.stages[1].id });
    expect(middle.stages.map((s) => [s.name, s.position])).toEqual([
      [detail.stages[0].name, 0],
      ['Presentasi', 1],
    ]);
    const first = await core.call(ORGANISER, 'stage.delete', { stageId: detail.stages[0].id });
    expect(first.stages.map((s) => [s.name, s.position])).toEqual([['Presentasi', 0]]);
    expect(first.stageEntries.map((se) => se.entryId).sort()).toEqual(detail.entries.map((e) => e.id).sort());
    expect(first.stageEntries.every((se) => se.stageId === first.stages[0].id)).toBe(true);
    // Its criteria went with it.
    expect(first.criteria).toEqual([]);
  });
});
