import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import type { Results } from '@shared/domain/schemas';
import { newOpId, tempCore, thinDraft } from '../helpers';

/** Criteria 40 / 35 / 25; each juror total is 0.40a + 0.35b + 0.25c. Units: E01 Dinas Pendidikan, E02 Dinas Kesehatan, E03 RSUD. */
async function setUp(core: Core) {
  const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
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
  const results = () => core.call(ORGANISER, 'results.compute', { competitionId: competition.id });
  return { competition, actors, entryId, jurorId, score, results };
}

const CHAIR = 'Dr. Ratna Sari';
const BUDI = 'Ir. Budi Santoso';
const MAYA = 'Maya Putri, M.Si.';
const row = (results: Results, code: string) => results.categories[0].rows.find((r) => r.code === code)!;
const jurorTotal = (results: Results, code: string, jurorId: number) => row(results, code).jurorTotals.find((t) => t.jurorId === jurorId)!.total;

describe('conflicts of interest', () => {
  it('keep a juror from scoring a conflicted entry or unit, and leave out marks they had already submitted', async () => {
    const { core } = tempCore();
    const { competition, actors, entryId, jurorId, score, results } = await setUp(core);
    await core.call(ORGANISER, 'conflict.declare', { competitionId: competition.id, jurorId: jurorId(BUDI), target: { entryId: entryId('E01') }, reason: 'Kerabat' });
    await expect(score(BUDI, 'E01', ['82', '88', '75'])).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'conflicted' });
    expect((await core.call(actors.get(BUDI)!, 'scoring.myAssignment', {})).entries.map((e) => e.code)).toEqual(['E02', 'E03', 'E04']);

    await score(CHAIR, 'E01', ['80', '90', '70']); // 32 + 31.5 + 17.5 = 81.00
    await score(MAYA, 'E01', ['78', '92', '71']); // 31.2 + 32.2 + 17.75 = 81.15
    await score(CHAIR, 'E02', ['85', '85', '85']); // 85.00
    await score(BUDI, 'E02', ['80', '90', '85']); // 32 + 31.5 + 21.25 = 84.75
    await score(MAYA, 'E02', ['86', '84', '90']); // 34.4 + 29.4 + 22.5 = 86.30
    expect(row(await results(), 'E02').total).toBe('85.35'); // (85.00 + 84.75 + 86.30) / 3 = 256.05 / 3

    // A unit conflict, declared after Maya submitted E02, in other case and spacing than the entry's unit.
    const declared = await core.call(ORGANISER, 'conflict.declare', {
      competitionId: competition.id,
      jurorId: jurorId(MAYA),
      target: { unit: '  dinas KESEHATAN ' },
    });
    const unitConflict = declared.conflicts.find((c) => c.unit !== null)!;
    expect(unitConflict).toMatchObject({ jurorId: jurorId(MAYA), entryId: null, unit: 'dinas KESEHATAN', declaredBy: 'organiser' });
    await expect(score(MAYA, 'E02', ['90', '90', '90'], false)).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'conflicted' });

    const after = await results();
    // E01: Ratna and Maya only, (81.00 + 81.15) / 2 = 81.075 → 81.08 (half-up).
    expect(row(after, 'E01')).toMatchObject({ total: '81.08', submittedCount: 2, rank: 2 });
    expect(jurorTotal(after, 'E01', jurorId(BUDI))).toBeNull();
    // E02: Maya's stored sheet no longer counts, (85.00 + 84.75) / 2 = 84.875 → 84.88.
    expect(row(after, 'E02')).toMatchObject({ total: '84.88', submittedCount: 2, rank: 1 });
    expect(jurorTotal(after, 'E02', jurorId(MAYA))).toBeNull();

    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    // 3 jurors × 4 entries less Budi–E01 and Maya–E02; submitted: Ratna and Maya on E01, Ratna and Budi on E02.
    expect([progress.submittedCount, progress.expectedCount]).toEqual([4, 10]);

    // Removing the conflict brings the stored sheet back into the count.
    await core.call(ORGANISER, 'conflict.remove', { conflictId: unitConflict.id });
    expect(row(await results(), 'E02')).toMatchObject({ total: '85.35', submittedCount: 3 });
  });

  it('records a conflict the juror declares on their page, with declaredBy juror, even after submitting', async () => {
    const { core, clock } = tempCore();
    const { competition, actors, entryId, jurorId, score, results } = await setUp(core);
    await score(CHAIR, 'E03', ['90', '70', '60']); // 36 + 24.5 + 15 = 75.50
    await score(BUDI, 'E03', ['88', '72', '64']); // 35.2 + 25.2 + 16 = 76.40
    expect(row(await results(), 'E03').total).toBe('75.95'); // (75.50 + 76.40) / 2

    const pushed: string[] = [];
    core.subscribe((push, canReceive) => {
      if (canReceive(ORGANISER)) pushed.push(push.event);
    });
    clock.now = Date.parse('2026-11-23T03:15:00Z');
    const budi = actors.get(BUDI)!;
    const { conflictId } = await core.call(budi, 'scoring.declareConflict', { entryId: entryId('E03'), reason: 'Pernah bekerja di RSUD' });
    expect(pushed).toEqual(['competition.changed']);

    const detail = await core.call(ORGANISER, 'competition.get', { competitionId: competition.id });
    expect(detail.conflicts).toEqual([
      {
        id: conflictId,
        jurorId: jurorId(BUDI),
        entryId: entryId('E03'),
        unit: null,
        reason: 'Pernah bekerja di RSUD',
        declaredBy: 'juror',
        createdAt: '2026-11-23T03:15:00.000Z',
      },
    ]);
    expect(row(await results(), 'E03')).toMatchObject({ total: '75.50', submittedCount: 1 });
    const mine = await core.call(budi, 'scoring.myAssignment', {});
    expect(mine.entries.map((e) => e.code)).toEqual(['E01', 'E02', 'E04']);
    expect(mine.sheets).toEqual([]);

    await expect(core.call(budi, 'scoring.declareConflict', { entryId: entryId('E03') })).rejects.toMatchObject({ code: 'CONFLICT', key: 'conflictExists' });
    await expect(
      core.call(ORGANISER, 'conflict.declare', { competitionId: competition.id, jurorId: jurorId(BUDI), target: { entryId: entryId('E03') } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'conflictExists' });
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba lain' });
    await expect(core.call(budi, 'scoring.declareConflict', { entryId: other.entries[0].id })).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'entryNotFound' });
    expect((await core.call(ORGANISER, 'competition.get', { competitionId: competition.id })).conflicts).toHaveLength(1);
  });

  it('lists in myAssignment the conflicts that keep an entry from the juror, with who declared them', async () => {
    const { core } = tempCore();
    const { competition, actors, entryId, jurorId } = await setUp(core);
    const budi = actors.get(BUDI)!;
    await core.call(ORGANISER, 'conflict.declare', { competitionId: competition.id, jurorId: jurorId(BUDI), target: { entryId: entryId('E01') }, reason: 'Kerabat' });
    await core.call(ORGANISER, 'conflict.declare', { competitionId: competition.id, jurorId: jurorId(BUDI), target: { unit: ' rsud ' }, reason: 'Pernah bekerja di RSUD' });
    await core.call(budi, 'scoring.declareConflict', { entryId: entryId('E04'), reason: 'Pembina inovasi ini' });

    const mine = await core.call(budi, 'scoring.myAssignment', {});
    expect(mine.entries.map((e) => e.code)).toEqual(['E02']);
    expect(mine.conflicts).toEqual([
      { entryId: entryId('E01'), code: 'E01', title: 'Poltabes', reason: 'Kerabat', declaredBy: 'organiser' },
      { entryId: entryId('E03'), code: 'E03', title: 'Salam Rabain', reason: 'Pernah bekerja di RSUD', declaredBy: 'organiser' },
      { entryId: entryId('E04'), code: 'E04', title: 'Info Papa RT', reason: 'Pembina inovasi ini', declaredBy: 'juror' },
    ]);
    const maya = await core.call(actors.get(MAYA)!, 'scoring.myAssignment', {});
    expect(maya.conflicts).toEqual([]);
    expect(maya.entries).toHaveLength(4);
  });

  it('refuses a unit declared twice in another case, a juror of another competition, and an unknown conflict', async () => {
    const { core } = tempCore();
    const { competition, jurorId } = await setUp(core);
    const declare = (juror: number, unit: string) => core.call(ORGANISER, 'conflict.declare', { competitionId: competition.id, jurorId: juror, target: { unit } });
    await declare(jurorId(MAYA), 'RSUD');
    await expect(declare(jurorId(MAYA), ' rsud')).rejects.toMatchObject({ code: 'CONFLICT', key: 'conflictExists' });
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lomba lain' });
    await expect(declare(other.jurors[0].id, 'RSUD')).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'jurorNotFound' });
    await expect(core.call(ORGANISER, 'conflict.remove', { conflictId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'conflictNotFound' });
  });
});
