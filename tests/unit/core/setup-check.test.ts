/** setup.check: what still stands between a setup and a scoring session (issue 3). */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import { translate } from '@shared/i18n';
import { runMigrations } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { setupProblems } from '../../../electron/core/services/setup-check';
import { competition, failure } from './setup-fixtures';

const problems = async (core: Awaited<ReturnType<typeof competition>>['core'], competitionId: number) =>
  (await core.call(ORGANISER, 'setup.check', { competitionId })).problems;

describe('setup.check', () => {
  it('finds nothing wrong with a complete single-stage competition', async () => {
    const { core, competitionId } = await competition();
    expect(await problems(core, competitionId)).toEqual([]);
  });

  it('reports criteria weights that do not total 100 %, naming the stage and the total', async () => {
    const { core, competitionId, detail } = await competition();
    const stage = detail.stages[0];
    const kebaruan = detail.criteria.find((c) => c.name === 'Kebaruan')!;
    // 40 → 35: the stage now totals 35 + 35 + 25 = 95 %.
    await core.call(ORGANISER, 'criterion.save', { stageId: stage.id, id: kebaruan.id, name: 'Kebaruan', weight: '35' });
    const found = await problems(core, competitionId);
    expect(found).toEqual([{ key: 'setupCheck.criteriaWeights', params: { stage: stage.name, total: '95' } }]);
    expect(translate('en', `errors.${found[0].key}`, found[0].params)).toBe(`The criteria weights of stage "${stage.name}" total 95 %, not 100 %.`);
    // 35 → 35.5: a fractional total prints exactly.
    await core.call(ORGANISER, 'criterion.save', { stageId: stage.id, id: kebaruan.id, name: 'Kebaruan', weight: '35,5' });
    expect((await problems(core, competitionId))[0].params.total).toBe('95.5');
    // A competition that uses weights as relative shares does not need them to total 100.
    await core.call(ORGANISER, 'competition.updateDetails', { competitionId, name: detail.name, weightsMustTotal100: false });
    expect(await problems(core, competitionId)).toEqual([]);
  });

  it('reports stage weights not totalling 100 %, a stage without criteria and a rule on the last stage', async () => {
    const { core, competitionId, detail } = await competition();
    const first = detail.stages[0];
    await core.call(ORGANISER, 'stage.save', { competitionId, id: first.id, name: first.name, weight: '70', advancement: { kind: 'topN', n: 10 } });
    const two = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi', weight: '20', advancement: { kind: 'passingGrade', grade: '85' } });
    expect(await problems(core, competitionId)).toEqual([
      { key: 'setupCheck.stageWithoutCriteria', params: { stage: 'Presentasi' } },
      { key: 'setupCheck.stageWeights', params: { total: '90' } },
      { key: 'setupCheck.advancementOnLastStage', params: { stage: 'Presentasi' } },
    ]);
    const presentasi = two.stages[1].id;
    await core.call(ORGANISER, 'stage.save', { competitionId, id: presentasi, name: 'Presentasi', weight: '30' });
    await core.call(ORGANISER, 'preset.applyCriteria', { stageId: presentasi, presetId: 'criteria.iga-2023-presentasi' });
    expect(await problems(core, competitionId)).toEqual([]);
  });

  it('may be asked by the chair, not by a juror', async () => {
    const { core, competitionId } = await competition();
    const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId });
    const pair = async (name: string) => core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: links.find((l) => l.name === name)!.token })).deviceToken);
    const chair = await pair('Dr. Ratna Sari');
    expect((await core.call(chair, 'setup.check', { competitionId })).problems).toEqual([]);
    const juror = await pair('Ir. Budi Santoso');
    expect((await failure(() => core.call(juror, 'setup.check', { competitionId }))).code).toBe('FORBIDDEN');
  });
});

describe('setupProblems', () => {
  it('reports no scoring juror when only a secretary is named, and no active entries', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations);
    db.exec(`
      INSERT INTO competitions (id, name, created_at) VALUES (1, 'Lomba', '2026-01-01T00:00:00Z');
      INSERT INTO categories (id, competition_id, name, position) VALUES (1, 1, 'Umum', 0);
      INSERT INTO stages (id, competition_id, name, position) VALUES (1, 1, 'Penilaian', 0);
      INSERT INTO criteria (stage_id, name, weight_bp, min_milli, max_milli, step_milli, position) VALUES (1, 'Kebaruan', 10000, 0, 100000, 1000, 0);
      INSERT INTO jurors (competition_id, name, role, position) VALUES (1, 'Sekretariat', 'secretary', 0);
      INSERT INTO entries (competition_id, category_id, code, title, unit, position, status, status_reason)
        VALUES (1, 1, 'A', 'Satu', 'OPD', 0, 'withdrawn', ''), (1, 1, 'B', 'Dua', 'OPD', 1, 'disqualified', 'plagiat');
    `);
    expect(setupProblems(db, 1)).toEqual([
      { key: 'setupCheck.noScoringJuror', params: {} },
      { key: 'setupCheck.noActiveEntries', params: {} },
    ]);
    db.exec(`INSERT INTO jurors (competition_id, name, role, position) VALUES (1, 'Anggota', 'member', 1);
             UPDATE entries SET status = 'active' WHERE code = 'B';`);
    expect(setupProblems(db, 1)).toEqual([]);
    db.close();
  });
});
