import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { verifyJurorPin } from '../../../electron/core/services/jurors';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import { newOpId, tempCore, thinDraft } from '../helpers';

/** Criteria 40 / 35 / 25; each juror total is 0.40a + 0.35b + 0.25c. */
async function setUp(core: Core, draft = thinDraft()) {
  const competition = await core.call(ORGANISER, 'competition.create', draft);
  const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: competition.id });
  const actors = new Map<string, Actor>();
  for (const link of links) actors.set(link.name, core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: link.token })).deviceToken));
  const entryId = (code: string) => competition.entries.find((e) => e.code === code)!.id;
  const jurorId = (name: string) => competition.jurors.find((j) => j.name === name)!.id;
  const score = (name: string, code: string, values: readonly string[], submit = true) =>
    core.call(actors.get(name)!, 'scoring.saveSheet', {
      opId: newOpId(),
      entryId: entryId(code),
      marks: values.map((value, i) => ({ criterionId: competition.criteria[i].id, value })),
      submit,
    });
  return { competition, actors, entryId, jurorId, score };
}

const CHAIR = 'Dr. Ratna Sari';
const BUDI = 'Ir. Budi Santoso';
const MAYA = 'Maya Putri, M.Si.';
const row = (results: { categories: { rows: { code: string; rank: number | null; total: string | null }[] }[] }, code: string) =>
  results.categories.flatMap((c) => c.rows).find((r) => r.code === code)!;

describe('jurors', () => {
  it('stores a PIN only as a salted scrypt hash that verifies, keeps it when omitted and removes it with null', async () => {
    const { core, dataDir } = tempCore();
    const { competition, jurorId } = await setUp(core);
    const base = { competitionId: competition.id, name: BUDI, role: 'member' as const };
    const withPin = await core.call(ORGANISER, 'juror.save', { ...base, id: jurorId(BUDI), pin: '482915' });
    expect(withPin.jurors.find((j) => j.name === BUDI)!.hasPin).toBe(true);
    await core.call(ORGANISER, 'juror.save', { competitionId: competition.id, id: jurorId(MAYA), name: MAYA, pin: '482915' });

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const hashOf = (id: number) => (db.prepare('SELECT pin_hash FROM jurors WHERE id = ?').get(id) as { pin_hash: string | null }).pin_hash;
      const budiHash = hashOf(jurorId(BUDI))!;
      expect(budiHash).toMatch(/^scrypt\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
      expect(budiHash).not.toContain('482915');
      // Same PIN, different salt: the hashes differ.
      expect(hashOf(jurorId(MAYA))).not.toBe(budiHash);
      const audit = (db.prepare('SELECT details_json FROM audit_log').all() as { details_json: string }[]).map((r) => r.details_json).join('\n');
      expect(audit).not.toContain('482915');
      expect(audit).toContain('"pin":"set"');

      expect(verifyJurorPin(db, jurorId(BUDI), '482915')).toBe(true);
      expect(verifyJurorPin(db, jurorId(BUDI), '482916')).toBe(false);
      expect(verifyJurorPin(db, jurorId(CHAIR), '482915')).toBe(false); // no PIN at all

      await core.call(ORGANISER, 'juror.save', { ...base, id: jurorId(BUDI), position: 'Akademisi' });
      expect(hashOf(jurorId(BUDI))).toBe(budiHash);
      const removed = await core.call(ORGANISER, 'juror.save', { ...base, id: jurorId(BUDI), position: 'Akademisi', pin: null });
      expect(removed.jurors.find((j) => j.name === BUDI)).toMatchObject({ hasPin: false, position: 'Akademisi' });
      expect(verifyJurorPin(db, jurorId(BUDI), '482915')).toBe(false);
    } finally {
      db.close();
    }
    await expect(core.call(ORGANISER, 'juror.save', { ...base, pin: '12' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('adds jurors last, refuses a duplicate name whatever its case, and deletes only a juror who has not scored', async () => {
    const { core } = tempCore();
    const { competition, jurorId, score } = await setUp(core);
    const added = await core.call(ORGANISER, 'juror.save', { competitionId: competition.id, name: 'Hendra Saputra', role: 'secretary', nip: '1990 0112 2015 0310 01' });
    expect(added.jurors.map((j) => j.name)).toEqual([CHAIR, BUDI, MAYA, 'Hendra Saputra']);
    expect(added.jurors[3]).toMatchObject({ role: 'secretary', nip: '199001122015031001' });
    await expect(core.call(ORGANISER, 'juror.save', { competitionId: competition.id, name: 'ir. budi santoso' })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'duplicateName',
      params: { name: 'ir. budi santoso' },
    });

    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    await score(BUDI, 'E01', ['80', '80', '80'], false);
    await expect(core.call(ORGANISER, 'juror.delete', { jurorId: jurorId(BUDI) })).rejects.toMatchObject({ code: 'CONFLICT', key: 'jurorHasSheets' });
    const after = await core.call(ORGANISER, 'juror.delete', { jurorId: jurorId(MAYA) });
    expect(after.jurors.map((j) => j.name)).toEqual([CHAIR, BUDI, 'Hendra Saputra']);
  });

  it('does not let a secretary score, and leaves them out of progress and results', async () => {
    const { core } = tempCore();
    const draft = thinDraft();
    draft.jurors.push({ name: 'Hendra Saputra', role: 'secretary' });
    const { competition, actors, score, jurorId } = await setUp(core, draft);
    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    // A secretary gets no scoring link …
    expect(actors.has('Hendra Saputra')).toBe(false);
    // … and a device paired before they became secretary is still refused.
    const secretary: Actor = { role: 'juror', competitionId: competition.id, jurorId: jurorId('Hendra Saputra') };
    actors.set('Hendra Saputra', secretary);
    await expect(score('Hendra Saputra', 'E01', ['80', '80', '80'])).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'secretaryDoesNotScore' });
    await expect(core.call(secretary, 'scoring.myAssignment', {})).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'secretaryDoesNotScore' });

    // 3 scoring jurors × 4 entries, not 4 × 4.
    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    expect(progress.expectedCount).toBe(12);
    expect(progress.jurors.map((j) => j.name)).toEqual([CHAIR, BUDI, MAYA]);
    expect((await core.call(ORGANISER, 'results.compute', { competitionId: competition.id })).jurors).toHaveLength(3);
  });
});

