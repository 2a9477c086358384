/**
 * shell commands: the desktop app saves files where the user chooses and prints PDFs through the
 * system dialog (issue 6). Only the desktop shell (electron/main) fulfils them; in server mode they
 * answer `shellUnavailable` and the page downloads instead. Spread into shared/api/contract.ts.
 */
import { z } from 'zod';
import { command, type CommandDef, type EventDef } from './define';

/** Base64 of a file the core produced; the same bound as signing's PDFs. */
const fileBase64 = z.string().min(1, 'validation.required').max(60_000_000, 'validation.tooLong');

export const DELIVERY_ACTIONS = ['ask', 'save', 'print'] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

export const deliveredFile = z.object({
  /** saved: written where the user chose; printed: sent to the print dialog; cancelled: the user closed a dialog. */
  outcome: z.enum(['saved', 'printed', 'cancelled']),
  /** The file written (saved only). */
  path: z.string().nullable(),
});
export type DeliveredFile = z.output<typeof deliveredFile>;

export const shellCommands = {
  /**
   * Hands a file the core produced to the desktop shell. `ask` (PDFs): a system message box offers
   * "Simpan PDF…" or "Cetak…"; other files are always saved. `save`: the system save dialog, opened
   * in the folder used last, with `filename` as the suggested name. `print`: PDFs only.
   */
  'shell.deliverFile': command({
    input: z
      .object({
        filename: z.string().trim().min(1, 'validation.required').max(255, 'validation.tooLong'),
        mimeType: z.string().min(1).max(200),
        base64: fileBase64,
        action: z.enum(DELIVERY_ACTIONS).default('ask'),
      })
      .strict(),
    output: deliveredFile,
    roles: ['organiser'],
  }),
} satisfies Record<string, CommandDef>;

export const shellEvents = {} satisfies Record<string, EventDef>;
