/**
 * The phase timer (issue 5): one persisted state per competition, changed only by organiser
 * commands. Nothing ticks here: clients derive the countdown from the state and the core's clock
 * (time.now), so a restart of the core simply reads the same row and the countdown continues.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { Entry } from '@shared/domain/schemas';
import { applyTimerAction, DEFAULT_PHASES, IDLE_STATE, remaining, timerPhases, type TimerPhase, type TimerState } from '@shared/timer';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertCompetition, currentSession, loadEntries } from './load';
import { followTimer } from './slot-progress';

interface TimerRow {
  phases_json: string;
  phase_index: number;
  started_at: number | null;
  accumulated_ms: number;
  added_ms: number;
  running: number;
  version: number;
}

export interface TimerView {
  competitionId: number;
  phases: TimerPhase[];
  state: TimerState;
  version: number;
}

/** The stored timer, or the default phases (KIPP 2022) at version 0 when none was stored yet. */
export function readTimer(db: Database, competitionId: number): TimerView {
  const row = db.prepare('SELECT * FROM timers WHERE competition_id = ?').get(competitionId) as TimerRow | undefined;
  if (!row) return { competitionId, phases: DEFAULT_PHASES.map((p) => ({ ...p })), state: { ...IDLE_STATE }, version: 0 };
  const phases = timerPhases.parse(JSON.parse(row.phases_json));
  return {
    competitionId,
    phases,
    state: {
      phaseIndex: Math.min(row.phase_index, phases.length - 1),
      startedAt: row.started_at,
      accumulatedMs: row.accumulated_ms,
      addedMs: row.added_ms,
      running: row.running === 1,
    },
    version: row.version,
  };
}

function writeTimer(ctx: HandlerContext, view: TimerView): TimerView {
  const { state } = view;
  ctx.db
    .prepare(
      `INSERT INTO timers (competition_id, phases_json, phase_index, started_at, accumulated_ms, added_ms, running, version, updated_at)
       VALUES (@competitionId, @phases, @phaseIndex, @startedAt, @accumulatedMs, @addedMs, @running, @version, @now)
       ON CONFLICT (competition_id) DO UPDATE SET phases_json = excluded.phases_json, phase_index = excluded.phase_index,
         started_at = excluded.started_at, accumulated_ms = excluded.accumulated_ms, added_ms = excluded.added_ms,
         running = excluded.running, version = excluded.version, updated_at = excluded.updated_at`,
    )
    .run({
      competitionId: view.competitionId,
      phases: JSON.stringify(view.phases),
      phaseIndex: state.phaseIndex,
      startedAt: state.startedAt,
      accumulatedMs: state.accumulatedMs,
      addedMs: state.addedMs,
      running: state.running ? 1 : 0,
      version: view.version,
      now: ctx.now,
    });
  ctx.emit('timer.changed', view);
  return view;
}

