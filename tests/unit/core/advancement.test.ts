import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { ORGANISER, type Actor } from '@shared/domain/actor';
import { newOpId, tempCore } from '../helpers';

/**
 * One criterion weighing 100 %, so a juror's total is their mark and the entry's total the mean of
 * the two jurors' marks:
 *   Kelompok Umum:   A1 (90, 90) 90.00 · A2 (88, 82) 85.00 · A3 (86, 84) 85.00 · A4 (70, 71) 70.50
 *   Kelompok Khusus: B1 (84, 86) 85.00 · B2 (84, 85) 84.50 · B3 (90, 90) 90.00
 */
const MARKS: Record<string, [string, string]> = {
  A1: ['90', '90'],
  A2: ['88', '82'],
  A3: ['86', '84'],
  A4: ['70', '71'],
  B1: ['84', '86'],
  B2: ['84', '85'],
  B3: ['90', '90'],
};

async function setUp(core: Core) {
  const umum = 'Kelompok Umum';
  const khusus = 'Kelompok Khusus';
  const created = await core.call(ORGANISER, 'competition.create', {
    name: 'TOP 10 Inovasi Perangkat Daerah',
    categories: [{ name: umum }, { name: khusus }],
    criteria: [{ name: 'Nilai Proposal', weight: '100' }],
    jurors: [
      { name: 'Ketua Tim', role: 'chair' },
      { name: 'Anggota Tim', role: 'member' },
    ],
    entries: Object.keys(MARKS).map((code) => ({ code, title: `Inovasi ${code}`, category: code.startsWith('A') ? umum : khusus })),
  });
  const competitionId = created.id;
  const [first] = created.stages;
  await core.call(ORGANISER, 'stage.save', { competitionId, id: first.id, name: 'Penilaian Proposal', weight: '70', advancement: { kind: 'topN', n: 2 } });
  const withSecond = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi dan Wawancara', weight: '30' });
  const second = withSecond.stages[1];
  const detail = await core.call(ORGANISER, 'criterion.save', { stageId: second.id, name: 'Penyajian', weight: '100' });

  const [chair, member]: Actor[] = created.jurors.map((j) => ({ role: j.role === 'chair' ? 'chair' : 'juror', competitionId, jurorId: j.id }) as Actor);
  const entryId = (code: string) => created.entries.find((e) => e.code === code)!.id;
  const criterion = (stageId: number) => detail.criteria.find((c) => c.stageId === stageId)!.id;
  const scoreFirstStage = async () => {
    await core.call(ORGANISER, 'session.open', { competitionId });
    for (const [code, [a, b]] of Object.entries(MARKS)) {
      for (const [actor, value] of [
        [chair, a],
        [member, b],
      ] as const) {
        await core.call(actor, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId(code), marks: [{ criterionId: criterion(first.id), value }], submit: true });
      }
    }
  };
  return { competitionId, first, second, chair, member, entryId, criterion, scoreFirstStage };
}

