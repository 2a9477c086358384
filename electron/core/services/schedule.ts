/** The running order (issue 5): blocks of slots per stage, drawing lots, starting a slot. */
import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { MOVABLE_SLOT_STATUSES, type ScheduleView, type SlotStatus } from '@shared/api/schedule-commands';
import { AppError } from '@shared/api/errors';
import { translate, type Locale } from '@shared/i18n';
import { renderDrawSheetPdf, type DrawSheetInput } from '../documents/draw-sheet';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';
import { drawOrder } from './draw';
import { activeStage, assertCompetition, currentSession, loadCompetitionDetail, requireOpenSession } from './load';
import { endPhaseForStageChange, readStageOvertime } from './timer';

export interface BlockRow {
  id: number;
  stage_id: number;
  day: string;
  room: string;
  position: number;
  draw_seed: number | null;
  draw_order: string | null;
  drawn_at: string | null;
  competition_id: number;
}
interface SlotRow {
  id: number;
  block_id: number;
  position: number;
  entry_id: number | null;
  break_label: string | null;
  break_minutes: number | null;
  status: SlotStatus;
}

const translateRole = (locale: Locale, key: string) => translate(locale, `schedule.${key}`);
const blockName = (block: Pick<BlockRow, 'day' | 'room'>) => `${block.day} · ${block.room}`;

function stageOf(db: Database, competitionId: number, stageId: number): { id: number; name: string } {
  const stage = db.prepare('SELECT id, name FROM stages WHERE id = ? AND competition_id = ?').get(stageId, competitionId) as
    | { id: number; name: string }
    | undefined;
  if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
  return stage;
}

function requireBlock(ctx: HandlerContext, blockId: number): BlockRow {
  const block = ctx.db
    .prepare('SELECT b.*, s.competition_id FROM schedule_blocks b JOIN stages s ON s.id = b.stage_id WHERE b.id = ?')
    .get(blockId) as BlockRow | undefined;
  if (!block) throw new AppError('NOT_FOUND', 'scheduleBlockNotFound');
  assertCompetition(ctx.db, ctx.actor, block.competition_id);
  return block;
}

function requireSlot(ctx: HandlerContext, slotId: number): { slot: SlotRow; block: BlockRow } {
  const slot = ctx.db.prepare('SELECT * FROM schedule_slots WHERE id = ?').get(slotId) as SlotRow | undefined;
  if (!slot) throw new AppError('NOT_FOUND', 'scheduleSlotNotFound');
  return { slot, block: requireBlock(ctx, slot.block_id) };
}

const slotsOf = (db: Database, blockId: number): SlotRow[] =>
  db.prepare('SELECT * FROM schedule_slots WHERE block_id = ? ORDER BY position, id').all(blockId) as SlotRow[];

/** Writes positions 0..n-1 in the given order. */
function renumber(db: Database, slotIds: readonly number[]): void {
  const update = db.prepare('UPDATE schedule_slots SET position = ? WHERE id = ?');
  slotIds.forEach((id, position) => update.run(position, id));
}

function moveTo(db: Database, blockId: number, slotId: number, position: number): void {
  const ids = slotsOf(db, blockId).map((s) => s.id).filter((id) => id !== slotId);
  ids.splice(Math.min(position, ids.length), 0, slotId);
  renumber(db, ids);
}

export function loadSchedule(db: Database, competitionId: number, stageId: number): ScheduleView {
  const blocks = db.prepare('SELECT * FROM schedule_blocks WHERE stage_id = ? ORDER BY position, id').all(stageId) as BlockRow[];
  const placed = new Set<number>();
  const overtime = readStageOvertime(db, stageId);
  const view = blocks.map((block) => {
    const slots = slotsOf(db, block.id);
    for (const slot of slots) if (slot.entry_id !== null) placed.add(slot.entry_id);
    return {
      id: block.id,
      stageId: block.stage_id,
      day: block.day,
      room: block.room,
      position: block.position,
      draw: block.draw_seed === null ? null : { seed: block.draw_seed, drawnAt: block.drawn_at! },
      slots: slots.map((slot) => ({
        id: slot.id,
        position: slot.position,
        entryId: slot.entry_id,
        breakLabel: slot.break_label,
        breakMinutes: slot.break_minutes,
        status: slot.status,
        overtimeMs: slot.entry_id === null ? null : overtime.get(slot.entry_id)?.overtimeMs || null,
      })),
    };
  });
  const stageEntries = db
    .prepare('SELECT e.id FROM stage_entries se JOIN entries e ON e.id = se.entry_id WHERE se.stage_id = ? ORDER BY e.position, e.id')
    .all(stageId) as { id: number }[];
  return { competitionId, stageId, blocks: view, unplacedEntryIds: stageEntries.map((e) => e.id).filter((id) => !placed.has(id)) };
}

