import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { newOpId, tempCore, thinDraft } from '../helpers';

async function paperCompetition() {
  const { core, dataDir } = tempCore();
  const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
  const [ratna, budi] = competition.jurors;
  const [e01, e02] = competition.entries;
  const [c1, c2, c3] = competition.criteria;
  const pair = { competitionId: competition.id, jurorId: budi.id, entryId: e01.id };
  const marks = (a: string, b: string, c: string) => [
    { criterionId: c1.id, value: a },
    { criterionId: c2.id, value: b },
    { criterionId: c3.id, value: c },
  ];
  const type = (slot: 1 | 2, typist: string, values: ReturnType<typeof marks>, target = pair) =>
    core.call(ORGANISER, 'paper.type', { ...target, slot, typist, marks: values });
  const submitted = async () => (await core.call(ORGANISER, 'progress.get', { competitionId: competition.id })).cells.filter((c) => c.status === 'submitted');
  return { core, dataDir, competition, ratna, budi, e01, e02, c1, c2, c3, pair, marks, type, submitted };
}

function audit(dataDir: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT action, details_json FROM audit_log ORDER BY id').all() as { action: string; details_json: string }[]).map((r) => ({
      action: r.action,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    }));
  } finally {
    db.close();
  }
}

describe('paper fallback with two-person confirmation', () => {
  it('refuses the same person typing both typings, whatever the case and spaces', async () => {
    const { type, marks, submitted } = await paperCompetition();
    await type(1, 'Siti Aminah', marks('80', '85', '70'));
    await expect(type(2, '  siti   AMINAH ', marks('80', '85', '70'))).rejects.toMatchObject({ code: 'CONFLICT', key: 'paperSameTypist', params: { name: 'Siti Aminah' } });
    expect(await submitted()).toEqual([]);
  });

  it('refuses a second typing before the first', async () => {
    const { type, marks } = await paperCompetition();
    await expect(type(2, 'Andi', marks('80', '85', '70'))).rejects.toMatchObject({ key: 'paperFirstTypingMissing' });
  });

  it('writes exactly one submitted sheet when both typings match, with both typists in the log', async () => {
    const { core, dataDir, type, marks, submitted, budi, e01, competition } = await paperCompetition();
    // Paper comes afterwards: the scoring session may already be closed.
    await core.call(ORGANISER, 'session.close', { competitionId: competition.id });
    const first = await type(1, 'Siti Aminah', marks('80', '85,0', '70'));
    expect(first).toMatchObject({ confirmed: false, differences: [], refusal: null });
    expect(await submitted()).toEqual([]);

    const second = await type(2, 'Andi Wijaya', marks('80', '85', '70.0'));
    expect(second).toMatchObject({ confirmed: true, differences: [], refusal: 'paperConfirmed' });
    expect(await submitted()).toEqual([{ jurorId: budi.id, entryId: e01.id, status: 'submitted' }]);

    const log = audit(dataDir);
    const writes = log.filter((row) => row.action === 'scoring.saveSheet');
    expect(writes).toHaveLength(1);
    expect(writes[0].details).toMatchObject({ source: 'paper', status: 'submitted', jurorId: budi.id, entryId: e01.id });
    expect(log.find((row) => row.action === 'paper.confirm')?.details).toMatchObject({ typists: ['Siti Aminah', 'Andi Wijaya'] });

    // Confirmed: nothing more to type for this pair.
    await expect(type(1, 'Siti Aminah', marks('90', '90', '90'))).rejects.toMatchObject({ code: 'CONFLICT', key: 'paperConfirmed' });
    const overview = await core.call(ORGANISER, 'paper.overview', { competitionId: competition.id });
    expect(overview.pairs).toEqual([{ jurorId: budi.id, entryId: e01.id, status: 'confirmed' }]);
  });

  it('writes nothing while the typings differ, reports the differing criteria, and writes once a correction makes them match', async () => {
    const { core, dataDir, type, marks, submitted, c2, c3, pair } = await paperCompetition();
    await type(1, 'Siti Aminah', marks('80', '85', '70'));
    const differing = await type(2, 'Andi Wijaya', marks('80', '58', '75'));
    expect(differing).toMatchObject({ confirmed: false, differences: [c2.id, c3.id], refusal: null });
    expect(differing.typings.map((t) => [t.slot, t.typist, t.marks.map((m) => m.value)])).toEqual([
      [1, 'Siti Aminah', ['80', '85', '70']],
      [2, 'Andi Wijaya', ['80', '58', '75']],
    ]);
    expect(await submitted()).toEqual([]);
    expect((await core.call(ORGANISER, 'paper.get', pair)).differences).toEqual([c2.id, c3.id]);

    // The second typist fixes one slip, the first typist the other: still two different people.
    const halfway = await type(2, 'Andi Wijaya', marks('80', '85', '75'));
    expect(halfway.differences).toEqual([c3.id]);
    expect(await submitted()).toEqual([]);
    const matched = await type(1, 'Siti Aminah', marks('80', '85', '75'));
    expect(matched.confirmed).toBe(true);
    expect(await submitted()).toHaveLength(1);

    const log = audit(dataDir);
    expect(log.filter((row) => row.action === 'paper.correct').map((row) => row.details.slot)).toEqual([2, 1]);
    expect(log.find((row) => row.action === 'paper.correct')?.details).toMatchObject({ before: { typist: 'Andi Wijaya' } });
    expect(log.filter((row) => row.action === 'scoring.saveSheet')).toHaveLength(1);
  });

  it('checks marks against the scale when typed, with the same message as a juror gets', async () => {
    const { type, marks } = await paperCompetition();
    await expect(type(1, 'Siti Aminah', marks('80', '101', '70'))).rejects.toMatchObject({
      code: 'VALIDATION',
      key: 'markOutOfScale',
      message: 'Nilai 101 untuk "Kemanfaatan" harus antara 0 dan 100 dengan kelipatan 1.',
    });
    await expect(type(1, 'Siti Aminah', marks('80', '90', '70').slice(0, 2))).rejects.toMatchObject({ key: 'sheetIncomplete', params: { missing: 1 } });
  });

  it("refuses a juror the entry is not assigned to (another panel's entry)", async () => {
    const { core, type, marks, competition, ratna, pair } = await paperCompetition();
    const detail = await core.call(ORGANISER, 'panel.save', { competitionId: competition.id, name: 'Panel A', jurorIds: [ratna.id] });
    const stageId = detail.stages[0].id;
    await core.call(ORGANISER, 'stage.assignPanel', { stageId, panelId: detail.panels[0].id, entryIds: [pair.entryId] });
    await expect(type(1, 'Siti Aminah', marks('80', '85', '70'))).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'paperNotInPanel' });
    // The panel's own member may have a paper sheet for it.
    await expect(type(1, 'Siti Aminah', marks('80', '85', '70'), { ...pair, jurorId: ratna.id })).resolves.toMatchObject({ refusal: null });
  });

  it('refuses a conflicted pair and a sheet the juror already submitted digitally', async () => {
    const { core, type, marks, competition, budi, e02, pair, c1, c2, c3 } = await paperCompetition();
    await core.call(ORGANISER, 'conflict.declare', { competitionId: competition.id, jurorId: budi.id, target: { entryId: pair.entryId }, reason: 'Mantan kepala dinas' });
    await expect(type(1, 'Siti Aminah', marks('80', '85', '70'))).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'paperConflicted' });
    expect((await core.call(ORGANISER, 'paper.get', pair)).refusal).toBe('paperConflicted');

    const { deviceToken } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: competition.id }).then(async ({ links }) =>
      core.call({ role: 'anonymous' }, 'auth.pair', { token: links.find((l) => l.jurorId === budi.id)!.token }),
    );
    const digital = [c1, c2, c3].map((c) => ({ criterionId: c.id, value: '75' }));
    await core.call(core.authenticate(deviceToken), 'scoring.saveSheet', { opId: newOpId(), entryId: e02.id, marks: digital, submit: true });
    await expect(type(1, 'Siti Aminah', marks('80', '85', '70'), { ...pair, entryId: e02.id })).rejects.toMatchObject({ code: 'CONFLICT', key: 'paperSubmittedDigitally' });
  });
});
