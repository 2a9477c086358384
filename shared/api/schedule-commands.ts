/** schedule commands and push events (issue 5). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { fileOutput } from '../domain/setup';
import { command, event, type CommandDef, type EventDef } from './define';

const organiser = ['organiser'] as const;

/** The life of one slot on the day; breaks stay `waiting` until they pass. */
export const SLOT_STATUSES = ['waiting', 'presenting', 'qa', 'scoring', 'done', 'absent', 'withdrawn'] as const;
export const slotStatus = z.enum(SLOT_STATUSES);
export type SlotStatus = z.output<typeof slotStatus>;
/** Slots that may change block: not yet on stage (absent ones are called again later). */
export const MOVABLE_SLOT_STATUSES: ReadonlySet<SlotStatus> = new Set(['waiting', 'absent', 'withdrawn']);

/** A slot: an entry in its turn, or a break (no entry, a label and a length in minutes). */
export const scheduleSlot = z.object({
  id: s.id,
  position: z.number().int().min(0),
  entryId: s.id.nullable(),
  breakLabel: z.string().nullable(),
  breakMinutes: z.number().int().nullable(),
  status: slotStatus,
  /** Time over the planned length summed over the entry's recorded phases (timer log); null when none ran over. */
  overtimeMs: z.number().int().min(0).nullable(),
});
export type ScheduleSlot = z.output<typeof scheduleSlot>;

/** How a block's order was drawn: the seed anyone can re-run with, and when. */
export const scheduleDraw = z.object({ seed: z.number().int(), drawnAt: z.string() });

/** One session of a stage on one day in one room, e.g. "Hari 1 · Ruang A". */
export const scheduleBlock = z.object({
  id: s.id,
  stageId: s.id,
  day: z.string(),
  room: z.string(),
  position: z.number().int().min(0),
  draw: scheduleDraw.nullable(),
  slots: z.array(scheduleSlot),
});
export type ScheduleBlock = z.output<typeof scheduleBlock>;

export const scheduleView = z.object({
  competitionId: s.id,
  stageId: s.id,
  blocks: z.array(scheduleBlock),
  /** Entries of the stage (in list order) not yet placed in any block. */
  unplacedEntryIds: z.array(s.id),
});
export type ScheduleView = z.output<typeof scheduleView>;

const label = z.string().trim().min(1, 'validation.required').max(60);
const seed = z.number().int().min(0).max(999_999);

export const scheduleCommands = {
  /** The stage's blocks and slots (default: the stage being scored, else the first). */
  'schedule.get': command({
    input: z.object({ competitionId: s.id, stageId: s.id.optional() }).strict(),
    output: scheduleView,
    roles: ['organiser', 'chair'],
  }),
  /** Creates a day + room block (no id) or renames one. */
  'schedule.saveBlock': command({
    input: z.object({ competitionId: s.id, stageId: s.id, id: s.id.optional(), day: label, room: label }).strict(),
    output: scheduleView,
    roles: organiser,
  }),
  'schedule.deleteBlock': command({ input: z.object({ blockId: s.id }).strict(), output: scheduleView, roles: organiser }),
  /** Appends the entries, in this order, at the end of the block (taking them out of any other block). */
  'schedule.place': command({
    input: z.object({ blockId: s.id, entryIds: z.array(s.id).min(1).max(2000) }).strict(),
    output: scheduleView,
    roles: organiser,
  }),
  /**
   * Moves a slot to a 0-based position inside its block, or inside `blockId` (another block of the
   * same stage, e.g. another room or day). Started and finished slots stay where they ran.
   */
  'schedule.move': command({
    input: z.object({ slotId: s.id, position: z.number().int().min(0), blockId: s.id.optional() }).strict(),
    output: scheduleView,
    roles: organiser,
  }),
  /** Inserts a break (at the end, or at a position). */
  'schedule.addBreak': command({
    input: z
      .object({ blockId: s.id, label, minutes: z.number().int().min(1).max(600), position: z.number().int().min(0).optional() })
      .strict(),
    output: scheduleView,
    roles: organiser,
  }),
  /** Takes a slot out of the block: a break, or an entry (back to the unplaced list). */
  'schedule.removeSlot': command({ input: z.object({ slotId: s.id }).strict(), output: scheduleView, roles: organiser }),
  'schedule.setStatus': command({ input: z.object({ slotId: s.id, status: slotStatus }).strict(), output: scheduleView, roles: organiser }),
  /** A no-show: marked absent and moved to the end of its block, to be called again later. */
  'schedule.moveAbsentToEnd': command({ input: z.object({ slotId: s.id }).strict(), output: scheduleView, roles: organiser }),
  /** Puts the slot's entry on stage (session.currentEntryId) and marks the slot presenting. */
  'schedule.startSlot': command({ input: z.object({ slotId: s.id }).strict(), output: scheduleView, roles: organiser }),
  /**
   * Draws the order of the block's entries by lot: the entries sorted by code, shuffled by
   * Fisher–Yates driven by mulberry32(seed). Breaks keep their places. The seed is recorded.
   */
  'schedule.draw': command({ input: z.object({ blockId: s.id, seed: seed.optional() }).strict(), output: scheduleView, roles: organiser }),
  /** The printed draw sheet (PDF) of a block's last draw. */
  'schedule.drawSheet': command({ input: z.object({ blockId: s.id }).strict(), output: fileOutput, roles: organiser }),
} satisfies Record<string, CommandDef>;

export const scheduleEvents = {
  /** The stage display listens too: its "next up" follows the running order. */
  'schedule.changed': event({ payload: z.object({ competitionId: s.id, stageId: s.id }), roles: ['organiser', 'chair', 'display'] }),
} satisfies Record<string, EventDef>;
