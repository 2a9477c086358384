import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { verifyAudit } from '../../../electron/core/audit';
import { main } from '../../../electron/core/cli/main';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import { newOpId, tempCore, tempDir, thinDraft } from '../helpers';
import { setUp } from './thin-flow-fixture';

const CHAIR = 'Dr. Ratna Sari';
const BUDI = 'Ir. Budi Santoso';
const MAYA = 'Maya Putri, M.Si.';
/** Every juror gives an entry the same mark on each criterion, so each total is that mark: E01 = E02 = 80, E03 70, E04 60. */
const SAME: Record<string, string> = { E01: '80', E02: '80', E03: '70', E04: '60' };

async function tiedCompetition(core: Core, options: { skip?: { juror: string; code: string; draft?: boolean } } = {}) {
  const fixture = await setUp(core);
  const { competition, jurors, entryId, sheet } = fixture;
  for (const name of [CHAIR, BUDI, MAYA]) {
    for (const [code, mark] of Object.entries(SAME)) {
      const skip = options.skip?.juror === name && options.skip.code === code;
      if (skip && !options.skip!.draft) continue;
      await core.call(jurors.get(name)!, 'scoring.saveSheet', { opId: newOpId(), entryId: entryId(code), marks: sheet(code, [mark, mark, mark]), submit: !skip });
    }
  }
  const competitionId = competition.id;
  const stageId = competition.stages[0].id;
  const categoryId = competition.categories[0].id;
  const save = (input: object) => core.call(ORGANISER, 'gradeScale.save', { competitionId, ...input } as never);
  await save({ name: 'Juara', kind: 'award', bands: [1, 2, 3].map((r) => ({ label: `Juara ${'I'.repeat(r)}`, description: '', fromRank: r, toRank: r })) });
  await save({
    name: 'Predikat',
    kind: 'grade',
    bands: [
      { label: 'Baik', description: '', lower: '75', lowerInclusive: true, upper: null, upperInclusive: true },
      { label: 'Cukup', description: '', lower: '0', lowerInclusive: true, upper: '75', upperInclusive: false },
    ],
  });
  const scales = (await core.call(ORGANISER, 'competition.get', { competitionId })).gradeScales;
  await core.call(ORGANISER, 'results.setScheme', {
    competitionId,
    stageId,
    awardScaleId: scales.find((s) => s.kind === 'award')!.id,
    gradeScaleId: scales.find((s) => s.kind === 'grade')!.id,
  });
  const chair = jurors.get(CHAIR)!;
  const read = () => core.call(ORGANISER, 'results.stage', { competitionId, stageId });
  const rowsOf = async () => (await read()).categories[0].rows.map((r) => [r.code, r.rank, r.total, r.tied, r.boundaryTie, r.award, r.grade]);
  return { ...fixture, competitionId, stageId, categoryId, chair, read, rowsOf, ref: { competitionId, stageId } };
}