describe('panels', () => {
  it('restrict who scores which entry, in scoring, progress and results', async () => {
    const { core } = tempCore();
    const { competition, actors, entryId, jurorId, score } = await setUp(core);
    const withPanel = await core.call(ORGANISER, 'panel.save', { competitionId: competition.id, name: 'Panel A', jurorIds: [jurorId(CHAIR), jurorId(BUDI)] });
    const panel = withPanel.panels[0];
    expect(panel.jurorIds).toEqual([jurorId(CHAIR), jurorId(BUDI)]);
    const stageId = competition.stages[0].id;
    const assigned = await core.call(ORGANISER, 'stage.assignPanel', { stageId, panelId: panel.id, entryIds: [entryId('E01'), entryId('E02')] });
    expect(assigned.stageEntries.map((se) => [se.entryId, se.panelId])).toEqual([
      [entryId('E01'), panel.id],
      [entryId('E02'), panel.id],
      [entryId('E03'), null],
      [entryId('E04'), null],
    ]);

    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    await expect(score(MAYA, 'E01', ['78', '92', '71'])).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'notInPanel' });
    expect((await core.call(actors.get(MAYA)!, 'scoring.myAssignment', {})).entries.map((e) => e.code)).toEqual(['E03', 'E04']);
    expect((await core.call(actors.get(BUDI)!, 'scoring.myAssignment', {})).entries.map((e) => e.code)).toEqual(['E01', 'E02', 'E03', 'E04']);

    // Panel A (2 jurors) × E01, E02 + everyone (3) × E03, E04.
    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    expect(progress.expectedCount).toBe(2 * 2 + 3 * 2);
    expect(progress.cells.some((c) => c.jurorId === jurorId(MAYA) && c.entryId === entryId('E01'))).toBe(false);

    await score(CHAIR, 'E01', ['80', '90', '70']); // 32 + 31.5 + 17.5 = 81.00
    await score(BUDI, 'E01', ['82', '88', '75']); // 32.8 + 30.8 + 18.75 = 82.35
    const results = await core.call(ORGANISER, 'results.compute', { competitionId: competition.id });
    // (81.00 + 82.35) / 2 = 81.675 → 81.68 (half-up): complete with both panel members.
    expect(row(results, 'E01')).toMatchObject({ rank: 1, total: '81.68', submittedCount: 2 });
  });

  it('refuses secretaries and jurors of another competition as members, and duplicate panel names', async () => {
    const { core } = tempCore();
    const draft = thinDraft();
    draft.jurors.push({ name: 'Hendra Saputra', role: 'secretary' });
    const { competition, jurorId } = await setUp(core, draft);
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba lain' });
    const save = (name: string, jurorIds: number[]) => core.call(ORGANISER, 'panel.save', { competitionId: competition.id, name, jurorIds });
    await expect(save('Panel A', [jurorId(CHAIR), jurorId('Hendra Saputra')])).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'secretaryInPanel',
      params: { name: 'Hendra Saputra' },
    });
    await expect(save('Panel A', [other.jurors[0].id])).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'jurorNotFound' });
    await save('Panel A', [jurorId(CHAIR)]);
    await expect(save('panel a', [jurorId(BUDI)])).rejects.toMatchObject({ code: 'CONFLICT', key: 'duplicateName' });
    // A panel member cannot become a secretary while on the panel.
    await expect(
      core.call(ORGANISER, 'juror.save', { competitionId: competition.id, id: jurorId(CHAIR), name: CHAIR, role: 'secretary' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'secretaryInPanel' });
    const detail = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });
    expect(detail.panels.map((p) => [p.name, p.jurorIds])).toEqual([['Panel A', [jurorId(CHAIR)]]]);
  });
});

