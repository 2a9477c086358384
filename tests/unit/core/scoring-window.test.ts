import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PushEnvelope } from '@shared/api/envelope';
import { ORGANISER, type Actor } from '@shared/domain/actor';
import { verifyAudit } from '../../../electron/core/audit';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { newOpId, tempCore } from '../helpers';
import { setUp } from './thin-flow-fixture';

const MIN = 60_000;
const CHAIR = 'Dr. Ratna Sari';
const BUDI = 'Ir. Budi Santoso';
const MAYA = 'Maya Putri, M.Si.';

/**
 * The thin competition with a schedule (E01..E04 in one block), E01 on stage, the default phases
 * (Presentasi 7 min, Tanya jawab 13 min, Penilaian 3 min) and the default rule (open at Tanya jawab).
 */
async function onStage() {
  const { core, clock, dataDir } = tempCore();
  const fixture = await setUp(core);
  const competitionId = fixture.competition.id;
  const stageId = fixture.competition.stages[0]!.id;
  const block = await core.call(ORGANISER, 'schedule.saveBlock', { competitionId, stageId, day: 'Hari 1', room: 'Ruang A' });
  const blockId = block.blocks[0]!.id;
  const placed = await core.call(ORGANISER, 'schedule.place', { blockId, entryIds: fixture.competition.entries.map((e) => e.id) });
  const slotOf = (code: string) => placed.blocks[0]!.slots.find((s) => s.entryId === fixture.entryId(code))!.id;
  await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf('E01') });
  let version = 0;
  const press = async (action: 'start' | 'next' | 'pause' | 'resume') => {
    version = (await core.call(ORGANISER, 'timer.control', { competitionId, action, expectedVersion: version })).version;
  };
  const juror = (name: string): Actor => fixture.jurors.get(name)!;
  const save = (name: string, code: string, submit = false, extra: Record<string, unknown> = {}) =>
    core.call(juror(name), 'scoring.saveSheet', {
      opId: newOpId(),
      entryId: fixture.entryId(code),
      marks: fixture.sheet(code, ['80', '85', '90']),
      submit,
      ...extra,
    });
  const windowOf = async (code: string) =>
    (await core.call(ORGANISER, 'window.state', { competitionId })).entries.find((w) => w.entryId === fixture.entryId(code))!;
  return { core, clock, dataDir, fixture, competitionId, stageId, press, juror, save, windowOf, slotOf };
}

/** Runs E01's slot to the start of Penilaian and then past its end (3 minutes later): scoring closed. */
async function closedAfterSlot(t: Awaited<ReturnType<typeof onStage>>) {
  await t.press('start');
  t.clock.now += 7 * MIN;
  await t.press('next');
  t.clock.now += 13 * MIN;
  await t.press('next');
  t.clock.now += 3 * MIN;
  expect((await t.windowOf('E01')).kind).toBe('closed');
}

