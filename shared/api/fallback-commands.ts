/** fallback commands and push events: kiosk mode and the paper fallback with two-person confirmation (issue 5). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { command, event, type CommandDef, type EventDef } from './define';

const byCompetition = z.object({ competitionId: s.id }).strict();
const kioskToken = z.string().min(8).max(128);

/** One juror on the kiosk's roster: a juror without a PIN is listed but cannot switch in. */
export const kioskJuror = z.object({ id: s.id, name: z.string(), title: z.string(), role: z.enum(['chair', 'member']), hasPin: z.boolean() });

/** A person's name as typed under a paper sheet: compared without case and extra spaces. */
export const typistName = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong');
export const normalizeTypist = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

export const paperSlot = z.union([z.literal(1), z.literal(2)]);
export const paperTyping = z.object({
  slot: paperSlot,
  typist: z.string(),
  marks: z.array(s.mark),
  typedAt: z.string(),
});
/** One juror's paper sheet for one entry: both typings, where they differ, and whether it counts. */
export const paperPair = z.object({
  stageId: s.id,
  jurorId: s.id,
  entryId: s.id,
  typings: z.array(paperTyping),
  /** Criteria whose marks differ between the two typings (empty until both exist). */
  differences: z.array(s.id),
  /** Both typings matched: the sheet was written as submitted. */
  confirmed: z.boolean(),
  /** Why this pair cannot be typed (an `errors.*` key), or null. */
  refusal: z.string().nullable(),
});
export const paperPairStatus = z.enum(['first', 'mismatch', 'confirmed']);

const pairInput = { competitionId: s.id, jurorId: s.id, entryId: s.id };

export const fallbackCommands = {
  'kiosk.roster': command({
    input: byCompetition,
    output: z.object({ competition: z.object({ id: s.id, name: z.string() }), jurors: z.array(kioskJuror), idleSeconds: z.number().int() }),
    roles: ['organiser'],
  }),
  /** A juror types their PIN on the organiser's laptop and gets a short-lived token to score as themself. */
  'kiosk.switchIn': command({
    input: z.object({ competitionId: s.id, jurorId: s.id, pin: z.string().min(1).max(32) }).strict(),
    output: z.object({ kioskToken: z.string(), actor: s.actorView }),
    roles: ['organiser'],
  }),
  'kiosk.switchOut': command({
    input: z.object({ kioskToken, reason: z.enum(['manual', 'idle']).default('manual') }).strict(),
    output: z.object({ ended: z.boolean() }),
    roles: ['organiser'],
  }),

  'paper.overview': command({
    input: byCompetition,
    output: z.object({
      stage: z.object({ id: s.id, name: z.string() }),
      jurors: z.array(z.object({ id: s.id, name: z.string() })),
      entries: z.array(z.object({ id: s.id, code: z.string(), title: z.string() })),
      criteria: z.array(s.criterion),
      /** Pairs with at least one typing. */
      pairs: z.array(z.object({ jurorId: s.id, entryId: s.id, status: paperPairStatus })),
    }),
    roles: ['organiser'],
  }),
  'paper.get': command({ input: z.object(pairInput).strict(), output: paperPair, roles: ['organiser'] }),
  /** Types (or corrects) one of the two typings; when both match, the sheet is written as submitted. */
  'paper.type': command({
    input: z
      .object({
        ...pairInput,
        slot: paperSlot,
        typist: typistName,
        marks: z.array(z.object({ criterionId: s.id, value: s.markText })).max(200),
      })
      .strict(),
    output: paperPair,
    roles: ['organiser'],
  }),
} satisfies Record<string, CommandDef>;

export const fallbackEvents = {
  'paper.changed': event({ payload: z.object({ competitionId: s.id, jurorId: s.id, entryId: s.id }), roles: ['organiser'] }),
} satisfies Record<string, EventDef>;