/** How long the phase that is ending really took, against the entry on stage: overtime per slot. */
function logPhase(ctx: HandlerContext, before: TimerView, nowMs: number): void {
  const r = remaining(before.state, before.phases, nowMs);
  if (r.elapsedMs <= 0) return;
  const session = currentSession(ctx.db, before.competitionId);
  const open = session?.status === 'open' ? session : null;
  ctx.db
    .prepare(
      `INSERT INTO timer_phase_log (competition_id, session_id, entry_id, phase_index, phase_name, planned_ms, elapsed_ms, overtime_ms, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(before.competitionId, open?.id ?? null, open?.currentEntryId ?? null, r.phaseIndex, r.phase.name, r.durationMs, r.elapsedMs, Math.max(0, -r.remainingMs), ctx.now);
}

const isIdle = (state: TimerState) =>
  state.phaseIndex === IDLE_STATE.phaseIndex && !state.running && state.accumulatedMs === 0 && state.addedMs === 0;

/**
 * The entry on stage is about to change (a slot started, or the entry set by hand). A phase still
 * under way belongs to the entry leaving: it is logged against that entry (its overtime counts on its
 * slot), and the timer waits at the first phase for the next entry instead of carrying the old
 * entry's clock over. Call before the session's current entry is updated.
 */
export function endPhaseForStageChange(ctx: HandlerContext, competitionId: number): void {
  const current = readTimer(ctx.db, competitionId);
  if (isIdle(current.state)) return;
  logPhase(ctx, current, Date.parse(ctx.now));
  ctx.audit('timer.control', { competitionId, action: 'reset', phaseIndex: 0, reason: 'stageChanged' });
  writeTimer(ctx, { ...current, state: { ...IDLE_STATE }, version: current.version + 1 });
}

export interface PhaseOvertime {
  phaseName: string;
  plannedMs: number;
  elapsedMs: number;
  overtimeMs: number;
  recordedAt: string;
}
export interface EntryOvertime {
  entryId: number;
  /** Sum over the entry's recorded phases. */
  overtimeMs: number;
  phases: PhaseOvertime[];
}

/**
 * The time each entry's phases really took in one stage's sessions, from the phase log written on
 * every "next phase" and when another entry takes the stage mid-phase: for the schedule page and
 * for later documents (minutes of the day).
 */
export function readStageOvertime(db: Database, stageId: number): Map<number, EntryOvertime> {
  const rows = db
    .prepare(
      `SELECT l.entry_id, l.phase_name, l.planned_ms, l.elapsed_ms, l.overtime_ms, l.recorded_at
         FROM timer_phase_log l JOIN sessions s ON s.id = l.session_id
        WHERE s.stage_id = ? AND l.entry_id IS NOT NULL ORDER BY l.id`,
    )
    .all(stageId) as { entry_id: number; phase_name: string; planned_ms: number; elapsed_ms: number; overtime_ms: number; recorded_at: string }[];
  const byEntry = new Map<number, EntryOvertime>();
  for (const row of rows) {
    let entry = byEntry.get(row.entry_id);
    if (!entry) byEntry.set(row.entry_id, (entry = { entryId: row.entry_id, overtimeMs: 0, phases: [] }));
    entry.overtimeMs += row.overtime_ms;
    entry.phases.push({ phaseName: row.phase_name, plannedMs: row.planned_ms, elapsedMs: row.elapsed_ms, overtimeMs: row.overtime_ms, recordedAt: row.recorded_at });
  }
  return byEntry;
}

/** The entry on stage and the next active one in list order (the display uses it when the stage has no schedule). */
export function stageEntries(ctx: HandlerContext, competitionId: number): { entry: Entry | null; nextEntry: Entry | null } {
  const session = currentSession(ctx.db, competitionId);
  if (!session || session.currentEntryId === null) return { entry: null, nextEntry: null };
  const entries = loadEntries(ctx.db, competitionId);
  const index = entries.findIndex((e) => e.id === session.currentEntryId);
  if (index < 0) return { entry: null, nextEntry: null };
  const nextEntry = session.status === 'open' ? (entries.slice(index + 1).find((e) => e.status === 'active') ?? null) : null;
  return { entry: entries[index], nextEntry };
}

export const timerHandlers: HandlerMap = {
  'timer.configure'(ctx, { competitionId, phases }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const current = readTimer(ctx.db, competitionId);
    ctx.audit('timer.configure', { competitionId, phases });
    return writeTimer(ctx, { competitionId, phases, state: { ...IDLE_STATE }, version: current.version + 1 });
  },
  'timer.control'(ctx, { competitionId, action, expectedVersion }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const current = readTimer(ctx.db, competitionId);
    if (expectedVersion !== current.version) throw new AppError('CONFLICT', 'timerStale', { version: current.version });
    const nowMs = Date.parse(ctx.now);
    const result = applyTimerAction(current.state, current.phases, action, nowMs);
    if ('refused' in result) throw new AppError('CONFLICT', result.refused);
    if (action === 'next') {
      logPhase(ctx, current, nowMs);
      const finished = current.state.phaseIndex + 1 >= current.phases.length;
      followTimer(ctx, competitionId, result.state.phaseIndex, current.phases.length, finished);
    }
    ctx.audit('timer.control', { competitionId, action, phaseIndex: result.state.phaseIndex });
    return writeTimer(ctx, { ...current, state: result.state, version: current.version + 1 });
  },
  'timer.state'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return { ...readTimer(ctx.db, competitionId), serverNow: Date.parse(ctx.now), ...stageEntries(ctx, competitionId) };
  },
  'time.now'(ctx) {
    return { serverNow: Date.parse(ctx.now) };
  },
};
