/** dashboard commands and push events (issue 5). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { command, event, type CommandDef, type EventDef } from './define';

const byCompetition = z.object({ competitionId: s.id }).strict();
const CONTROL = ['organiser', 'chair'] as const;

export const reopening = z.object({
  entryId: s.id,
  jurorId: s.id,
  reason: z.string(),
  reopenedBy: z.string(),
  reopenedAt: z.string(),
});

/** Advisory quality figures of the active stage (submitted sheets only), for the chair's eyes. */
export const liveQuality = z.object({
  stageName: z.string(),
  /** Severity flagged when |severity| reaches this share of the total's range (e.g. "0.1"). */
  severityThreshold: z.string(),
  outlierThreshold: z.string(),
  jurors: z.array(
    z.object({
      jurorId: s.id,
      entries: z.number().int(),
      shared: z.number().int(),
      /** Mean offset from the other jurors' totals, 2 decimals; negative = harsher. */
      severity: z.string().nullable(),
      spread: z.string().nullable(),
      outliers: z.number().int(),
      flag: z.enum(['harsh', 'lenient']).nullable(),
    }),
  ),
  outliers: z.array(
    z.object({ entryId: s.id, jurorId: s.id, criterionId: s.id, value: z.string(), othersMedian: z.string(), deviation: z.string() }),
  ),
});

export const dashboardCommands = {
  /** Turns a submitted sheet back to draft so the juror can correct it; the reason is logged. */
  'sheet.reopen': command({
    input: z
      .object({ competitionId: s.id, entryId: s.id, jurorId: s.id, reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong') })
      .strict(),
    output: s.sheet,
    roles: CONTROL,
  }),
  /** The reopenings of the active stage, oldest first. */
  'sheet.reopenings': command({ input: byCompetition, output: z.array(reopening), roles: CONTROL }),
  'quality.live': command({ input: byCompetition, output: liveQuality, roles: CONTROL }),
} satisfies Record<string, CommandDef>;

export const dashboardEvents = {
  /** Also to jurors (of the competition), so the juror whose sheet it is reloads and can correct it. */
  'sheet.reopened': event({
    payload: z.object({ competitionId: s.id, entryId: s.id, jurorId: s.id, reason: z.string() }),
    roles: ['organiser', 'chair', 'juror'],
  }),
} satisfies Record<string, EventDef>;
