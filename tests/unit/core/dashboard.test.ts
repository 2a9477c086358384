import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { verifyAudit } from '../../../electron/core/audit';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import { newOpId, tempCore, thinDraft } from '../helpers';

/** The thin competition with five jurors (criteria 40 / 35 / 25 on 0–100). */
async function setUp(core: Core) {
  const draft = thinDraft();
  draft.jurors.push({ name: 'Juri Empat', role: 'member' }, { name: 'Juri Lima', role: 'member' });
  const competition = await core.call(ORGANISER, 'competition.create', draft);
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
  const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: competition.id });
  const actors = new Map<string, Actor>();
  for (const link of links) actors.set(link.name, core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: link.token })).deviceToken));
  const display = core.authenticate(
    (await core.call(ANONYMOUS, 'auth.pair', { token: (await core.call(ORGANISER, 'device.issueDisplayLink', { competitionId: competition.id })).token }))
      .deviceToken,
  );
  const entryId = (code: string) => competition.entries.find((e) => e.code === code)!.id;
  const jurorId = (name: string) => competition.jurors.find((j) => j.name === name)!.id;
  const score = (name: string, code: string, values: readonly string[], submit = true) =>
    core.call(actors.get(name)!, 'scoring.saveSheet', {
      opId: newOpId(),
      entryId: entryId(code),
      marks: values.map((value, i) => ({ criterionId: competition.criteria[i].id, value })),
      submit,
    });
  return { competition, actors, display, entryId, jurorId, score };
}

const CHAIR = 'Dr. Ratna Sari';
const BUDI = 'Ir. Budi Santoso';

describe('sheet.reopen', () => {
  it('needs a reason, is logged with it, and lets the juror save and submit again', async () => {
    const { core, dataDir } = tempCore();
    const { competition, actors, entryId, jurorId, score } = await setUp(core);
    const pushed: string[] = [];
    core.subscribe((push) => void pushed.push(push.event));
    await score(BUDI, 'E01', ['80', '80', '80']);
    await expect(score(BUDI, 'E01', ['90', '80', '80'])).rejects.toMatchObject({ code: 'LOCKED', key: 'sheetSubmitted' });

    const target = { competitionId: competition.id, entryId: entryId('E01'), jurorId: jurorId(BUDI) };
    for (const reason of ['', '   ']) await expect(core.call(ORGANISER, 'sheet.reopen', { ...target, reason })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call(ORGANISER, 'sheet.reopen', target as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    // Still locked: a refused reopen changes nothing.
    await expect(score(BUDI, 'E01', ['90', '80', '80'])).rejects.toMatchObject({ code: 'LOCKED' });

    const chair = actors.get(CHAIR)!;
    const reopened = await core.call(chair, 'sheet.reopen', { ...target, reason: '  Salah ketik pada kriteria Kebaruan ' });
    expect(reopened.status).toBe('draft');
    expect(pushed).toEqual(expect.arrayContaining(['sheet.changed', 'sheet.reopened']));
    expect(await core.call(ORGANISER, 'sheet.reopenings', { competitionId: competition.id })).toEqual([
      expect.objectContaining({ entryId: target.entryId, jurorId: target.jurorId, reason: 'Salah ketik pada kriteria Kebaruan', reopenedBy: `chair:${jurorId(CHAIR)}` }),
    ]);
    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    expect(progress.cells.find((c) => c.jurorId === target.jurorId && c.entryId === target.entryId)?.status).toBe('draft');

    // The juror corrects and submits again; a draft cannot be "reopened".
    expect((await score(BUDI, 'E01', ['90', '80', '80'])).status).toBe('submitted');
    await core.call(ORGANISER, 'sheet.reopen', { ...target, reason: 'Kedua kali' });
    await expect(core.call(ORGANISER, 'sheet.reopen', { ...target, reason: 'Lagi' })).rejects.toMatchObject({ code: 'CONFLICT', key: 'sheetNotSubmitted' });

    // A closed session is locked.
    await score(BUDI, 'E01', ['90', '80', '80']);
    await core.call(ORGANISER, 'session.close', { competitionId: competition.id });
    await expect(core.call(ORGANISER, 'sheet.reopen', { ...target, reason: 'Terlambat' })).rejects.toMatchObject({ code: 'LOCKED', key: 'sessionNotOpen' });
    core.close();

    const db = new Database(join(dataDir, DATABASE_FILE));
    const rows = db.prepare(`SELECT actor, details_json FROM audit_log WHERE action = 'sheet.reopen' ORDER BY id`).all() as { actor: string; details_json: string }[];
    expect(rows.map((r) => [r.actor, JSON.parse(r.details_json).reason])).toEqual([
      [`chair:${jurorId(CHAIR)}`, 'Salah ketik pada kriteria Kebaruan'],
      ['organiser', 'Kedua kali'],
    ]);
    expect(verifyAudit(db).brokenAt).toBeNull();
    db.close();
  });

  it('is refused to jurors and the display, as is quality.live', async () => {
    const { core } = tempCore();
    const { competition, actors, display, entryId, jurorId, score } = await setUp(core);
    await score(BUDI, 'E01', ['80', '80', '80']);
    const target = { competitionId: competition.id, entryId: entryId('E01'), jurorId: jurorId(BUDI), reason: 'Koreksi' };
    for (const actor of [actors.get(BUDI)!, display]) {
      await expect(core.call(actor, 'sheet.reopen', target)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(core.call(actor, 'quality.live', { competitionId: competition.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(core.call(actor, 'sheet.reopenings', { competitionId: competition.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(core.call(actors.get(CHAIR)!, 'quality.live', { competitionId: competition.id })).resolves.toMatchObject({ outliers: [] });
  });
});

describe('quality.live', () => {
  it('flags a mark far from the others and the juror who scores harshly, from submitted sheets only', async () => {
    const { core } = tempCore();
    const { competition, actors, entryId, jurorId, score } = await setUp(core);
    const quality = () => core.call(actors.get(CHAIR)!, 'quality.live', { competitionId: competition.id });
    // Kebaruan: 80, 82, 81, 79 and 20; the other criteria 80 everywhere.
    const first = ['80', '82', '81', '79', '20'];
    const names = [...actors.keys()];
    // Juri Lima's far-off mark is only a draft at first: it does not count yet.
    for (const [i, name] of names.entries()) await score(name, 'E01', [first[i], '80', '80'], name !== 'Juri Lima');
    expect((await quality()).outliers).toEqual([]);

    await score('Juri Lima', 'E01', ['20', '80', '80']);
    const q = await quality();
    expect(q.outliers).toEqual([
      {
        entryId: entryId('E01'),
        jurorId: jurorId('Juri Lima'),
        criterionId: competition.criteria[0].id,
        value: '20.000',
        othersMedian: '80.500',
        deviation: '-60.500',
      },
    ]);
    const lima = q.jurors.find((j) => j.jurorId === jurorId('Juri Lima'))!;
    // 56.00 − mean(80.00, 80.80, 80.40, 79.60) = −24.20: harsher than a tenth of the 0–100 range.
    expect(lima).toMatchObject({ severity: '-24.20', outliers: 1, flag: 'harsh', shared: 1 });
    // Ratna: 80.00 − mean(80.80, 80.40, 79.60, 56.00) = 5.80: not flagged.
    expect(q.jurors.find((j) => j.jurorId === jurorId(CHAIR))).toMatchObject({ severity: '5.80', outliers: 0, flag: null });
    expect(q.stageName).toBe(competition.stages[0].name);
  });
});
