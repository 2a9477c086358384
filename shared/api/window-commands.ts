/** window commands and push events: scoring window: open/close with the slot, extensions, late approvals (issue 5). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { entryWindow, windowRule } from '../window';
import { command, event, type CommandDef, type EventDef } from './define';

const byCompetition = z.object({ competitionId: s.id }).strict();
const CONTROL = ['organiser', 'chair'] as const;

export const windowView = z.object({
  rule: windowRule.extend({ openPhaseName: z.string() }),
  /** The core's clock when this was read, for the client's countdown. */
  serverNow: z.number().int(),
  /** Every entry of the open session's stage; empty while no session is open. */
  entries: z.array(entryWindow),
});
export type WindowView = z.output<typeof windowView>;

export const lateSubmission = z.object({
  id: s.id,
  entryId: s.id,
  jurorId: s.id,
  status: z.enum(['pending', 'approved', 'declined']),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type LateSubmission = z.output<typeof lateSubmission>;

export const windowCommands = {
  /** The competition's rule: scoring opens at phase `openPhaseIndex` of a slot, closes `graceSeconds` after its last phase. */
  'window.configure': command({
    input: z.object({ competitionId: s.id, ...windowRule.shape }).strict(),
    output: windowView,
    roles: ['organiser'],
  }),
  'window.state': command({ input: byCompetition, output: windowView, roles: ['organiser', 'chair', 'juror'] }),
  /** Keeps an entry's window open `minutes` longer than it would close (or from now, when closed); logged. */
  'window.extend': command({
    input: z.object({ competitionId: s.id, entryId: s.id, minutes: z.number().int().min(1).max(120) }).strict(),
    output: windowView,
    roles: CONTROL,
  }),
  /** Late submissions of the active stage: pending first, then decided ones, newest first. */
  'window.lateList': command({ input: byCompetition, output: z.array(lateSubmission), roles: CONTROL }),
  /**
   * The chair's decision on a late submission: approving writes the sheet (submitted), declining
   * keeps it out; both are logged with the chair's name. The only way a sheet gets in after close.
   */
  'window.decideLate': command({
    input: z
      .object({ lateId: s.id, approve: z.boolean(), reason: z.string().trim().max(500, 'validation.tooLong').optional() })
      .strict(),
    output: lateSubmission,
    roles: ['chair'],
  }),
} satisfies Record<string, CommandDef>;

export const windowEvents = {
  /** The rule or an extension changed: clients read window.state again. */
  'window.changed': event({ payload: byCompetition, roles: ['organiser', 'chair', 'juror'] }),
  'window.lateChanged': event({
    payload: z.object({ competitionId: s.id, lateId: s.id, entryId: s.id, jurorId: s.id, status: lateSubmission.shape.status }),
    roles: ['organiser', 'chair', 'juror'],
  }),
} satisfies Record<string, EventDef>;
