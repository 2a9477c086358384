/**
 * One rule set, two ways to look it up: the whole stage at once (progress, results) and one juror–
 * entry pair with indexed queries (every mark save). Both must refuse the same pairs for the same reason.
 */
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { openDatabase } from '../../../electron/core/db/open';
import { loadStageScope, pairRefusal } from '../../../electron/core/services/eligibility';
import { tempCore, thinDraft } from '../helpers';

describe('who may score what', () => {
  it('gives the same refusal per pair whether the stage is loaded whole or the pair is looked up alone', async () => {
    const { core, dataDir } = tempCore();
    const draft = thinDraft();
    draft.jurors.push({ name: 'Hendra Saputra', role: 'secretary' });
    draft.entries.push({ code: 'E05', title: 'Klinik Keliling', unit: ' dinas kesehatan', category: 'Kelompok Umum' });
    const competition = await core.call(ORGANISER, 'competition.create', draft);
    const competitionId = competition.id;
    const stageId = competition.stages[0]!.id;
    const entry = (code: string) => competition.entries.find((e) => e.code === code)!.id;
    const juror = (name: string) => competition.jurors.find((j) => j.name.startsWith(name))!.id;
    const panel = await core.call(ORGANISER, 'panel.save', { competitionId, name: 'Panel A', jurorIds: [juror('Ir. Budi'), juror('Maya')] });
    await core.call(ORGANISER, 'stage.assignPanel', { stageId, panelId: panel.panels[0]!.id, entryIds: [entry('E03')] });
    await core.call(ORGANISER, 'conflict.declare', { competitionId, jurorId: juror('Ir. Budi'), target: { entryId: entry('E01') }, reason: 'Kerabat' });
    await core.call(ORGANISER, 'conflict.declare', { competitionId, jurorId: juror('Maya'), target: { unit: 'DINAS KESEHATAN' }, reason: 'Pegawai' });
    await core.call(ORGANISER, 'entry.setStatus', { entryId: entry('E04'), status: 'withdrawn', reason: '' });
    core.close();

    const db = openDatabase(dataDir);
    try {
      const scope = loadStageScope(db, competitionId, stageId);
      const entryIds = [...competition.entries.map((e) => e.id), 99_999];
      const table = competition.jurors.flatMap((j) => entryIds.map((e) => [j.id, e, scope.refusal(j.id, e)] as const));
      for (const [jurorId, entryId, expected] of table) expect(pairRefusal(db, competitionId, stageId, jurorId, entryId)).toBe(expected);

      // The cases worked by hand from the set-up above:
      const alone = (name: string, code: string) => pairRefusal(db, competitionId, stageId, juror(name), entry(code));
      expect(alone('Ir. Budi', 'E01')).toBe('conflicted');
      expect([alone('Maya', 'E02'), alone('Maya', 'E05')]).toEqual(['conflicted', 'conflicted']);
      expect([alone('Dr. Ratna', 'E03'), alone('Maya', 'E03')]).toEqual(['notInPanel', null]);
      expect(alone('Dr. Ratna', 'E04')).toBe('entryNotActive');
      expect(alone('Hendra', 'E02')).toBe('secretaryDoesNotScore');
      expect(pairRefusal(db, competitionId, stageId, juror('Dr. Ratna'), 99_999)).toBe('entryNotInStage');
      expect(alone('Dr. Ratna', 'E01')).toBeNull();
    } finally {
      db.close();
    }
  });
});