function auditRows(dataDir: string, action: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const rows = (db.prepare('SELECT actor, details_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as { actor: string; details_json: string }[]).map(
    (r) => ({ actor: r.actor, details: JSON.parse(r.details_json) }),
  );
  expect(verifyAudit(db).brokenAt).toBeNull();
  db.close();
  return rows;
}

const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

describe('awards, grades and tie decisions', () => {
  it('flags a tie across an award boundary instead of splitting it; the chair\'s decision orders it, replaces an earlier one and is logged', async () => {
    const { core, dataDir } = tempCore();
    const t = await tiedCompetition(core);
    expect(await t.rowsOf()).toEqual([
      ['E01', 1, '80.00', true, true, null, 'Baik'],
      ['E02', 1, '80.00', true, true, null, 'Baik'],
      ['E03', 3, '70.00', false, false, 'Juara III', 'Cukup'],
      ['E04', 4, '60.00', false, false, null, 'Cukup'],
    ]);
    const view = await t.read();
    expect(view.ties).toEqual([{ categoryId: t.categoryId, rank: 1, entryIds: [t.entryId('E01'), t.entryId('E02')], atBoundary: true }]);
    expect(view.blockers.boundaryTies).toBe(1);

    // Only the chair decides, with a reason, and only entries that really share a total.
    const decide = (order: string[], reason = 'Rapat pleno: keunggulan pada kemanfaatan') =>
      core.call(t.chair, 'results.decideTie', { ...t.ref, categoryId: t.categoryId, order: order.map(t.entryId), reason });
    await expect(core.call(ORGANISER, 'results.decideTie', { ...t.ref, categoryId: t.categoryId, order: [t.entryId('E02'), t.entryId('E01')], reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decide(['E02', 'E01'], '  ')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(decide(['E01', 'E03'])).rejects.toMatchObject({ code: 'VALIDATION', key: 'tieTotalsDiffer' });
    await expect(decide(['E01'])).rejects.toMatchObject({ code: 'VALIDATION', key: 'tieNeedsTwo' });

    await decide(['E02', 'E01']);
    expect(await t.rowsOf()).toEqual([
      ['E02', 1, '80.00', false, false, 'Juara I', 'Baik'],
      ['E01', 2, '80.00', false, false, 'Juara II', 'Baik'],
      ['E03', 3, '70.00', false, false, 'Juara III', 'Cukup'],
      ['E04', 4, '60.00', false, false, null, 'Cukup'],
    ]);
    expect((await t.read()).blockers.boundaryTies).toBe(0);
    // The session page's provisional table follows the decision too.
    const provisional = await core.call(ORGANISER, 'results.compute', { competitionId: t.competition.id });
    expect(provisional.categories[0].rows.map((r) => [r.code, r.rank, r.tied])).toEqual([
      ['E02', 1, false],
      ['E01', 2, false],
      ['E03', 3, false],
      ['E04', 4, false],
    ]);
    await decide(['E01', 'E02'], 'Koreksi: urutan dibalik');
    const after = await t.read();
    expect(after.categories[0].rows.slice(0, 2).map((r) => [r.code, r.rank, r.award])).toEqual([
      ['E01', 1, 'Juara I'],
      ['E02', 2, 'Juara II'],
    ]);
    expect(after.decisions).toEqual([expect.objectContaining({ order: [t.entryId('E01'), t.entryId('E02')], reason: 'Koreksi: urutan dibalik' })]);

    // The decision travels in the audit file, so a recomputation gives the same order.
    const bundle = JSON.parse(decode(await core.call(ORGANISER, 'results.export', { ...t.ref, format: 'bundle' })).toString('utf8'));
    expect(bundle.decisions).toEqual([{ order: [String(t.entryId('E01')), String(t.entryId('E02'))], note: 'Koreksi: urutan dibalik' }]);
    expect(bundle.method.tieBreak).toEqual(['chair']);
    core.close();
    const chairLabel = `chair:${t.competition.jurors.find((j) => j.name === CHAIR)!.id}`;
    expect(auditRows(dataDir, 'results.decideTie').map((r) => [r.actor, r.details.codes, r.details.reason])).toEqual([
      [chairLabel, ['E02', 'E01'], 'Rapat pleno: keunggulan pada kemanfaatan'],
      [chairLabel, ['E01', 'E02'], 'Koreksi: urutan dibalik'],
    ]);
  });

  it('lets the chair override an award with a logged reason, and take the override back', async () => {
    const { core, dataDir } = tempCore();
    const t = await tiedCompetition(core);
    const override = (code: string, label: string | null, reason = 'Keputusan rapat pleno') =>
      core.call(t.chair, 'results.overrideAward', { ...t.ref, entryId: t.entryId(code), label, reason });
    await override('E04', 'Juara Favorit');
    await override('E03', '');
    const rows = (await t.read()).categories[0].rows;
    expect(rows.find((r) => r.code === 'E04')).toMatchObject({ award: 'Juara Favorit', override: { label: 'Juara Favorit', reason: 'Keputusan rapat pleno' } });
    expect(rows.find((r) => r.code === 'E03')).toMatchObject({ award: null, override: { label: '' } });
    await override('E03', null, 'Dikembalikan');
    expect((await t.read()).categories[0].rows.find((r) => r.code === 'E03')).toMatchObject({ award: 'Juara III', override: null });
    core.close();
    expect(auditRows(dataDir, 'results.overrideAward').map((r) => [r.details.code, r.details.from, r.details.to, r.details.reason])).toEqual([
      ['E04', null, 'Juara Favorit', 'Keputusan rapat pleno'],
      ['E03', 'Juara III', '', 'Keputusan rapat pleno'],
      ['E03', null, null, 'Dikembalikan'],
    ]);
  });
});

describe('finalising a stage', () => {
  it('is refused while sheets are missing or drafts, naming them, and while a boundary tie is undecided', async () => {
    const { core } = tempCore();
    const t = await tiedCompetition(core, { skip: { juror: MAYA, code: 'E04', draft: true } });
    await expect(core.call(ORGANISER, 'finalise.stage', t.ref)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call(t.chair, 'finalise.stage', t.ref)).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'finaliseMissingSheets',
      params: { count: 1, list: `E04 – ${MAYA} (draf)` },
    });
    await core.call(t.jurors.get(MAYA)!, 'scoring.saveSheet', { opId: newOpId(), entryId: t.entryId('E04'), marks: t.sheet('E04', ['60', '60', '60']), submit: true });
    await expect(core.call(t.chair, 'finalise.stage', t.ref)).rejects.toMatchObject({ code: 'CONFLICT', key: 'finaliseBoundaryTies', params: { count: 1, list: 'E01 = E02' } });
    expect((await t.read()).status).toMatchObject({ final: false, version: null, nextVersion: 1 });
  });

  it('freezes a snapshot whose hash is the SHA-256 of its body, refuses changes until the chair reopens with a reason, then bumps the version', async () => {
    const { core, dataDir } = tempCore();
    const t = await tiedCompetition(core);
    await core.call(t.chair, 'results.decideTie', { ...t.ref, categoryId: t.categoryId, order: [t.entryId('E02'), t.entryId('E01')], reason: 'Pleno' });
    const provisional = decode(await core.call(ORGANISER, 'results.export', { ...t.ref, format: 'bundle' })).toString('utf8');
    expect(JSON.parse(provisional).snapshot.version).toBeNull();

    const final = await core.call(t.chair, 'finalise.stage', t.ref);
    expect(final.status).toMatchObject({ final: true, version: 1, nextVersion: 2, changedSinceFinal: false });
    const bundle = await core.call(ORGANISER, 'results.export', { ...t.ref, format: 'bundle' });
    const body = decode(bundle).toString('utf8');
    expect(bundle.filename).toMatch(/-v1\.json$/);
    expect(createHash('sha256').update(body, 'utf8').digest('hex')).toBe(final.status.hash);
    // Recomputing the same inputs gives the same body: only the version header differs from the provisional file.
    expect(body).toBe(provisional.replace('"version": null', '"version": 1'));
    expect(JSON.parse(body)).toMatchObject({ format: 'ruang-juri/scoring@1', snapshot: { version: 1 }, results: { format: 'ruang-juri/result@1' } });
    expect((await t.read()).status.hash).toBe(final.status.hash);

    // Final: scoring, sheet reopening, decisions and a second finalisation are refused.
    const budi = t.jurors.get(BUDI)!;
    await expect(core.call(budi, 'scoring.saveSheet', { opId: newOpId(), entryId: t.entryId('E01'), marks: t.sheet('E01', ['90', '90', '90']) })).rejects.toMatchObject({
      code: 'LOCKED',
      key: 'stageFinal',
    });
    const budiId = t.competition.jurors.find((j) => j.name === BUDI)!.id;
    await expect(core.call(ORGANISER, 'sheet.reopen', { competitionId: t.competitionId, entryId: t.entryId('E01'), jurorId: budiId, reason: 'Salah ketik' })).rejects.toMatchObject({
      code: 'LOCKED',
      key: 'stageFinal',
    });
    await expect(core.call(t.chair, 'results.overrideAward', { ...t.ref, entryId: t.entryId('E04'), label: 'X', reason: 'Y' })).rejects.toMatchObject({ key: 'stageFinal' });
    await expect(core.call(t.chair, 'finalise.stage', t.ref)).rejects.toMatchObject({ code: 'CONFLICT', key: 'stageAlreadyFinal' });

    // Reopening needs the chair and a reason.
    await expect(core.call(t.chair, 'finalise.reopen', { ...t.ref, reason: ' ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call(ORGANISER, 'finalise.reopen', { ...t.ref, reason: 'Salah ketik' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reopened = await core.call(t.chair, 'finalise.reopen', { ...t.ref, reason: 'Nilai E01 salah ketik' });
    expect(reopened.status).toMatchObject({ final: false, version: 1, nextVersion: 2, reopenReason: 'Nilai E01 salah ketik' });
    await core.call(ORGANISER, 'sheet.reopen', { competitionId: t.competitionId, entryId: t.entryId('E04'), jurorId: budiId, reason: 'Salah ketik' });
    await core.call(budi, 'scoring.saveSheet', { opId: newOpId(), entryId: t.entryId('E04'), marks: t.sheet('E04', ['63', '63', '63']), submit: true });
    const second = await core.call(t.chair, 'finalise.stage', t.ref);
    expect(second.status).toMatchObject({ final: true, version: 2 });
    expect(second.status.hash).not.toBe(final.status.hash);
    expect(second.categories[0].rows.find((r) => r.code === 'E04')!.total).toBe('61.00');
    // Setup changes are not frozen: withdrawing an entry after finalising is shown as a difference from the snapshot.
    await core.call(ORGANISER, 'entry.setStatus', { entryId: t.entryId('E04'), status: 'withdrawn', reason: 'Mengundurkan diri' });
    expect((await t.read()).status).toMatchObject({ final: true, version: 2, changedSinceFinal: true });
    core.close();

    expect(auditRows(dataDir, 'finalise.stage').map((r) => [r.details.version, r.details.hash])).toEqual([
      [1, final.status.hash],
      [2, second.status.hash],
    ]);
    expect(auditRows(dataDir, 'finalise.reopen').map((r) => [r.actor.startsWith('chair:'), r.details.version, r.details.reason])).toEqual([[true, 1, 'Nilai E01 salah ketik']]);
  });
});

describe('exports', () => {
  it('writes XLSX (recap, one sheet per juror, raw marks) and CSV that read back with the ranks, and a bundle `score --check` accepts', async () => {
    const { core } = tempCore();
    const t = await tiedCompetition(core);
    await core.call(t.chair, 'results.decideTie', { ...t.ref, categoryId: t.categoryId, order: [t.entryId('E02'), t.entryId('E01')], reason: 'Pleno' });

    const xlsx = await core.call(ORGANISER, 'results.export', { ...t.ref, format: 'xlsx' });
    expect(xlsx.filename).toMatch(/-sementara\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decode(xlsx) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Rekapitulasi', CHAIR, BUDI, MAYA, 'Nilai mentah']);
    const recap = workbook.worksheets[0];
    expect(String(recap.getCell('A2').value)).toMatch(/^SEMENTARA/);
    const header = (recap.getRow(4).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const recapRows = [5, 6, 7, 8].map((n) => recap.getRow(n)).map((r) => [r.getCell(col('Kode')).value, r.getCell(col('Peringkat')).value, r.getCell(col('Nilai akhir')).value, r.getCell(col('Penghargaan')).value]);
    expect(recapRows).toEqual([
      ['E02', 1, 80, 'Juara I'],
      ['E01', 2, 80, 'Juara II'],
      ['E03', 3, 70, 'Juara III'],
      ['E04', 4, 60, ''],
    ]);
    expect(workbook.worksheets[4].rowCount).toBe(1 + 3 * 4 * 3);

    const csv = decode(await core.call(ORGANISER, 'results.export', { ...t.ref, format: 'csv' })).toString('utf8');
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, '').trim(), { header: true, delimiter: ';' }).data;
    expect(parsed.map((r) => [r.Kode, r.Peringkat, r['Nilai akhir'], r.Predikat])).toEqual([
      ['E02', '1', '80,00', 'Baik'],
      ['E01', '2', '80,00', 'Baik'],
      ['E03', '3', '70,00', 'Cukup'],
      ['E04', '4', '60,00', 'Cukup'],
    ]);

    await core.call(t.chair, 'finalise.stage', t.ref);
    const bundleText = decode(await core.call(ORGANISER, 'results.export', { ...t.ref, format: 'bundle' })).toString('utf8');
    const dir = tempDir();
    const check = async (text: string) => {
      const file = join(dir, `bundle-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, text);
      const out: string[] = [];
      const code = await main(['score', '--check', file], { out: (l) => out.push(l), err: (l) => out.push(l) });
      return { code, out: out.join('\n') };
    };
    expect(await check(bundleText)).toMatchObject({ code: 0, out: expect.stringMatching(/agree/) });
    // One mark changed: E03's total moves, and --check says so.
    const edited = JSON.parse(bundleText);
    const mark = edited.marks.find((m: { entry: string }) => m.entry === String(t.entryId('E03')));
    mark.value = 100;
    const changed = await check(JSON.stringify(edited));
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(`${t.entryId('E03')} total`);
  });
});

describe('weights with no exact decimal share', () => {
  it('still show the result and the spreadsheets, but refuse to freeze or export an audit file', async () => {
    const { core } = tempCore();
    const draft = thinDraft();
    draft.criteria = draft.criteria.map((c) => ({ ...c, weight: '1' }));
    const competition = await core.call(ORGANISER, 'competition.create', draft);
    const competitionId = competition.id;
    await core.call(ORGANISER, 'competition.updateDetails', { competitionId, name: competition.name, weightsMustTotal100: false });
    await core.call(ORGANISER, 'session.open', { competitionId });
    const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId });
    const actors = await Promise.all(links.map(async (l) => core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: l.token })).deviceToken)));
    // Each criterion counts a third: (70 + 80 + 90) / 3 = 80 for every juror.
    for (const actor of actors)
      for (const entry of competition.entries)
        await core.call(actor, 'scoring.saveSheet', { opId: newOpId(), entryId: entry.id, marks: competition.criteria.map((c, i) => ({ criterionId: c.id, value: ['70', '80', '90'][i] })), submit: true });
    const ref = { competitionId, stageId: competition.stages[0].id };
    const view = await core.call(ORGANISER, 'results.stage', ref);
    expect(view.categories[0].rows.map((r) => r.total)).toEqual(['80.00', '80.00', '80.00', '80.00']);
    expect(decode(await core.call(ORGANISER, 'results.export', { ...ref, format: 'csv' })).toString('utf8')).toContain('80,00');
    await expect(core.call(ORGANISER, 'results.export', { ...ref, format: 'bundle' })).rejects.toMatchObject({ code: 'CONFLICT', key: 'weightsNotExact' });
    const chair = actors[links.findIndex((l) => l.name === CHAIR)];
    await expect(core.call(chair, 'finalise.stage', ref)).rejects.toMatchObject({ code: 'CONFLICT', key: 'weightsNotExact' });
  });
});