/** Slots that have been (or are) on stage: their block is the one running. */
const RAN_STATUSES: ReadonlySet<SlotStatus> = new Set(['presenting', 'qa', 'scoring', 'done']);

/**
 * The entry called after the one on stage: the next waiting entry slot of the running block (the
 * block holding the current entry's slot; without one, the first block where slots have run and
 * some still wait). Null when nothing waits there.
 */
export function nextUpEntryId(db: Database, stageId: number, currentEntryId: number | null): number | null {
  const slots = db
    .prepare(
      `SELECT sl.block_id, sl.position, sl.entry_id, sl.status FROM schedule_slots sl JOIN schedule_blocks b ON b.id = sl.block_id
        WHERE b.stage_id = ? ORDER BY b.position, b.id, sl.position, sl.id`,
    )
    .all(stageId) as Pick<SlotRow, 'block_id' | 'position' | 'entry_id' | 'status'>[];
  const waitingAfter = (blockId: number, position: number) =>
    slots.find((s) => s.block_id === blockId && s.position > position && s.entry_id !== null && s.status === 'waiting')?.entry_id ?? null;
  const current = currentEntryId === null ? undefined : slots.find((s) => s.entry_id === currentEntryId);
  if (current) return waitingAfter(current.block_id, current.position);
  const ran = slots.find((s) => s.entry_id !== null && RAN_STATUSES.has(s.status) && waitingAfter(s.block_id, -1) !== null);
  return ran ? waitingAfter(ran.block_id, -1) : null;
}

export const stageHasSchedule = (db: Database, stageId: number): boolean =>
  Boolean(db.prepare('SELECT 1 FROM schedule_blocks WHERE stage_id = ? LIMIT 1').get(stageId));

/** Announces the change and answers with the stage's schedule. */
function changed(ctx: HandlerContext, block: Pick<BlockRow, 'competition_id' | 'stage_id'>, action: string, details: Record<string, unknown>) {
  ctx.audit(action, details);
  ctx.emit('schedule.changed', { competitionId: block.competition_id, stageId: block.stage_id });
  return loadSchedule(ctx.db, block.competition_id, block.stage_id);
}

const entrySlots = (slots: readonly SlotRow[]) => slots.filter((s) => s.entry_id !== null);

/** What the draw sheet prints for a drawn block (read inside the transaction). */
export function drawSheetInput(db: Database, block: BlockRow): DrawSheetInput {
  if (block.draw_seed === null) throw new AppError('CONFLICT', 'scheduleNotDrawn');
  const { name, details, entries, jurors, stages } = loadCompetitionDetail(db, block.competition_id);
  const byId = new Map(entries.map((e) => [e.id, e]));
  // The order as drawn (later moves by hand are not part of the draw); deleted entries drop out.
  const order = (JSON.parse(block.draw_order ?? '[]') as number[]).map((id) => byId.get(id)).filter((e) => e !== undefined);
  const locale = details.documentLocale;
  const chair = jurors.find((j) => j.role === 'chair');
  const secretary = jurors.find((j) => j.role === 'secretary');
  return {
    competitionName: name,
    stageName: stages.find((s) => s.id === block.stage_id)?.name ?? '',
    blockName: blockName(block),
    seed: block.draw_seed,
    drawnAt: block.drawn_at!,
    order: order.map((e) => ({ code: e.code, title: e.title, unit: e.unit })),
    signatories: [
      { role: translateRole(locale, 'sheetChair'), name: chair?.name ?? '' },
      { role: translateRole(locale, 'sheetSecretary'), name: secretary?.name ?? '' },
    ],
    locale,
  };
}

