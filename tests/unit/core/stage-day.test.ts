/**
 * The day on stage (issue 5): slots moved between blocks, overtime per slot on the schedule and
 * through readStageOvertime, and "next up" and the logo on the stage display.
 */
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import type { Core } from '../../../electron/core';
import { openDatabase } from '../../../electron/core/db/open';
import { readStageOvertime } from '../../../electron/core/services/timer';
import { tempCore } from '../helpers';
import { setUp } from './thin-flow-fixture';

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; key: string };
  }
  throw new Error('expected a refusal');
};

async function displayActor(core: Core, competitionId: number): Promise<Actor> {
  const link = await core.call(ORGANISER, 'device.issueDisplayLink', { competitionId });
  const { deviceToken } = await core.call(ANONYMOUS, 'auth.pair', { token: link.token });
  return core.authenticate(deviceToken);
}

/** The thin flow opened for scoring, with "Hari 1 · Ruang A" holding E01..E03 and "Hari 2 · Ruang B" holding E04. */
async function twoBlocks() {
  const { core, clock, dataDir } = tempCore();
  const fixture = await setUp(core);
  const competitionId = fixture.competition.id;
  const stageId = fixture.competition.stages[0]!.id;
  const first = (await core.call(ORGANISER, 'schedule.saveBlock', { competitionId, stageId, day: 'Hari 1', room: 'Ruang A' })).blocks[0]!.id;
  const saved = await core.call(ORGANISER, 'schedule.saveBlock', { competitionId, stageId, day: 'Hari 2', room: 'Ruang B' });
  const second = saved.blocks.find((b) => b.id !== first)!.id;
  await core.call(ORGANISER, 'schedule.place', { blockId: first, entryIds: ['E01', 'E02', 'E03'].map(fixture.entryId) });
  const view = await core.call(ORGANISER, 'schedule.place', { blockId: second, entryIds: [fixture.entryId('E04')] });
  const codeOf = (id: number | null) => fixture.competition.entries.find((e) => e.id === id)?.code ?? null;
  const codes = (v: typeof view) => v.blocks.map((b) => b.slots.map((s) => codeOf(s.entryId)));
  const slotOf = (v: typeof view, code: string) => v.blocks.flatMap((b) => b.slots).find((s) => codeOf(s.entryId) === code)!;
  return { core, clock, dataDir, ...fixture, competitionId, stageId, first, second, view, codes, slotOf };
}

describe('moving slots between blocks', () => {
  it('moves a waiting slot to a position in another block and closes the gap it left', async () => {
    const { core, second, view, codes, slotOf } = await twoBlocks();
    const moved = await core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E02').id, blockId: second, position: 0 });
    expect(codes(moved)).toEqual([
      ['E01', 'E03'],
      ['E02', 'E04'],
    ]);
    expect(moved.blocks.map((b) => b.slots.map((s) => s.position))).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('refuses to move a started or finished slot to another block, and changes nothing', async () => {
    const { core, second, view, codes, slotOf } = await twoBlocks();
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E01').id });
    expect(await refusal(core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E01').id, blockId: second, position: 0 }))).toMatchObject({
      code: 'CONFLICT',
      key: 'scheduleSlotStarted',
    });
    await core.call(ORGANISER, 'schedule.setStatus', { slotId: slotOf(view, 'E02').id, status: 'done' });
    expect(await refusal(core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E02').id, blockId: second, position: 1 }))).toMatchObject({
      key: 'scheduleSlotStarted',
    });
    const after = await core.call(ORGANISER, 'schedule.get', { competitionId: view.competitionId });
    expect(codes(after)).toEqual(codes(view));
  });

  it('still reorders a slot inside its own block when the block is named', async () => {
    const { core, first, view, codes, slotOf } = await twoBlocks();
    const moved = await core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E03').id, blockId: first, position: 0 });
    expect(codes(moved)[0]).toEqual(['E03', 'E01', 'E02']);
  });

  it('refuses a block of another stage', async () => {
    const { core, competitionId, view, slotOf } = await twoBlocks();
    const detail = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Final', weight: '0' });
    const otherStageId = detail.stages.find((s) => s.name === 'Final')!.id;
    const other = await core.call(ORGANISER, 'schedule.saveBlock', { competitionId, stageId: otherStageId, day: 'Hari 3', room: 'Aula' });
    expect(await refusal(core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E01').id, blockId: other.blocks[0]!.id, position: 0 }))).toMatchObject({
      key: 'scheduleMoveOtherStage',
    });
  });
});

describe('overtime per slot', () => {
  it('shows the summed overtime of an entry on its slot and gives the phases to readStageOvertime', async () => {
    const { core, clock, dataDir, competitionId, stageId, view, slotOf, entryId } = await twoBlocks();
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E01').id });
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    clock.now += 7 * 60_000 + 42_000; // Presentasi 7:00, took 7:42
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'next', expectedVersion: 1 });
    clock.now += 12 * 60_000; // Tanya jawab 13:00, took 12:00: no overtime
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'next', expectedVersion: 2 });
    const after = await core.call(ORGANISER, 'schedule.get', { competitionId });
    expect(slotOf(after, 'E01').overtimeMs).toBe(42_000);
    expect(slotOf(after, 'E02').overtimeMs).toBeNull();
    // Penilaian 3:00 still running at 3:30 when the next slot starts: its overtime goes to E01's slot.
    clock.now += 3 * 60_000 + 30_000;
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E02').id });
    const next = await core.call(ORGANISER, 'schedule.get', { competitionId });
    expect([slotOf(next, 'E01').overtimeMs, slotOf(next, 'E02').overtimeMs]).toEqual([72_000, null]);
    expect((await core.call(ORGANISER, 'timer.state', { competitionId })).state).toMatchObject({ phaseIndex: 0, running: false });
    core.close();

    const db = openDatabase(dataDir);
    try {
      const overtime = readStageOvertime(db, stageId).get(entryId('E01'))!;
      expect(overtime.overtimeMs).toBe(72_000);
      expect(overtime.phases.map((p) => [p.phaseName, p.plannedMs, p.elapsedMs, p.overtimeMs])).toEqual([
        ['Presentasi', 420_000, 462_000, 42_000],
        ['Tanya jawab', 780_000, 720_000, 0],
        ['Penilaian', 180_000, 210_000, 30_000],
      ]);
    } finally {
      db.close();
    }
  });
});