describe('stage advancement', () => {
  it('topN takes the top N of each category, every entry tied at the cut-off included, into the next stage', async () => {
    const { core, clock } = tempCore();
    const { competitionId, first, second, chair, member, entryId, criterion, scoreFirstStage } = await setUp(core);
    await scoreFirstStage();
    await expect(core.call(chair, 'stage.applyAdvancement', { stageId: first.id })).rejects.toMatchObject({ code: 'CONFLICT', key: 'stageSessionOpen' });
    await core.call(ORGANISER, 'session.close', { competitionId });

    clock.now = Date.parse('2026-11-23T08:00:00Z');
    const applied = await core.call(chair, 'stage.applyAdvancement', { stageId: first.id });
    // Umum: A1 rank 1, A2 and A3 share rank 2 (both 85.00) → all three; Khusus: B3 rank 1, B1 rank 2.
    expect(applied).toEqual({ nextStageId: second.id, advancedEntryIds: ['A1', 'A2', 'A3', 'B3', 'B1'].map(entryId) });
    const detail = await core.call(ORGANISER, 'competition.get', { competitionId });
    expect(detail.stageEntries.filter((se) => se.stageId === second.id)).toEqual(
      ['A1', 'A2', 'A3', 'B1', 'B3'].map((code) => ({ stageId: second.id, entryId: entryId(code), panelId: null })),
    );
    expect(detail.stageEntries.filter((se) => se.stageId === first.id)).toHaveLength(7);
    expect(detail.stages[0].advancementAppliedAt).toBe('2026-11-23T08:00:00.000Z');

    // The second stage's session scores the finalists only, with the second stage's criteria.
    const session = await core.call(ORGANISER, 'session.open', { competitionId, stageId: second.id });
    expect(session.stageId).toBe(second.id);
    await expect(core.call(ORGANISER, 'session.open', { competitionId })).rejects.toMatchObject({ code: 'CONFLICT', key: 'sessionAlreadyOpen' });
    const mine = await core.call(member, 'scoring.myAssignment', {});
    expect(mine.entries.map((e) => e.code)).toEqual(['A1', 'A2', 'A3', 'B1', 'B3']);
    expect(mine.criteria.map((c) => c.name)).toEqual(['Penyajian']);
    const save = (code: string) =>
      core.call(member, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId(code), marks: [{ criterionId: criterion(second.id), value: '80' }] });
    await expect(save('A4')).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'entryNotInStage' });
    await save('B1');
    expect((await core.call(ORGANISER, 'progress.get', { competitionId })).expectedCount).toBe(2 * 5);
    expect((await core.call(ORGANISER, 'results.compute', { competitionId })).stageName).toBe('Presentasi dan Wawancara');

    // Once the next stage is being scored, its list is no longer replaced.
    await expect(core.call(ORGANISER, 'stage.applyAdvancement', { stageId: first.id })).rejects.toMatchObject({ code: 'CONFLICT', key: 'nextStageStarted' });
  });

  it("follows the chair's decision on a tie at the cut-off, as the finalised result does", async () => {
    const { core } = tempCore();
    const { competitionId, first, chair, entryId, scoreFirstStage } = await setUp(core);
    await scoreFirstStage();
    await core.call(ORGANISER, 'session.close', { competitionId });
    const umum = (await core.call(ORGANISER, 'competition.get', { competitionId })).categories.find((c) => c.name === 'Kelompok Umum')!.id;
    await core.call(chair, 'results.decideTie', { competitionId, stageId: first.id, categoryId: umum, order: [entryId('A3'), entryId('A2')], reason: 'Rapat pleno' });
    const applied = await core.call(chair, 'stage.applyAdvancement', { stageId: first.id });
    expect(applied.advancedEntryIds).toEqual(['A1', 'A3', 'B3', 'B1'].map(entryId));
  });

  it('forgets that advancement was applied once the rule changes, so the stage shows it must be applied again', async () => {
    const { core } = tempCore();
    const { competitionId, first, chair, scoreFirstStage } = await setUp(core);
    await scoreFirstStage();
    await core.call(ORGANISER, 'session.close', { competitionId });
    await core.call(chair, 'stage.applyAdvancement', { stageId: first.id });
    const save = (advancement: { kind: 'topN'; n: number }, name = 'Penilaian Proposal') =>
      core.call(ORGANISER, 'stage.save', { competitionId, id: first.id, name, weight: '70', advancement });
    // Renaming keeps it; a different rule clears it.
    expect((await save({ kind: 'topN', n: 2 }, 'Penilaian Proposal Tahap 1')).stages[0].advancementAppliedAt).not.toBeNull();
    expect((await save({ kind: 'topN', n: 3 })).stages[0].advancementAppliedAt).toBeNull();
  });

  it('passingGrade takes every ranked entry at or above the grade, exactly, and a re-run replaces the list', async () => {
    const { core } = tempCore();
    const { competitionId, first, second, entryId, scoreFirstStage } = await setUp(core);
    await scoreFirstStage();
    await core.call(ORGANISER, 'session.close', { competitionId });
    const rule = (grade: string) =>
      core.call(ORGANISER, 'stage.save', { competitionId, id: first.id, name: 'Penilaian Proposal', weight: '70', advancement: { kind: 'passingGrade', grade } });

    await rule('85');
    // B1 is exactly 85.00 and passes; B2 at 84.50 does not.
    expect((await core.call(ORGANISER, 'stage.applyAdvancement', { stageId: first.id })).advancedEntryIds).toEqual(['A1', 'A2', 'A3', 'B3', 'B1'].map(entryId));

    await rule('84,5');
    await core.call(ORGANISER, 'entry.setStatus', { entryId: entryId('A1'), status: 'withdrawn', reason: 'Mengundurkan diri' });
    // B2 now exactly at the grade; A1 (90.00) withdrew, so it is not ranked and does not advance.
    const again = await core.call(ORGANISER, 'stage.applyAdvancement', { stageId: first.id });
    expect(again.advancedEntryIds).toEqual(['A2', 'A3', 'B3', 'B1', 'B2'].map(entryId));
    const detail = await core.call(ORGANISER, 'competition.get', { competitionId });
    expect(detail.stageEntries.filter((se) => se.stageId === second.id).map((se) => se.entryId)).toEqual(['A2', 'A3', 'B1', 'B2', 'B3'].map(entryId));
  });

  it('refuses a stage without a rule, the last stage, and a juror', async () => {
    const { core } = tempCore();
    const { competitionId, first, second, member } = await setUp(core);
    await expect(core.call(ORGANISER, 'stage.applyAdvancement', { stageId: second.id })).rejects.toMatchObject({ code: 'CONFLICT', key: 'advancementNone' });
    await core.call(ORGANISER, 'stage.save', { competitionId, id: second.id, name: 'Presentasi dan Wawancara', weight: '30', advancement: { kind: 'topN', n: 3 } });
    await expect(core.call(ORGANISER, 'stage.applyAdvancement', { stageId: second.id })).rejects.toMatchObject({ code: 'CONFLICT', key: 'noNextStage' });
    await expect(core.call(member, 'stage.applyAdvancement', { stageId: first.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
