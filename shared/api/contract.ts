/**
 * The one contract: every command the system accepts, with its input and output schemas and the
 * roles allowed to call it, and every push event. Both transports (IPC, HTTP + WebSocket), the
 * renderer's api client and the CLI are typed from this file.
 */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { command, event, type CommandDef, type EventDef } from './define';
import { dashboardCommands, dashboardEvents } from './dashboard-commands';
import { networkCommands, networkEvents } from './network-commands';
import { scheduleCommands, scheduleEvents } from './schedule-commands';
import { timerCommands, timerEvents } from './timer-commands';
import { setupCommands } from './setup-commands';
import { windowCommands, windowEvents } from './window-commands';
import { fallbackCommands, fallbackEvents } from './fallback-commands';
import { finaliseCommands, finaliseEvents } from './finalise-commands';
import { reportCommands, reportEvents } from './report-commands';
import { signingCommands, signingEvents } from './signing-commands';
import { analysisCommands, analysisEvents } from './analysis-commands';
import { shellCommands, shellEvents } from './shell-commands';
import { signaturePadCommands, signaturePadEvents } from './signature-pad-commands';

export type { CommandDef, EventDef };
const none = z.object({}).strict();
const byCompetition = z.object({ competitionId: s.id }).strict();
const opId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.opId');
const ALL_AUTHENTICATED = ['organiser', 'chair', 'juror', 'display'] as const;

const link = z.object({ token: z.string(), url: z.string().nullable() });

export const commands = {
  'auth.pair': command({
    input: z.object({ token: z.string().min(8).max(128), pin: z.string().min(1).max(32).optional() }).strict(),
    output: z.object({ deviceToken: z.string(), actor: s.actorView }),
    roles: [...ALL_AUTHENTICATED, 'anonymous'],
  }),
  'auth.whoami': command({
    input: none,
    output: z.object({ actor: s.actorView }),
    roles: [...ALL_AUTHENTICATED, 'anonymous'],
  }),

  'competition.create': command({ input: s.competitionDraft, output: s.competitionDetail, roles: ['organiser'] }),
  'competition.list': command({ input: none, output: z.array(s.competitionSummary), roles: ['organiser'] }),
  'competition.get': command({ input: byCompetition, output: s.competitionDetail, roles: ['organiser', 'chair'] }),

  'device.issueJurorLinks': command({
    input: byCompetition,
    output: z.object({ links: z.array(link.extend({ jurorId: s.id, name: z.string() })) }),
    roles: ['organiser'],
  }),
  'device.issueDisplayLink': command({ input: byCompetition, output: link, roles: ['organiser'] }),

  'session.open': command({
    input: z.object({ competitionId: s.id, stageId: s.id.optional() }).strict(),
    output: s.session,
    roles: ['organiser'],
  }),
  'session.close': command({ input: byCompetition, output: s.session, roles: ['organiser'] }),
  'session.current': command({
    input: byCompetition,
    output: s.session.nullable(),
    roles: ['organiser', 'chair', 'juror', 'display'],
  }),
  'session.setCurrentEntry': command({
    input: z.object({ competitionId: s.id, entryId: s.id.nullable() }).strict(),
    output: s.session,
    roles: ['organiser'],
  }),

  'scoring.myAssignment': command({
    input: none,
    output: z.object({
      competition: z.object({ id: s.id, name: z.string() }),
      juror: s.juror,
      session: s.session.nullable(),
      criteria: z.array(s.criterion),
      entries: z.array(s.entry.extend({ categoryName: z.string() })),
      sheets: z.array(s.sheet),
      /**
       * This juror's conflicts in the stage: entries they declared (or the organiser declared for
       * them) a conflict with, and entries covered by a unit conflict. Not theirs to score.
       */
      conflicts: z.array(
        z.object({ entryId: s.id, code: z.string(), title: z.string(), reason: z.string(), declaredBy: z.enum(['organiser', 'juror']) }),
      ),
    }),
    roles: ['juror', 'chair'],
  }),
  'scoring.saveSheet': command({
    input: z
      .object({
        opId,
        entryId: s.id,
        marks: z.array(z.object({ criterionId: s.id, value: s.markText })).max(200),
        submit: z.boolean().default(false),
        /** Omitted: comments unchanged. */
        comments: z.array(s.criterionComment).max(200).optional(),
        comment: s.sheetComment.optional(),
      })
      .strict(),
    output: s.sheet,
    roles: ['juror', 'chair'],
    idempotent: true,
  }),

  'progress.get': command({
    input: byCompetition,
    output: z.object({
      jurors: z.array(s.juror),
      entries: z.array(s.entry),
      cells: z.array(
        z.object({
          jurorId: s.id,
          entryId: s.id,
          status: s.sheetStatus,
          /** Present (true) when a submission after the window closed waits for the chair's approval. */
          latePending: z.literal(true).optional(),
        }),
      ),
      submittedCount: z.number().int(),
      expectedCount: z.number().int(),
    }),
    roles: ['organiser', 'chair'],
  }),
  'results.compute': command({ input: byCompetition, output: s.results, roles: ['organiser', 'chair'] }),
  'documents.recap': command({
    input: byCompetition,
    output: z.object({ filename: z.string(), mimeType: z.literal('application/pdf'), base64: z.string() }),
    roles: ['organiser', 'chair'],
  }),

  'display.state': command({
    input: none,
    output: z.object({
      competitionName: z.string(),
      /** The organiser's logo (data URL) from the competition details, if set. */
      logo: z.string().nullable(),
      session: s.session.nullable(),
      currentEntry: s.entry.nullable(),
      /** The next waiting slot's entry in the running schedule block; null when there is none. */
      nextEntry: s.entry.nullable(),
    }),
    roles: ['display'],
  }),
  /**
   * Desktop app: opens the stage display window (full screen on the external display when one is
   * connected). `opened` is false where there is no desktop shell (server mode: use a display link).
   */
  'display.openStageWindow': command({ input: byCompetition, output: z.object({ opened: z.boolean() }), roles: ['organiser'] }),
  ...setupCommands,
  ...timerCommands,
  ...networkCommands,
  ...scheduleCommands,
  ...dashboardCommands,
  ...windowCommands,
  ...fallbackCommands,
  ...finaliseCommands,
  ...reportCommands,
  ...signingCommands,
  ...analysisCommands,
  ...shellCommands,
  ...signaturePadCommands,
} satisfies Record<string, CommandDef>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;
/** What a handler receives: the input after validation, defaults and transforms. */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;


export const events = {
  'sheet.changed': event({
    payload: z.object({ competitionId: s.id, entryId: s.id, jurorId: s.id, status: s.sheetStatus }),
    roles: ['organiser', 'chair'],
  }),
  'session.changed': event({
    payload: z.object({ competitionId: s.id, session: s.session }),
    roles: ALL_AUTHENTICATED,
  }),
  'competition.changed': event({ payload: byCompetition, roles: ['organiser', 'chair'] }),
  ...timerEvents,
  ...networkEvents,
  ...scheduleEvents,
  ...dashboardEvents,
  ...windowEvents,
  ...fallbackEvents,
  ...finaliseEvents,
  ...reportEvents,
  ...signingEvents,
  ...analysisEvents,
  ...shellEvents,
  ...signaturePadEvents,
} satisfies Record<string, EventDef>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
