/**
 * Desktop save and print (issue 6). The desktop shell (electron/main) registers a `desktopShell`
 * beside its stage-display hook on the network controller; the LAN server in server mode does not,
 * so there these commands answer `shellUnavailable` and the page downloads the file instead.
 */
import type { DeliveryAction, DeliveredFile } from '@shared/api/shell-commands';
import { AppError } from '@shared/api/errors';
import type { Locale } from '@shared/i18n';
import { networkController, type NetworkController } from '../pairing';
import { afterCommit, type HandlerMap } from '../registry';
import type { Database } from 'better-sqlite3';

export const PDF_MIME = 'application/pdf';

export interface ShellFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/** What the desktop shell does with a file; each answers once the user closed the system dialog. */
export interface DesktopShell {
  deliver(file: ShellFile, action: DeliveryAction, locale: Locale): Promise<DeliveredFile>;
}

/** The network controller of the desktop app, which also carries the shell. */
export type DesktopController = NetworkController & { desktopShell?: DesktopShell };

export const desktopShellOf = (db: Database): DesktopShell | null => (networkController(db) as DesktopController | null)?.desktopShell ?? null;

export const shellHandlers: HandlerMap = {
  'shell.deliverFile'(ctx, { filename, mimeType, base64, action }) {
    const shell = desktopShellOf(ctx.db);
    if (!shell) throw new AppError('NOT_FOUND', 'shellUnavailable');
    if (action === 'print' && mimeType !== PDF_MIME) throw new AppError('VALIDATION', 'shellPrintNotPdf');
    const bytes = Buffer.from(base64, 'base64');
    const locale = ctx.locale;
    // The dialogs wait for the user: never inside the transaction.
    return afterCommit(() => shell.deliver({ filename, mimeType, bytes }, action, locale));
  },
};
