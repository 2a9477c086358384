/** timer commands and push events (issue 5). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { TIMER_ACTIONS, timerPhases, timerState } from '../timer';
import { command, event, type CommandDef, type EventDef } from './define';

const DEVICES = ['organiser', 'chair', 'juror', 'display'] as const;

/** What every screen needs to draw the countdown: the phases, the state and its version. */
const timerView = z.object({ competitionId: s.id, phases: timerPhases, state: timerState, version: z.number().int().min(0) });

export const timerCommands = {
  /** Replaces the phase list; the timer goes back to the first phase, stopped. */
  'timer.configure': command({
    input: z.object({ competitionId: s.id, phases: timerPhases }).strict(),
    output: timerView,
    roles: ['organiser'],
  }),
  /**
   * One press of a control. `expectedVersion` is the version the pressing screen showed: a press made
   * on an outdated view (another controller pressed first) is refused with CONFLICT timerStale.
   */
  'timer.control': command({
    input: z.object({ competitionId: s.id, action: z.enum(TIMER_ACTIONS), expectedVersion: z.number().int().min(0) }).strict(),
    output: timerView,
    roles: ['organiser'],
  }),
  /** The timer with the core's clock reading and the entry on stage (and the one after it). */
  'timer.state': command({
    input: z.object({ competitionId: s.id }).strict(),
    output: timerView.extend({ serverNow: z.number().int(), entry: s.entry.nullable(), nextEntry: s.entry.nullable() }),
    roles: DEVICES,
  }),
  /** The core's clock, for clients to estimate their offset to it (anyone may ask). */
  'time.now': command({
    input: z.object({}).strict(),
    output: z.object({ serverNow: z.number().int() }),
    roles: [...DEVICES, 'anonymous'],
  }),
} satisfies Record<string, CommandDef>;

export const timerEvents = {
  'timer.changed': event({ payload: timerView, roles: DEVICES }),
} satisfies Record<string, EventDef>;
