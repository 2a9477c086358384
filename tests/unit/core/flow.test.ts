import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import { MARKS, setUp } from './thin-flow-fixture';
import { newOpId, tempCore, thinDraft } from '../helpers';

const EXPECTED = [
  { code: 'E02', rank: 1, total: '85.35' },
  { code: 'E01', rank: 2, total: '81.50' },
  { code: 'E03', rank: 3, total: '76.22' },
  { code: 'E04', rank: 4, total: '73.75' },
];

describe('the thin flow through the core', () => {
  it('ranks entries by the weighted mean of the submitted sheets, with live progress', async () => {
    const { core } = tempCore();
    const { competition, jurors, entryId, sheet } = await setUp(core);
    expect(jurors.get('Dr. Ratna Sari')).toMatchObject({ role: 'chair', competitionId: competition.id });
    expect(jurors.get('Ir. Budi Santoso')).toMatchObject({ role: 'juror' });

    for (const [name, byEntry] of Object.entries(MARKS)) {
      for (const [code, values] of Object.entries(byEntry)) {
        await core.call(jurors.get(name)!, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId(code), marks: sheet(code, values), submit: true });
      }
    }
    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    expect([progress.submittedCount, progress.expectedCount]).toEqual([12, 12]);

    const results = await core.call(ORGANISER, 'results.compute', { competitionId: competition.id });
    expect(results.categories[0].rows.map(({ code, rank, total }) => ({ code, rank, total }))).toEqual(EXPECTED);
    const e01 = results.categories[0].rows.find((r) => r.code === 'E01')!;
    expect(e01.jurorTotals.map((t) => t.total)).toEqual(['81.00', '82.35', '81.15']);
  });

  it('counts only submitted sheets: a draft shows in progress but not in the ranking', async () => {
    const { core } = tempCore();
    const { competition, jurors, entryId, sheet } = await setUp(core);
    const chair = jurors.get('Dr. Ratna Sari')!;
    await core.call(chair, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId('E01'), marks: sheet('E01', ['80', '90', '70']), submit: true });
    await core.call(chair, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId('E02'), marks: sheet('E02', ['99', '99', '99']) });

    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    const status = (code: string) => progress.cells.find((c) => c.entryId === entryId(code) && c.jurorId === (chair as { jurorId: number }).jurorId)!.status;
    expect([status('E01'), status('E02'), status('E03')]).toEqual(['submitted', 'draft', 'empty']);

    const rows = (await core.call(ORGANISER, 'results.compute', { competitionId: competition.id })).categories[0].rows;
    expect(rows[0]).toMatchObject({ code: 'E01', rank: 1, total: '81.00' });
    expect(rows.filter((r) => r.rank === null).map((r) => r.code).sort()).toEqual(['E02', 'E03', 'E04']);
  });

  it('applies a retried operation once: same opId, same answer, one audit row', async () => {
    const { core } = tempCore();
    const { jurors, entryId, sheet } = await setUp(core);
    const juror = jurors.get('Ir. Budi Santoso')!;
    const opId = newOpId();
    const first = await core.call(juror, 'scoring.saveSheet', { opId, entryId: entryId('E01'), marks: sheet('E01', ['80', '80', '80']) });
    // The retry carries other values (a client bug or a replay): the stored answer wins, nothing changes.
    const retry = await core.call(juror, 'scoring.saveSheet', { opId, entryId: entryId('E01'), marks: sheet('E01', ['10', '10', '10']) });
    expect(retry).toEqual(first);
    const mine = await core.call(juror, 'scoring.myAssignment', {});
    expect(mine.sheets[0].marks.map((m) => m.value)).toEqual(['80', '80', '80']);
  });

  it('keeps an acknowledged score through a restart of the core', async () => {
    const { core, dataDir } = tempCore();
    const { jurors, entryId, sheet } = await setUp(core);
    const juror = jurors.get('Maya Putri, M.Si.')!;
    await core.call(juror, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId('E03'), marks: sheet('E03', ['85', '75', '66']) });
    core.close();

    const reopened = createCore({ dataDir });
    try {
      const mine = await reopened.call(juror, 'scoring.myAssignment', {});
      expect(mine.sheets).toHaveLength(1);
      expect(mine.sheets[0]).toMatchObject({ status: 'draft', marks: [{ value: '85' }, { value: '75' }, { value: '66' }] });
    } finally {
      reopened.close();
    }
  });

  it('refuses marks off the scale, changes to a submitted sheet, and scoring in a closed session', async () => {
    const { core } = tempCore();
    const { competition, jurors, entryId, sheet } = await setUp(core);
    const juror = jurors.get('Ir. Budi Santoso')!;
    const save = (values: string[], submit = false, code = 'E01') =>
      core.call(juror, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId(code), marks: sheet(code, values), submit }, 'id');

    await expect(save(['101', '80', '80'])).rejects.toMatchObject({ code: 'VALIDATION', key: 'markOutOfScale', message: expect.stringContaining('antara 0 dan 100') });
    await expect(save(['85,5', '80', '80'])).rejects.toMatchObject({ key: 'markOutOfScale' }); // step is 1
    await expect(save(['80', '80'], true)).rejects.toMatchObject({ key: 'sheetIncomplete', params: { missing: 1 } });
    await save(['80', '80', '80'], true);
    await expect(save(['90', '90', '90'])).rejects.toMatchObject({ code: 'LOCKED', key: 'sheetSubmitted' });

    await core.call(ORGANISER, 'session.close', { competitionId: competition.id });
    await expect(save(['80', '80', '80'], false, 'E02')).rejects.toMatchObject({ code: 'LOCKED', key: 'sessionNotOpen' });
  });

  it('spends a pairing link once and keeps device actors inside their own competition', async () => {
    const { core } = tempCore();
    const { competition } = await setUp(core);
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba lain' });
    const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: other.id });
    const { deviceToken } = await core.call(ANONYMOUS, 'auth.pair', { token: links[1].token });
    await expect(core.call(ANONYMOUS, 'auth.pair', { token: links[1].token })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'pairingTokenInvalid' });

    const outsider = core.authenticate(deviceToken);
    expect(outsider).toMatchObject({ role: 'juror', competitionId: other.id });
    await expect(core.call(outsider, 'session.current', { competitionId: competition.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.call(outsider, 'results.compute', { competitionId: other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(core.authenticate('not-a-real-token')).toEqual(ANONYMOUS);
  });

  it('pushes sheet changes to the organiser but not to jurors, and session changes only within the competition', async () => {
    const { core } = tempCore();
    const { competition, jurors, entryId, sheet } = await setUp(core);
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba lain' });
    const juror = jurors.get('Ir. Budi Santoso')!;
    const outsider: Actor = { role: 'juror', competitionId: other.id, jurorId: other.jurors[0].id };
    const received: Record<string, string[]> = { organiser: [], juror: [], outsider: [] };
    core.subscribe((push, canReceive) => {
      if (canReceive(ORGANISER)) received.organiser.push(push.event);
      if (canReceive(juror)) received.juror.push(push.event);
      if (canReceive(outsider)) received.outsider.push(push.event);
    });
    await core.call(juror, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId('E01'), marks: sheet('E01', ['80', '80', '80']) });
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId: competition.id, entryId: entryId('E02') });
    expect(received).toEqual({ organiser: ['sheet.changed', 'session.changed'], juror: ['session.changed'], outsider: [] });
  });

  it('shows the stage display the current entry of its own competition', async () => {
    const { core } = tempCore();
    const { competition, entryId } = await setUp(core);
    const link = await core.call(ORGANISER, 'device.issueDisplayLink', { competitionId: competition.id });
    const display = core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: link.token })).deviceToken);
    expect(await core.call(display, 'display.state', {})).toMatchObject({ competitionName: competition.name, currentEntry: null });
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId: competition.id, entryId: entryId('E03') });
    expect((await core.call(display, 'display.state', {})).currentEntry).toMatchObject({ code: 'E03', title: 'Salam Rabain' });
  });
});
