/**
 * The scoring window (issue 5): per competition a rule (open at phase X of a slot, close at the end
 * of the last phase plus grace), per entry the chair's extensions, and late submissions held for the
 * chair's decision. The window itself is derived (shared/window.ts) from the timer, the schedule and
 * the timer's phase log; nothing ticks. Stages without a schedule have no window (see computeWindow).
 */
import type { Database } from 'better-sqlite3';
import type { LateSubmission, WindowView } from '@shared/api/window-commands';
import { AppError } from '@shared/api/errors';
import { actorLabel } from '@shared/domain/actor';
import { computeWindow, DEFAULT_WINDOW_RULE, type EntryWindow, type WindowRule } from '@shared/window';
import type { HandlerContext, HandlerMap } from '../registry';
import type { Session } from '@shared/domain/schemas';
import { activeStage, assertCompetition, currentSession, requireEntry, requireOpenSession } from './load';
import { sheetView, type LatePayload } from './sheet-extras';
import { writeSheet, type SheetWrite } from './sheet-write';
import { readTimer } from './timer';

export function readRule(db: Database, competitionId: number): WindowRule {
  const row = db.prepare('SELECT open_phase_index, grace_seconds FROM scoring_window_rules WHERE competition_id = ?').get(competitionId) as
    | { open_phase_index: number; grace_seconds: number }
    | undefined;
  return row ? { openPhaseIndex: row.open_phase_index, graceSeconds: row.grace_seconds } : { ...DEFAULT_WINDOW_RULE };
}

/**
 * Windows of the open session's entries (or of one entry) at core time `now`. The caller has read
 * the session already (it had to be open), so it is passed in rather than read again on every save.
 */
export function windowsOf(db: Database, session: Session, now: number, onlyEntryId?: number): EntryWindow[] {
  const { competitionId, stageId } = session;
  const { phases, state } = readTimer(db, competitionId);
  const rule = readRule(db, competitionId);
  const onStageId = session.status === 'open' ? session.currentEntryId : null;
  // One entry (every mark save) reads that entry's rows only; the whole stage is read for the dashboard.
  const entry = onlyEntryId ?? null;
  const slots = new Map(
    (
      db
        .prepare(
          'SELECT sl.entry_id, sl.status FROM schedule_slots sl JOIN schedule_blocks b ON b.id = sl.block_id WHERE b.stage_id = ? AND sl.entry_id IS NOT NULL AND (? IS NULL OR sl.entry_id = ?)',
        )
        .all(stageId, entry, entry) as { entry_id: number; status: string }[]
    ).map((r) => [r.entry_id, r.status]),
  );
  const lastEnded = new Map(
    (
      db
        .prepare(
          `SELECT entry_id, MAX(recorded_at) AS at FROM timer_phase_log
           WHERE competition_id = ? AND phase_index = ? AND entry_id IS NOT NULL AND (? IS NULL OR entry_id = ?)
             AND session_id IN (SELECT id FROM sessions WHERE stage_id = ?)
           GROUP BY entry_id`,
        )
        .all(competitionId, phases.length - 1, entry, entry, stageId) as { entry_id: number; at: string }[]
    ).map((r) => [r.entry_id, Date.parse(r.at)]),
  );
  const extended = new Map(
    (db
      .prepare('SELECT entry_id, MAX(until_ms) AS until_ms FROM scoring_window_extensions WHERE stage_id = ? AND (? IS NULL OR entry_id = ?) GROUP BY entry_id')
      .all(stageId, entry, entry) as {
      entry_id: number;
      until_ms: number;
    }[]).map((r) => [r.entry_id, r.until_ms]),
  );
  const entryIds =
    onlyEntryId !== undefined
      ? [onlyEntryId]
      : (db.prepare('SELECT se.entry_id FROM stage_entries se JOIN entries e ON e.id = se.entry_id WHERE se.stage_id = ? ORDER BY e.position, e.id').all(stageId) as { entry_id: number }[]).map(
          (r) => r.entry_id,
        );
  return entryIds.map((entryId) => {
    const slotStatus = slots.get(entryId);
    return computeWindow(entryId, {
      scheduled: slotStatus !== undefined,
      slotStarted: slotStatus !== undefined && slotStatus !== 'waiting' && slotStatus !== 'absent',
      onStage: onStageId === entryId,
      phases,
      timer: state,
      lastPhaseEndedAt: lastEnded.get(entryId) ?? null,
      extendedUntil: extended.get(entryId) ?? null,
      rule,
      now,
    });
  });
}

function loadView(db: Database, competitionId: number, now: number): WindowView {
  const rule = readRule(db, competitionId);
  const { phases } = readTimer(db, competitionId);
  const session = currentSession(db, competitionId);
  const openPhaseName = phases[Math.min(rule.openPhaseIndex, phases.length - 1)].name;
  const entries = session?.status === 'open' ? windowsOf(db, session, now) : [];
  return { rule: { ...rule, openPhaseName }, serverNow: now, entries };
}