describe('entries', () => {
  it('adds a new entry to the first stage, last in order, and refuses a duplicate code without writing anything', async () => {
    const { core } = tempCore();
    const { competition } = await setUp(core);
    const categoryId = competition.categories[0].id;
    const added = await core.call(ORGANISER, 'entry.save', { competitionId: competition.id, code: 'E05', title: 'Sipandu', unit: 'Kecamatan Plaju', categoryId });
    const e05 = added.entries.at(-1)!;
    expect(added.entries.map((e) => e.code)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05']);
    expect(e05).toMatchObject({ title: 'Sipandu', status: 'active' });
    expect(added.stageEntries).toContainEqual({ stageId: competition.stages[0].id, entryId: e05.id, panelId: null });

    const before = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });
    await expect(
      core.call(ORGANISER, 'entry.save', { competitionId: competition.id, code: ' e02 ', title: 'Lain', categoryId }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'duplicateCode', params: { code: 'e02' } });
    // Renaming E05 to an existing code is refused too; keeping its own code is not a duplicate.
    await expect(core.call(ORGANISER, 'entry.save', { competitionId: competition.id, id: e05.id, code: 'E01', title: 'Sipandu', categoryId })).rejects.toMatchObject({
      key: 'duplicateCode',
    });
    expect(await core.call(ORGANISER, 'competition.get', { competitionId: competition.id })).toEqual(before);
    const renamed = await core.call(ORGANISER, 'entry.save', { competitionId: competition.id, id: e05.id, code: 'E05', title: 'Sipandu Plus', categoryId });
    expect(renamed.entries.at(-1)!.title).toBe('Sipandu Plus');

    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba lain' });
    await expect(
      core.call(ORGANISER, 'entry.save', { competitionId: competition.id, code: 'E09', title: 'X', categoryId: other.categories[0].id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'categoryNotFound' });
  });

  it('does not rank or score a withdrawn entry, and requires a reason for a disqualification', async () => {
    const { core } = tempCore();
    const { competition, entryId, score } = await setUp(core);
    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    await score(CHAIR, 'E01', ['80', '90', '70']); // 81.00
    await score(CHAIR, 'E02', ['85', '85', '85']); // 85.00
    await score(CHAIR, 'E03', ['90', '70', '60']); // 36 + 24.5 + 15 = 75.50

    const withdrawn = await core.call(ORGANISER, 'entry.setStatus', { entryId: entryId('E02'), status: 'withdrawn', reason: 'Mengundurkan diri' });
    expect(withdrawn.entries[1]).toMatchObject({ status: 'withdrawn', statusReason: 'Mengundurkan diri' });
    const results = await core.call(ORGANISER, 'results.compute', { competitionId: competition.id });
    expect(row(results, 'E02')).toMatchObject({ rank: null, total: null });
    expect([row(results, 'E01'), row(results, 'E03')].map((r) => [r.rank, r.total])).toEqual([
      [1, '81.00'],
      [2, '75.50'],
    ]);
    await expect(score(BUDI, 'E02', ['80', '80', '80'])).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'entryNotActive' });
    // 3 jurors × 3 active entries.
    expect((await core.call(ORGANISER, 'progress.get', { competitionId: competition.id })).expectedCount).toBe(9);

    await expect(core.call(ORGANISER, 'entry.setStatus', { entryId: entryId('E03'), status: 'disqualified' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await core.call(ORGANISER, 'entry.setStatus', { entryId: entryId('E02'), status: 'active' });
    expect(row(await core.call(ORGANISER, 'results.compute', { competitionId: competition.id }), 'E02')).toMatchObject({ rank: 1, total: '85.00' });
  });

  it('deletes only an entry nobody has scored', async () => {
    const { core } = tempCore();
    const { competition, entryId, score } = await setUp(core);
    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    await score(MAYA, 'E01', ['80', '80', '80'], false);
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId: competition.id, entryId: entryId('E04') });
    await expect(core.call(ORGANISER, 'entry.delete', { entryId: entryId('E01') })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'entryHasSheets',
      params: { code: 'E01' },
    });
    const after = await core.call(ORGANISER, 'entry.delete', { entryId: entryId('E04') });
    expect(after.entries.map((e) => e.code)).toEqual(['E01', 'E02', 'E03']);
    expect(after.stageEntries).toHaveLength(3);
    expect((await core.call(ORGANISER, 'session.current', { competitionId: competition.id }))!.currentEntryId).toBeNull();
  });
});

describe('juror order', () => {
  it('stays the list order whatever the jurors positions (job titles) are', async () => {
    const { core } = tempCore();
    const { competition, jurorId } = await setUp(core);
    const base = { competitionId: competition.id, role: 'member' as const };
    await core.call(ORGANISER, 'juror.save', { ...base, id: jurorId(CHAIR), name: CHAIR, role: 'chair', position: 'Zeta' });
    await core.call(ORGANISER, 'juror.save', { ...base, id: jurorId(MAYA), name: MAYA, position: 'Alpha' });
    const detail = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });
    expect(detail.jurors.map((j) => j.name)).toEqual([CHAIR, BUDI, MAYA]);
  });
});
