/**
 * The running slot's status follows the phase timer, so the schedule page and "next up" never lag
 * the room: the first phase is the presentation, the last of three or more is scoring, any phase in
 * between is Q&A; moving on past the last phase marks the slot done. Only a slot that is already
 * running (started with schedule.startSlot) follows; a slot set by hand to absent or withdrawn, or
 * not started, is left alone. Phases are named freely per competition, so their position is what counts.
 */
import type { SlotStatus } from '@shared/api/schedule-commands';
import type { HandlerContext } from '../registry';
import { currentSession } from './load';

export function statusForPhase(phaseIndex: number, phaseCount: number): SlotStatus {
  if (phaseIndex === 0) return 'presenting';
  return phaseCount >= 3 && phaseIndex === phaseCount - 1 ? 'scoring' : 'qa';
}

/** Called by timer.control after a phase change; `finished` when "next" moved past the last phase. */
export function followTimer(ctx: HandlerContext, competitionId: number, phaseIndex: number, phaseCount: number, finished: boolean): void {
  const session = currentSession(ctx.db, competitionId);
  if (!session || session.currentEntryId === null) return;
  const slot = ctx.db
    .prepare(
      `SELECT sl.id, sl.status FROM schedule_slots sl JOIN schedule_blocks b ON b.id = sl.block_id
       WHERE b.stage_id = ? AND sl.entry_id = ? AND sl.status IN ('presenting', 'qa', 'scoring')`,
    )
    .get(session.stageId, session.currentEntryId) as { id: number; status: SlotStatus } | undefined;
  if (!slot) return;
  const status = finished ? 'done' : statusForPhase(phaseIndex, phaseCount);
  if (status === slot.status) return;
  ctx.db.prepare('UPDATE schedule_slots SET status = ? WHERE id = ?').run(status, slot.id);
  ctx.emit('schedule.changed', { competitionId, stageId: session.stageId });
}