describe('the scoring window of a scheduled entry', () => {
  it('opens when Tanya jawab begins and closes exactly when Penilaian ends', async () => {
    const t = await onStage();
    expect((await t.windowOf('E01')).kind).toBe('notYet');
    await expect(t.save(BUDI, 'E01')).rejects.toMatchObject({ code: 'CONFLICT', key: 'windowNotOpen' });

    await t.press('start');
    t.clock.now += 7 * MIN + 30_000; // presentation in overtime: still not open
    expect((await t.windowOf('E01')).kind).toBe('notYet');

    await t.press('next'); // Tanya jawab begins
    const qaStart = t.clock.now;
    // Projected end: the rest of Tanya jawab (13 min) plus Penilaian (3 min).
    expect(await t.windowOf('E01')).toEqual({ entryId: t.fixture.entryId('E01'), kind: 'open', closesAt: qaStart + 16 * MIN });
    expect((await t.save(BUDI, 'E01')).status).toBe('draft');

    t.clock.now += 13 * MIN;
    await t.press('next'); // Penilaian begins
    const scoringStart = t.clock.now;
    expect(await t.windowOf('E01')).toMatchObject({ kind: 'open', closesAt: scoringStart + 3 * MIN });
    t.clock.now = scoringStart + 3 * MIN - 1;
    expect((await t.save(BUDI, 'E01')).status).toBe('draft');
    t.clock.now = scoringStart + 3 * MIN;
    expect((await t.windowOf('E01')).kind).toBe('closed');
    // A draft after close is not accepted by the core (the device keeps it).
    await expect(t.save(BUDI, 'E01')).rejects.toMatchObject({ code: 'CONFLICT', key: 'windowClosed' });
    // Other entries of the schedule have not begun.
    expect((await t.windowOf('E02')).kind).toBe('notYet');
  });

  it('keeps the window open through a pause and for the grace period after the last phase is ended', async () => {
    const t = await onStage();
    await t.core.call(ORGANISER, 'window.configure', { competitionId: t.competitionId, openPhaseIndex: 2, graceSeconds: 60 });
    await t.press('start');
    t.clock.now += 7 * MIN;
    await t.press('next');
    expect((await t.windowOf('E01')).kind).toBe('notYet'); // the rule now opens at Penilaian
    t.clock.now += 13 * MIN;
    await t.press('next');
    t.clock.now += MIN;
    await t.press('pause');
    t.clock.now += 10 * MIN;
    expect(await t.windowOf('E01')).toMatchObject({ kind: 'open', closesAt: null });
    await t.press('resume');
    t.clock.now += MIN;
    await t.press('next'); // the moderator ends Penilaian early; the slot is over
    const ended = t.clock.now;
    expect(await t.windowOf('E01')).toMatchObject({ kind: 'open', closesAt: ended + 60_000 });
    t.clock.now = ended + 59_999;
    expect((await t.save(MAYA, 'E01', true)).status).toBe('submitted');
    t.clock.now = ended + 60_000;
    expect((await t.windowOf('E01')).kind).toBe('closed');
  });

  it('an extension by the chair reopens a closed window for that many minutes; a juror cannot extend', async () => {
    const t = await onStage();
    await closedAfterSlot(t);
    const entryId = t.fixture.entryId('E01');
    await expect(t.core.call(t.juror(BUDI), 'window.extend', { competitionId: t.competitionId, entryId, minutes: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const extendedAt = t.clock.now;
    const view = await t.core.call(t.juror(CHAIR), 'window.extend', { competitionId: t.competitionId, entryId, minutes: 5 });
    expect(view.entries.find((w) => w.entryId === entryId)).toEqual({ entryId, kind: 'open', closesAt: extendedAt + 5 * MIN });
    t.clock.now = extendedAt + 5 * MIN - 1;
    expect((await t.save(BUDI, 'E01', true)).status).toBe('submitted');
    t.clock.now = extendedAt + 5 * MIN;
    await expect(t.save(MAYA, 'E01')).rejects.toMatchObject({ key: 'windowClosed' });
    // An entry whose slot has not begun cannot be extended.
    await expect(t.core.call(ORGANISER, 'window.extend', { competitionId: t.competitionId, entryId: t.fixture.entryId('E02'), minutes: 5 })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'windowNotOpen',
    });
    t.core.close();
    const db = new Database(join(t.dataDir, DATABASE_FILE));
    const rows = db.prepare(`SELECT actor, details_json FROM audit_log WHERE action = 'window.extend'`).all() as { actor: string; details_json: string }[];
    expect(rows.map((r) => [r.actor, JSON.parse(r.details_json).minutes])).toEqual([[`chair:${(t.juror(CHAIR) as { jurorId: number }).jurorId}`, 5]]);
  });

  it('holds a submission after close for the chair; approving writes the sheet exactly once', async () => {
    const t = await onStage();
    await closedAfterSlot(t);
    const pushes: PushEnvelope[] = [];
    t.core.subscribe((push) => pushes.push(push));
    const entryId = t.fixture.entryId('E01');
    const budi = t.juror(BUDI) as { jurorId: number };

    const held = await t.save(BUDI, 'E01', true, { comment: 'Presentasi jelas' });
    expect(held.status).toBe('empty');
    expect(held.late).toMatchObject({ status: 'pending' });
    // What the chair will decide on, shown back to the juror.
    expect(held.marks.map((m) => m.value)).toEqual(['80', '85', '90']);
    expect(held.comment).toBe('Presentasi jelas');
    // Not counted before the decision.
    const before = await t.core.call(ORGANISER, 'progress.get', { competitionId: t.competitionId });
    // Not counted, but the dashboard can tell it is waiting for the chair rather than missing.
    expect(before.cells.find((c) => c.entryId === entryId && c.jurorId === budi.jurorId)).toMatchObject({ status: 'empty', latePending: true });
    expect(before.cells.filter((c) => c.latePending)).toHaveLength(1);

    const [late] = await t.core.call(t.juror(CHAIR), 'window.lateList', { competitionId: t.competitionId });
    expect(late).toMatchObject({ entryId, jurorId: budi.jurorId, status: 'pending' });
    // A juror cannot approve; neither can the organiser.
    await expect(t.core.call(t.juror(MAYA), 'window.decideLate', { lateId: late.id, approve: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.core.call(ORGANISER, 'window.decideLate', { lateId: late.id, approve: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const approved = await t.core.call(t.juror(CHAIR), 'window.decideLate', { lateId: late.id, approve: true });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: `chair:${(t.juror(CHAIR) as { jurorId: number }).jurorId}` });
    await expect(t.core.call(t.juror(CHAIR), 'window.decideLate', { lateId: late.id, approve: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'lateAlreadyDecided',
    });

    const after = await t.core.call(budi as unknown as Actor, 'scoring.myAssignment', {});
    const sheet = after.sheets.find((s) => s.entryId === entryId)!;
    expect(sheet).toMatchObject({ status: 'submitted', comment: 'Presentasi jelas', late: null });
    expect(sheet.marks.map((m) => m.value)).toEqual(['80', '85', '90']);
    const results = await t.core.call(ORGANISER, 'results.compute', { competitionId: t.competitionId });
    const row = results.categories[0]!.rows.find((r) => r.entryId === entryId)!;
    expect(row.submittedCount).toBe(1);
    // 0.40 × 80 + 0.35 × 85 + 0.25 × 90 = 32 + 29.75 + 22.5 = 84.25
    expect(row.jurorTotals.find((j) => j.jurorId === budi.jurorId)?.total).toMatch(/^84\.25/);
    expect(pushes.filter((p) => p.event === 'sheet.changed')).toHaveLength(1);
    expect(pushes.filter((p) => p.event === 'window.lateChanged').map((p) => (p.payload as { status: string }).status)).toEqual(['pending', 'approved']);

    t.core.close();
    const db = new Database(join(t.dataDir, DATABASE_FILE));
    const actions = (db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'window.late%' OR (action = 'scoring.saveSheet' AND details_json LIKE '%"submitted"%')`).all() as {
      action: string;
    }[]).map((r) => r.action);
    expect(actions).toEqual(['window.lateSubmitted', 'scoring.saveSheet', 'window.lateApproved']);
    expect(verifyAudit(db).brokenAt).toBeNull();
  });

  it('a declined late submission stays out and the juror sees the reason', async () => {
    const t = await onStage();
    await closedAfterSlot(t);
    await t.save(MAYA, 'E01', true);
    const [late] = await t.core.call(t.juror(CHAIR), 'window.lateList', { competitionId: t.competitionId });
    const declined = await t.core.call(t.juror(CHAIR), 'window.decideLate', { lateId: late.id, approve: false, reason: 'Terlambat 20 menit' });
    expect(declined).toMatchObject({ status: 'declined', reason: 'Terlambat 20 menit' });
    const mine = await t.core.call(t.juror(MAYA), 'scoring.myAssignment', {});
    expect(mine.sheets.find((s) => s.entryId === t.fixture.entryId('E01'))).toMatchObject({
      status: 'empty',
      late: { status: 'declined', reason: 'Terlambat 20 menit' },
    });
    const progress = await t.core.call(ORGANISER, 'progress.get', { competitionId: t.competitionId });
    expect(progress.submittedCount).toBe(0);
  });

  it('lets a sheet the chair reopened after close be corrected without another approval', async () => {
    const t = await onStage();
    await t.press('start');
    t.clock.now += 7 * MIN;
    await t.press('next');
    expect((await t.save(BUDI, 'E01', true)).status).toBe('submitted');
    t.clock.now += 13 * MIN;
    await t.press('next');
    t.clock.now += 3 * MIN;
    const budi = t.juror(BUDI) as { jurorId: number };
    await t.core.call(t.juror(CHAIR), 'sheet.reopen', { competitionId: t.competitionId, entryId: t.fixture.entryId('E01'), jurorId: budi.jurorId, reason: 'Salah ketik' });
    const mine = await t.core.call(t.juror(BUDI), 'scoring.myAssignment', {});
    expect(mine.sheets.find((s) => s.entryId === t.fixture.entryId('E01'))).toMatchObject({ status: 'draft', reopened: true });
    expect((await t.save(BUDI, 'E01')).status).toBe('draft');
    expect((await t.save(BUDI, 'E01', true)).status).toBe('submitted');
    // Another juror's sheet of the same entry is still closed.
    await expect(t.save(MAYA, 'E01')).rejects.toMatchObject({ key: 'windowClosed' });
  });

  it('refuses an invalid late submission at once instead of holding it', async () => {
    const t = await onStage();
    await closedAfterSlot(t);
    await expect(
      t.core.call(t.juror(BUDI), 'scoring.saveSheet', {
        opId: newOpId(),
        entryId: t.fixture.entryId('E01'),
        marks: t.fixture.sheet('E01', ['80', '85', '101']),
        submit: true,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', key: 'markOutOfScale' });
    expect(await t.core.call(t.juror(CHAIR), 'window.lateList', { competitionId: t.competitionId })).toEqual([]);
  });

  it('applies no window to an entry without a slot (a stage scored without a schedule)', async () => {
    const { core, clock } = tempCore();
    const fixture = await setUp(core);
    const view = await core.call(ORGANISER, 'window.state', { competitionId: fixture.competition.id });
    expect(view.entries.map((w) => w.kind)).toEqual(['unscheduled', 'unscheduled', 'unscheduled', 'unscheduled']);
    clock.now += 24 * 60 * MIN;
    const sheet = await core.call(fixture.jurors.get(BUDI)!, 'scoring.saveSheet', {
      opId: newOpId(),
      entryId: fixture.entryId('E02'),
      marks: fixture.sheet('E02', ['70', '75', '80']),
      submit: true,
    });
    expect(sheet.status).toBe('submitted');
  });
});

describe('comments on a sheet', () => {
  it('round-trips per-criterion and overall comments, removes one with an empty text and refuses overlong ones', async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    const budi = fixture.jurors.get(BUDI)!;
    const [c1, c2] = fixture.competition.criteria;
    const entryId = fixture.entryId('E01');
    const base = { entryId, marks: fixture.sheet('E01', ['80']) };
    const saved = await core.call(budi, 'scoring.saveSheet', {
      ...base,
      opId: newOpId(),
      comments: [
        { criterionId: c1.id, text: 'Ide baru di tingkat kota' },
        { criterionId: c2.id, text: '  Manfaat terukur  ' },
      ],
      comment: 'Perlu data pengguna',
    });
    expect(saved.comments).toEqual([
      { criterionId: c1.id, text: 'Ide baru di tingkat kota' },
      { criterionId: c2.id, text: 'Manfaat terukur' },
    ]);
    // Omitted comments are unchanged; '' removes one.
    await core.call(budi, 'scoring.saveSheet', { ...base, opId: newOpId(), comments: [{ criterionId: c1.id, text: '' }] });
    const read = (await core.call(budi, 'scoring.myAssignment', {})).sheets.find((s) => s.entryId === entryId)!;
    expect(read.comments).toEqual([{ criterionId: c2.id, text: 'Manfaat terukur' }]);
    expect(read.comment).toBe('Perlu data pengguna');

    await expect(
      core.call(budi, 'scoring.saveSheet', { ...base, opId: newOpId(), comments: [{ criterionId: c1.id, text: 'x'.repeat(1001) }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call(budi, 'scoring.saveSheet', { ...base, opId: newOpId(), comment: 'y'.repeat(4001) })).rejects.toMatchObject({ code: 'VALIDATION' });
    // Exactly at the limits is accepted.
    const full = await core.call(budi, 'scoring.saveSheet', { ...base, opId: newOpId(), comments: [{ criterionId: c1.id, text: 'x'.repeat(1000) }], comment: 'y'.repeat(4000) });
    expect(full.comment).toHaveLength(4000);
    // Another juror never sees them.
    const maya = await core.call(fixture.jurors.get(MAYA)!, 'scoring.myAssignment', {});
    expect(maya.sheets.find((s) => s.entryId === entryId)).toBeUndefined();
  });
});