interface LateRow {
  id: number;
  stage_id: number;
  entry_id: number;
  juror_id: number;
  op_id: string;
  payload_json: string;
  status: LateSubmission['status'];
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

const toLate = (r: LateRow): LateSubmission => ({
  id: r.id,
  entryId: r.entry_id,
  jurorId: r.juror_id,
  status: r.status,
  submittedAt: r.submitted_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
});

/**
 * A juror's write outside the window. Drafts are refused (the juror's device keeps them); a
 * submission after close is checked like any other and held as pending for the chair.
 */
export function holdLateSubmission(ctx: HandlerContext, write: SheetWrite, window: EntryWindow) {
  if (window.kind === 'notYet') throw new AppError('CONFLICT', 'windowNotOpen');
  if (!write.submit) throw new AppError('CONFLICT', 'windowClosed');
  writeSheet(ctx, { ...write, validateOnly: true });
  const { stageId, entryId, jurorId, opId, competitionId } = write;
  const payload: LatePayload = { marks: write.marks, comments: write.comments };
  // A new late submission replaces a pending one of the same sheet: the chair decides on the latest.
  ctx.db.prepare(`DELETE FROM late_submissions WHERE stage_id = ? AND entry_id = ? AND juror_id = ? AND status = 'pending'`).run(stageId, entryId, jurorId);
  const { lastInsertRowid } = ctx.db
    .prepare(`INSERT INTO late_submissions (stage_id, entry_id, juror_id, op_id, payload_json, status, submitted_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`)
    .run(stageId, entryId, jurorId, opId, JSON.stringify(payload), ctx.now);
  const lateId = Number(lastInsertRowid);
  ctx.audit('window.lateSubmitted', { lateId, stageId, entryId, jurorId, opId, closesAt: window.closesAt, ...payload });
  ctx.emit('window.lateChanged', { competitionId, lateId, entryId, jurorId, status: 'pending' });
  return sheetView(ctx.db, { stageId, entryId, jurorId });
}

function changedView(ctx: HandlerContext, competitionId: number): WindowView {
  ctx.emit('window.changed', { competitionId });
  return loadView(ctx.db, competitionId, Date.parse(ctx.now));
}

export const windowHandlers: HandlerMap = {
  'window.configure'(ctx, { competitionId, openPhaseIndex, graceSeconds }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    ctx.db
      .prepare(
        `INSERT INTO scoring_window_rules (competition_id, open_phase_index, grace_seconds, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (competition_id) DO UPDATE SET open_phase_index = excluded.open_phase_index, grace_seconds = excluded.grace_seconds, updated_at = excluded.updated_at`,
      )
      .run(competitionId, openPhaseIndex, graceSeconds, ctx.now);
    ctx.audit('window.configure', { competitionId, openPhaseIndex, graceSeconds });
    return changedView(ctx, competitionId);
  },

  'window.state'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return loadView(ctx.db, competitionId, Date.parse(ctx.now));
  },

  'window.extend'(ctx, { competitionId, entryId, minutes }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const session = requireOpenSession(ctx.db, competitionId);
    requireEntry(ctx.db, competitionId, entryId);
    const now = Date.parse(ctx.now);
    const [window] = windowsOf(ctx.db, session, now, entryId);
    if (window.kind === 'unscheduled') throw new AppError('CONFLICT', 'windowNotApplicable');
    if (window.kind === 'notYet') throw new AppError('CONFLICT', 'windowNotOpen');
    const untilMs = Math.max(window.closesAt ?? now, now) + minutes * 60_000;
    ctx.db
      .prepare('INSERT INTO scoring_window_extensions (stage_id, entry_id, minutes, until_ms, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(session.stageId, entryId, minutes, untilMs, actorLabel(ctx.actor), ctx.now);
    ctx.audit('window.extend', { competitionId, stageId: session.stageId, entryId, minutes, until: new Date(untilMs).toISOString() });
    return changedView(ctx, competitionId);
  },

  'window.lateList'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const stage = activeStage(ctx.db, competitionId);
    const rows = ctx.db
      .prepare(`SELECT * FROM late_submissions WHERE stage_id = ? ORDER BY status = 'pending' DESC, id DESC`)
      .all(stage.id) as LateRow[];
    return rows.map(toLate);
  },

  'window.decideLate'(ctx, { lateId, approve, reason }) {
    const row = ctx.db.prepare('SELECT * FROM late_submissions WHERE id = ?').get(lateId) as LateRow | undefined;
    const stage = row && (ctx.db.prepare('SELECT competition_id FROM stages WHERE id = ?').get(row.stage_id) as { competition_id: number });
    if (!row || !stage) throw new AppError('NOT_FOUND', 'lateNotFound');
    assertCompetition(ctx.db, ctx.actor, stage.competition_id);
    if (ctx.actor.role !== 'chair') throw new AppError('FORBIDDEN', 'forbidden');
    if (ctx.actor.jurorId === row.juror_id) throw new AppError('FORBIDDEN', 'lateOwnSubmission');
    if (row.status !== 'pending') throw new AppError('CONFLICT', 'lateAlreadyDecided');
    const competitionId = stage.competition_id;
    if (approve) {
      const payload = JSON.parse(row.payload_json) as LatePayload;
      writeSheet(ctx, {
        competitionId,
        stageId: row.stage_id,
        entryId: row.entry_id,
        jurorId: row.juror_id,
        opId: row.op_id,
        marks: payload.marks,
        comments: payload.comments,
        submit: true,
        source: 'juror',
      });
    }
    const status = approve ? 'approved' : 'declined';
    const decidedBy = actorLabel(ctx.actor);
    ctx.db
      .prepare('UPDATE late_submissions SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?')
      .run(status, decidedBy, ctx.now, reason || null, lateId);
    const chair = ctx.db.prepare('SELECT name FROM jurors WHERE id = ?').get(ctx.actor.jurorId) as { name: string } | undefined;
    ctx.audit(approve ? 'window.lateApproved' : 'window.lateDeclined', {
      lateId,
      stageId: row.stage_id,
      entryId: row.entry_id,
      jurorId: row.juror_id,
      decidedBy,
      decidedByName: chair?.name ?? null,
      reason: reason || null,
    });
    ctx.emit('window.lateChanged', { competitionId, lateId, entryId: row.entry_id, jurorId: row.juror_id, status });
    return toLate(ctx.db.prepare('SELECT * FROM late_submissions WHERE id = ?').get(lateId) as LateRow);
  },
};
