/** report commands and push events: official documents: score sheets, Berita Acara, decree, certificates, setup sheet (issue 6). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import { id } from '../domain/primitives';
import { command, type CommandDef, type EventDef } from './define';

/** The documents `documents.render` produces (the draw sheet has its own command in the schedule). */
export const RENDERABLE_KINDS = ['recap', 'score-sheets', 'berita-acara', 'decree', 'certificates', 'setup'] as const;
export const renderableKind = z.enum(RENDERABLE_KINDS);
export type RenderableKind = z.output<typeof renderableKind>;

/** Certificates are rendered in batches the client asks for one after the other, so it can show progress. */
export const CERTIFICATE_BATCH_MAX = 200;

export const reportCommands = {
  'documents.render': command({
    input: z
      .object({
        competitionId: id,
        /** Default: the active stage. */
        stageId: id.optional(),
        kind: renderableKind,
        /** Score sheets of one juror only (default: every scoring juror). */
        jurorId: id.optional(),
        /** Score sheets or certificates of these entries only. */
        entryIds: z.array(id).max(100_000).optional(),
        /** Certificates: also one per ranked participant without an award. */
        includeParticipants: z.boolean().optional(),
        /** Certificates: this slice of the recipients (in rank order); omitted: all of them. */
        batch: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(CERTIFICATE_BATCH_MAX) }).strict().optional(),
        /**
         * Sign the PDF with the competition's certificate. Default: yes when the result is final (and a
         * certificate is installed), no while provisional; `true` signs a provisional one too (watermark
         * kept) and fails without a certificate. Fails with `signingLocked` until `signing.unlock`.
         */
        sign: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      filename: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
      pages: z.number().int(),
      /** The registered document number printed on it. */
      number: z.string(),
      /** Result snapshot version (0: provisional, printed "SEMENTARA") and hash. */
      version: z.number().int(),
      hash: z.string().nullable(),
      /** Certificates: how many this file holds and how many there are in all. */
      count: z.number().int(),
      total: z.number().int(),
      /** Signed digitally (PKCS#7 detached), with the visible "Ditandatangani secara elektronik oleh …" line. */
      signed: z.boolean(),
      /** What was left out so the document could print, in the caller's language (e.g. an unreadable logo). */
      notices: z.array(z.string()),
    }),
    roles: ['organiser', 'chair'],
  }),
} satisfies Record<string, CommandDef>;

export const reportEvents = {} satisfies Record<string, EventDef>;