export const scheduleHandlers: HandlerMap = {
  'schedule.get'(ctx, { competitionId, stageId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const stage = stageId === undefined ? activeStage(ctx.db, competitionId) : stageOf(ctx.db, competitionId, stageId);
    if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
    return loadSchedule(ctx.db, competitionId, stage.id);
  },

  'schedule.saveBlock'(ctx, { competitionId, stageId, id, day, room }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    stageOf(ctx.db, competitionId, stageId);
    if (id !== undefined) {
      const block = requireBlock(ctx, id);
      if (block.stage_id !== stageId) throw new AppError('NOT_FOUND', 'scheduleBlockNotFound');
      ctx.db.prepare('UPDATE schedule_blocks SET day = ?, room = ? WHERE id = ?').run(day, room, id);
      return changed(ctx, block, 'schedule.renameBlock', { blockId: id, day, room });
    }
    const { next } = ctx.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM schedule_blocks WHERE stage_id = ?').get(stageId) as {
      next: number;
    };
    const { lastInsertRowid } = ctx.db.prepare('INSERT INTO schedule_blocks (stage_id, day, room, position) VALUES (?, ?, ?, ?)').run(stageId, day, room, next);
    return changed(ctx, { competition_id: competitionId, stage_id: stageId }, 'schedule.addBlock', { blockId: Number(lastInsertRowid), day, room });
  },

  'schedule.deleteBlock'(ctx, { blockId }) {
    const block = requireBlock(ctx, blockId);
    if (slotsOf(ctx.db, blockId).some((s) => s.entry_id !== null && s.status !== 'waiting' && s.status !== 'absent'))
      throw new AppError('CONFLICT', 'scheduleBlockStarted');
    ctx.db.prepare('DELETE FROM schedule_blocks WHERE id = ?').run(blockId);
    return changed(ctx, block, 'schedule.deleteBlock', { blockId });
  },

  'schedule.place'(ctx, { blockId, entryIds }) {
    const block = requireBlock(ctx, blockId);
    if (new Set(entryIds).size !== entryIds.length) throw new AppError('VALIDATION', 'scheduleDuplicateEntry');
    const inStage = ctx.db.prepare('SELECT 1 FROM stage_entries WHERE stage_id = ? AND entry_id = ?');
    for (const entryId of entryIds) if (!inStage.get(block.stage_id, entryId)) throw new AppError('NOT_FOUND', 'entryNotInStage');
    // An entry has one slot per stage: placing it again takes it out of its old slot.
    const old = ctx.db.prepare(
      `SELECT sl.id, sl.block_id FROM schedule_slots sl JOIN schedule_blocks b ON b.id = sl.block_id WHERE b.stage_id = ? AND sl.entry_id = ?`,
    );
    const touched = new Set<number>();
    for (const entryId of entryIds) {
      const row = old.get(block.stage_id, entryId) as { id: number; block_id: number } | undefined;
      if (row) {
        ctx.db.prepare('DELETE FROM schedule_slots WHERE id = ?').run(row.id);
        touched.add(row.block_id);
      }
    }
    for (const other of touched) renumber(ctx.db, slotsOf(ctx.db, other).map((s) => s.id));
    const start = slotsOf(ctx.db, blockId).length;
    const insert = ctx.db.prepare('INSERT INTO schedule_slots (block_id, position, entry_id) VALUES (?, ?, ?)');
    entryIds.forEach((entryId, i) => insert.run(blockId, start + i, entryId));
    return changed(ctx, block, 'schedule.place', { blockId, entryIds });
  },

  'schedule.move'(ctx, { slotId, position, blockId }) {
    const { slot, block } = requireSlot(ctx, slotId);
    if (blockId === undefined || blockId === block.id) {
      moveTo(ctx.db, block.id, slot.id, position);
      return changed(ctx, block, 'schedule.move', { slotId, position });
    }
    const target = requireBlock(ctx, blockId);
    if (target.stage_id !== block.stage_id) throw new AppError('CONFLICT', 'scheduleMoveOtherStage');
    // A slot that has run (or is running) belongs to the room and day where it ran.
    if (!MOVABLE_SLOT_STATUSES.has(slot.status)) throw new AppError('CONFLICT', 'scheduleSlotStarted');
    ctx.db.prepare('UPDATE schedule_slots SET block_id = ?, position = ? WHERE id = ?').run(target.id, Number.MAX_SAFE_INTEGER, slot.id);
    renumber(ctx.db, slotsOf(ctx.db, block.id).map((s) => s.id));
    moveTo(ctx.db, target.id, slot.id, position);
    return changed(ctx, block, 'schedule.move', { slotId, position, fromBlockId: block.id, toBlockId: target.id });
  },

  'schedule.addBreak'(ctx, { blockId, label, minutes, position }) {
    const block = requireBlock(ctx, blockId);
    const count = slotsOf(ctx.db, blockId).length;
    const { lastInsertRowid } = ctx.db
      .prepare('INSERT INTO schedule_slots (block_id, position, break_label, break_minutes) VALUES (?, ?, ?, ?)')
      .run(blockId, count, label, minutes);
    if (position !== undefined) moveTo(ctx.db, blockId, Number(lastInsertRowid), position);
    return changed(ctx, block, 'schedule.addBreak', { blockId, label, minutes });
  },

  'schedule.removeSlot'(ctx, { slotId }) {
    const { slot, block } = requireSlot(ctx, slotId);
    ctx.db.prepare('DELETE FROM schedule_slots WHERE id = ?').run(slotId);
    renumber(ctx.db, slotsOf(ctx.db, block.id).map((s) => s.id));
    return changed(ctx, block, 'schedule.removeSlot', { slotId, entryId: slot.entry_id });
  },

  'schedule.setStatus'(ctx, { slotId, status }) {
    const { slot, block } = requireSlot(ctx, slotId);
    if (slot.entry_id === null && status !== 'waiting' && status !== 'done') throw new AppError('VALIDATION', 'scheduleBreakStatus');
    ctx.db.prepare('UPDATE schedule_slots SET status = ? WHERE id = ?').run(status, slotId);
    return changed(ctx, block, 'schedule.setStatus', { slotId, status });
  },

  'schedule.moveAbsentToEnd'(ctx, { slotId }) {
    const { slot, block } = requireSlot(ctx, slotId);
    if (slot.entry_id === null) throw new AppError('VALIDATION', 'scheduleBreakStatus');
    ctx.db.prepare(`UPDATE schedule_slots SET status = 'absent' WHERE id = ?`).run(slotId);
    moveTo(ctx.db, block.id, slotId, Number.MAX_SAFE_INTEGER);
    return changed(ctx, block, 'schedule.moveAbsentToEnd', { slotId, entryId: slot.entry_id });
  },

  'schedule.startSlot'(ctx, { slotId }) {
    const { slot, block } = requireSlot(ctx, slotId);
    if (slot.entry_id === null) throw new AppError('VALIDATION', 'scheduleBreakStatus');
    const session = requireOpenSession(ctx.db, block.competition_id);
    if (session.stageId !== block.stage_id) throw new AppError('CONFLICT', 'scheduleOtherStage');
    if (slot.status === 'withdrawn') throw new AppError('CONFLICT', 'scheduleSlotWithdrawn');
    // The slot that was on stage (if still presenting, Q&A or scoring) stays as it is: the
    // organiser marks it done; starting another one only moves the stage on.
    if (slot.entry_id !== session.currentEntryId) endPhaseForStageChange(ctx, block.competition_id);
    ctx.db.prepare(`UPDATE schedule_slots SET status = 'presenting' WHERE id = ?`).run(slotId);
    ctx.db.prepare('UPDATE sessions SET current_entry_id = ? WHERE id = ?').run(slot.entry_id, session.id);
    ctx.audit('session.setCurrentEntry', { competitionId: block.competition_id, entryId: slot.entry_id });
    ctx.emit('session.changed', { competitionId: block.competition_id, session: currentSession(ctx.db, block.competition_id)! });
    return changed(ctx, block, 'schedule.startSlot', { slotId, entryId: slot.entry_id });
  },

  'schedule.draw'(ctx, { blockId, seed }) {
    const block = requireBlock(ctx, blockId);
    const slots = slotsOf(ctx.db, blockId);
    if (slots.some((s) => s.status !== 'waiting')) throw new AppError('CONFLICT', 'scheduleBlockStarted');
    const entries = entrySlots(slots);
    if (entries.length === 0) throw new AppError('VALIDATION', 'scheduleNothingToDraw');
    const used = seed ?? randomInt(100_000, 1_000_000);
    const codes = ctx.db.prepare('SELECT code FROM entries WHERE id = ?');
    const drawn = drawOrder(
      entries.map((s) => ({ id: s.entry_id!, code: (codes.get(s.entry_id) as { code: string }).code, slotId: s.id })),
      used,
    );
    // Breaks keep their positions; the entry slots take the drawn order in the remaining places.
    const queue = [...drawn];
    renumber(
      ctx.db,
      slots.map((s) => (s.entry_id === null ? s.id : queue.shift()!.slotId)),
    );
    ctx.db
      .prepare('UPDATE schedule_blocks SET draw_seed = ?, draw_order = ?, drawn_at = ? WHERE id = ?')
      .run(used, JSON.stringify(drawn.map((d) => d.id)), ctx.now, blockId);
    return changed(ctx, block, 'schedule.draw', { blockId, seed: used, order: drawn.map((d) => d.id) });
  },

  'schedule.drawSheet'(ctx, { blockId }) {
    const block = requireBlock(ctx, blockId);
    const input = drawSheetInput(ctx.db, block);
    return afterCommit(async () => ({
      filename: `pengundian-${block.id}-${block.drawn_at!.slice(0, 10)}.pdf`,
      mimeType: 'application/pdf',
      base64: (await renderDrawSheetPdf(input)).toString('base64'),
    }));
  },
};
