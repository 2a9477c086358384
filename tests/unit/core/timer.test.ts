import { describe, expect, it } from 'vitest';
import type { PushEnvelope } from '@shared/api/envelope';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import { createCore } from '../../../electron/core';
import { tempCore, thinDraft } from '../helpers';
import { setUp } from './thin-flow-fixture';

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; key: string };
  }
  throw new Error('expected a refusal');
};

async function displayActor(core: Awaited<ReturnType<typeof tempCore>>['core'], competitionId: number): Promise<Actor> {
  const link = await core.call(ORGANISER, 'device.issueDisplayLink', { competitionId });
  const { deviceToken } = await core.call(ANONYMOUS, 'auth.pair', { token: link.token });
  return core.authenticate(deviceToken);
}

describe('phase timer in the core', () => {
  it('starts from the KIPP 2022 phases and runs on the core clock', async () => {
    const { core, clock } = tempCore();
    const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
    const competitionId = competition.id;
    const before = await core.call(ORGANISER, 'timer.state', { competitionId });
    expect(before).toMatchObject({ version: 0, serverNow: clock.now, state: { running: false, phaseIndex: 0 } });
    expect(before.phases.map((p) => p.seconds)).toEqual([420, 780, 180]);

    const started = await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    expect(started).toMatchObject({ version: 1, state: { running: true, startedAt: clock.now, accumulatedMs: 0 } });
    clock.now += 61_000;
    expect(await core.call(ANONYMOUS, 'time.now', {})).toEqual({ serverNow: clock.now });
    const paused = await core.call(ORGANISER, 'timer.control', { competitionId, action: 'pause', expectedVersion: 1 });
    expect(paused.state).toEqual({ phaseIndex: 0, startedAt: null, accumulatedMs: 61_000, addedMs: 0, running: false });
  });

  it('refuses a stale press (two controllers at once) and changes nothing, emitting nothing', async () => {
    const { core, clock } = tempCore();
    const { id: competitionId } = await core.call(ORGANISER, 'competition.create', thinDraft());
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    const pushes: PushEnvelope[] = [];
    core.subscribe((push) => pushes.push(push));
    clock.now += 5000;
    // The second controller still showed version 0 and pressed "start" → "pause" would be its intent.
    const error = await refusal(core.call(ORGANISER, 'timer.control', { competitionId, action: 'pause', expectedVersion: 0 }));
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'timerStale' });
    const after = await core.call(ORGANISER, 'timer.state', { competitionId });
    expect(after).toMatchObject({ version: 1, state: { running: true, accumulatedMs: 0 } });
    expect(pushes).toEqual([]);
  });

  it('announces every change to the devices of that competition', async () => {
    const { core } = tempCore();
    const { competition } = await setUp(core);
    const display = await displayActor(core, competition.id);
    const received: PushEnvelope[] = [];
    core.subscribe((push, canReceive) => canReceive(display) && received.push(push));
    await core.call(ORGANISER, 'timer.control', { competitionId: competition.id, action: 'start', expectedVersion: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ event: 'timer.changed', payload: { competitionId: competition.id, version: 1, state: { running: true } } });
  });

  it('lets jurors, the chair and the display read the timer but never control it', async () => {
    const { core } = tempCore();
    const { competition, jurors } = await setUp(core);
    const competitionId = competition.id;
    const display = await displayActor(core, competitionId);
    for (const actor of [jurors.get('Ir. Budi Santoso')!, jurors.get('Dr. Ratna Sari')!, display]) {
      expect((await core.call(actor, 'timer.state', { competitionId })).version).toBe(0);
      expect(await refusal(core.call(actor, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal(core.call(actor, 'timer.configure', { competitionId, phases: [{ name: 'X', seconds: 60, warnAt: 10, dangerAt: 5 }] }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await refusal(core.call(ANONYMOUS, 'timer.state', { competitionId }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // A device of another competition does not see this one.
    const other = await core.call(ORGANISER, 'competition.create', { ...thinDraft(), name: 'Lain' });
    expect(await refusal(core.call(display, 'timer.state', { competitionId: other.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows the entry on stage and the next one, and records how long each phase of the slot took', async () => {
    const { core, clock, dataDir } = tempCore();
    const { competition, entryId } = await setUp(core);
    const competitionId = competition.id;
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId, entryId: entryId('E02') });
    const state = await core.call(ORGANISER, 'timer.state', { competitionId });
    expect([state.entry?.code, state.nextEntry?.code]).toEqual(['E02', 'E03']);

    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    clock.now += 7 * 60_000 + 45_000; // 45 s over
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'next', expectedVersion: 1 });
    core.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${dataDir}/ruang-juri.sqlite`, { readonly: true, fileMustExist: false });
    const rows = db.prepare('SELECT entry_id, phase_name, planned_ms, elapsed_ms, overtime_ms FROM timer_phase_log').all();
    db.close();
    expect(rows).toEqual([{ entry_id: entryId('E02'), phase_name: 'Presentasi', planned_ms: 420_000, elapsed_ms: 465_000, overtime_ms: 45_000 }]);
  });

  it('logs a phase cut short by another entry taking the stage against the entry that left, and waits at the first phase', async () => {
    const { core, clock, dataDir } = tempCore();
    const { competition, entryId } = await setUp(core);
    const competitionId = competition.id;
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId, entryId: entryId('E01') });
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 0 });
    clock.now += 7 * 60_000;
    await core.call(ORGANISER, 'timer.control', { competitionId, action: 'next', expectedVersion: 1 });
    clock.now += 14 * 60_000; // Tanya jawab 13:00 ran a minute over when E02 was called up
    const pushed: string[] = [];
    core.subscribe((push) => pushed.push(push.event));
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId, entryId: entryId('E02') });
    const after = await core.call(ORGANISER, 'timer.state', { competitionId });
    expect(after).toMatchObject({ version: 3, state: { phaseIndex: 0, running: false, accumulatedMs: 0, addedMs: 0 }, entry: { code: 'E02' } });
    expect(pushed).toContain('timer.changed');
    // Setting the same entry again changes nothing; a stopped, idle timer is left as it is.
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId, entryId: entryId('E02') });
    await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId, entryId: entryId('E03') });
    expect((await core.call(ORGANISER, 'timer.state', { competitionId })).version).toBe(3);
    core.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${dataDir}/ruang-juri.sqlite`, { readonly: true });
    const rows = db.prepare('SELECT entry_id, phase_name, elapsed_ms, overtime_ms FROM timer_phase_log ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { entry_id: entryId('E01'), phase_name: 'Presentasi', elapsed_ms: 420_000, overtime_ms: 0 },
      { entry_id: entryId('E01'), phase_name: 'Tanya jawab', elapsed_ms: 840_000, overtime_ms: 60_000 },
    ]);
  });

  it('survives closing and reopening the core: a running phase kept running while the core was down', async () => {
    const first = tempCore();
    const { id: competitionId } = await first.core.call(ORGANISER, 'competition.create', thinDraft());
    await first.core.call(ORGANISER, 'timer.configure', {
      competitionId,
      phases: [
        { name: 'Paparan', seconds: 600, warnAt: 120, dangerAt: 30 },
        { name: 'Tanya jawab', seconds: 1200, warnAt: 120, dangerAt: 30 },
      ],
    });
    await first.core.call(ORGANISER, 'timer.control', { competitionId, action: 'start', expectedVersion: 1 });
    first.clock.now += 100_000;
    await first.core.call(ORGANISER, 'timer.control', { competitionId, action: 'addMinute', expectedVersion: 2 });
    const startedAt = first.clock.now - 100_000;
    first.core.close();

    // The app restarts 5 minutes later on the same data folder.
    const restartAt = first.clock.now + 300_000;
    const core = createCore({ dataDir: first.dataDir, now: () => restartAt });
    try {
      const state = await core.call(ORGANISER, 'timer.state', { competitionId });
      expect(state).toMatchObject({
        version: 3,
        serverNow: restartAt,
        state: { phaseIndex: 0, running: true, startedAt, accumulatedMs: 0, addedMs: 60_000 },
      });
      expect(state.phases.map((p) => p.name)).toEqual(['Paparan', 'Tanya jawab']);
      const { remaining } = await import('@shared/timer');
      // 10 min + 1 added − (100 s + 300 s) = 260 s left
      expect(remaining(state.state, state.phases, state.serverNow).remainingMs).toBe(260_000);
      // and it is still controllable with the persisted version
      const paused = await core.call(ORGANISER, 'timer.control', { competitionId, action: 'pause', expectedVersion: 3 });
      expect(paused.state.accumulatedMs).toBe(400_000);
    } finally {
      core.close();
    }
  });
});