describe('stage display: next up and logo', () => {
  it('names the next waiting slot of the running block, skipping breaks and finished slots', async () => {
    const { core, competitionId, first, view, slotOf } = await twoBlocks();
    const display = await displayActor(core, competitionId);
    await core.call(ORGANISER, 'schedule.addBreak', { blockId: first, label: 'Istirahat', minutes: 15, position: 1 });
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E01').id });
    let state = await core.call(display, 'display.state', {});
    expect([state.currentEntry?.code, state.nextEntry?.code]).toEqual(['E01', 'E02']);

    // E02 is marked absent: E03 is next; when E03 is on stage nothing waits in Ruang A (E04 is in another block).
    await core.call(ORGANISER, 'schedule.setStatus', { slotId: slotOf(view, 'E02').id, status: 'absent' });
    state = await core.call(display, 'display.state', {});
    expect(state.nextEntry?.code).toBe('E03');
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E03').id });
    state = await core.call(display, 'display.state', {});
    expect(state.currentEntry?.code).toBe('E03');
    expect(state.nextEntry).toBeNull();
  });

  it('follows the order after a move, and says nothing once the session is closed', async () => {
    const { core, competitionId, view, slotOf } = await twoBlocks();
    const display = await displayActor(core, competitionId);
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E01').id });
    await core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E03').id, position: 1 });
    expect((await core.call(display, 'display.state', {})).nextEntry?.code).toBe('E03');
    await core.call(ORGANISER, 'session.close', { competitionId });
    expect((await core.call(display, 'display.state', {})).nextEntry).toBeNull();
  });

  it('pushes schedule changes to the display so its next up refreshes', async () => {
    const { core, competitionId, view, slotOf } = await twoBlocks();
    const display = await displayActor(core, competitionId);
    const seen: string[] = [];
    core.subscribe((push, canReceive) => canReceive(display) && seen.push(push.event));
    await core.call(ORGANISER, 'schedule.move', { slotId: slotOf(view, 'E03').id, position: 0 });
    expect(seen).toContain('schedule.changed');
  });

  it('carries the organiser logo set in the details', async () => {
    const { core, competitionId } = await twoBlocks();
    const display = await displayActor(core, competitionId);
    expect((await core.call(display, 'display.state', {})).logo).toBeNull();
    const detail = await core.call(ORGANISER, 'competition.get', { competitionId });
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await core.call(ORGANISER, 'competition.updateDetails', { competitionId, name: detail.name, ...detail.details, logo });
    expect((await core.call(display, 'display.state', {})).logo).toBe(logo);
  });
});

describe('opening the stage window', () => {
  it('answers opened: false without a desktop shell, and asks the shell for the competition when there is one', async () => {
    const { core, competitionId } = await twoBlocks();
    expect(await core.call(ORGANISER, 'display.openStageWindow', { competitionId })).toEqual({ opened: false });
    const asked: number[] = [];
    core.setNetworkController({
      status: () => ({ mode: 'local', url: null, lanUrls: [] }),
      setMode: async () => ({ mode: 'local', url: null, lanUrls: [] }),
      openStageDisplay: (id) => (asked.push(id), true),
    });
    expect(await core.call(ORGANISER, 'display.openStageWindow', { competitionId })).toEqual({ opened: true });
    expect(asked).toEqual([competitionId]);
  });

  it('is the organiser\'s alone: a display or a juror cannot open windows', async () => {
    const { core, competitionId, jurors } = await twoBlocks();
    const display = await displayActor(core, competitionId);
    for (const actor of [display, jurors.get('Ir. Budi Santoso')!]) {
      expect(await refusal(core.call(actor, 'display.openStageWindow', { competitionId }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('the running slot follows the phase timer', () => {
  it('goes presenting → Q&A → scoring → done as the timekeeper moves through the three default phases', async () => {
    const { core, competitionId, view, slotOf } = await twoBlocks();
    const statusOf = async (code: string) => slotOf(await core.call(ORGANISER, 'schedule.get', { competitionId }), code).status;
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E01').id });
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    expect(await statusOf('E01')).toBe('presenting');
    const seen: string[] = [];
    for (let version = 1; version <= 3; version += 1) {
      await core.call(ORGANISER, 'timer.control', { competitionId, action: 'next', expectedVersion: version });
      seen.push(await statusOf('E01'));
    }
    expect(seen).toEqual(['qa', 'scoring', 'done']);
    expect(await statusOf('E02')).toBe('waiting');
    core.close();
  });

  it('leaves a slot alone that the organiser marked absent, and a stage without a running slot', async () => {
    const { core, competitionId, view, slotOf } = await twoBlocks();
    await core.call(ORGANISER, 'schedule.startSlot', { slotId: slotOf(view, 'E01').id });
    await core.call(ORGANISER, 'schedule.setStatus', { slotId: slotOf(view, 'E01').id, status: 'absent' });
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'next', expectedVersion: 1 });
    const after = await core.call(ORGANISER, 'schedule.get', { competitionId });
    expect(slotOf(after, 'E01').status).toBe('absent');
    core.close();
  });
});
