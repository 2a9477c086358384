/**
 * signature-pad commands: drawn signatures of jurors and the chair (issue 6), one per juror per
 * stage, for the signature blocks of that stage's score sheets and Berita Acara. Spread into
 * shared/api/contract.ts.
 */
import { z } from 'zod';
import { id } from '../domain/primitives';
import { command, type CommandDef, type EventDef } from './define';

/** The largest PNG accepted (decoded bytes): a signature drawn on a phone is far smaller. */
export const SIGNATURE_MAX_BYTES = 200 * 1024;
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
export const pngDataUrl = z
  .string()
  // Twice the limit in base64: the handler then says exactly how large a signature may be.
  .max(PNG_DATA_URL_PREFIX.length + Math.ceil((SIGNATURE_MAX_BYTES * 8) / 3) + 4, 'validation.tooLong')
  .startsWith(PNG_DATA_URL_PREFIX, 'validation.format');

/** Which signature: a stage (default: the active one) and a juror (a juror or chair device: always their own). */
const target = { competitionId: id, stageId: id.optional(), jurorId: id.optional() };

export const drawnSignatureView = z.object({
  stageId: id,
  jurorId: id,
  /** SHA-256 (hex) of the PNG bytes, as the audit log records it. */
  sha256: z.string(),
  drawnBy: z.string(),
  drawnAt: z.string(),
});
export type DrawnSignatureView = z.infer<typeof drawnSignatureView>;

export const signaturePadCommands = {
  'signatures.save': command({
    input: z.object({ ...target, dataUrl: pngDataUrl }).strict(),
    output: drawnSignatureView,
    roles: ['organiser', 'chair', 'juror'],
  }),
  'signatures.get': command({
    input: z.object(target).strict(),
    output: z.object({ signature: drawnSignatureView.extend({ dataUrl: z.string() }).nullable() }),
    roles: ['organiser', 'chair', 'juror'],
  }),
  'signatures.remove': command({
    input: z.object(target).strict(),
    output: z.object({ removed: z.boolean() }),
    roles: ['organiser', 'chair', 'juror'],
  }),
  /** Who has signed in the stage (no images). */
  'signatures.list': command({
    input: z.object({ competitionId: id, stageId: id.optional() }).strict(),
    output: z.object({ stageId: id, signatures: z.array(drawnSignatureView) }),
    roles: ['organiser', 'chair'],
  }),
} satisfies Record<string, CommandDef>;

export const signaturePadEvents = {} satisfies Record<string, EventDef>;
