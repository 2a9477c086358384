/**
 * Desktop save and print, without Electron: file names, the last folder, the "save or print?" box
 * and the order of dialogs. electron/main/desktop-shell.ts supplies the real dialogs and printer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { DeliveredFile, DeliveryAction } from '@shared/api/shell-commands';
import { translate, type Locale } from '@shared/i18n';
import type { DesktopShell, ShellFile } from '../core/services/shell';

const PDF_MIME = 'application/pdf';
const FALLBACK_NAME = 'dokumen';
const MAX_NAME_LENGTH = 180;
/** Names Windows refuses for a file whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Characters no file system of our users accepts, and path separators. */
const FORBIDDEN = /[<>:"/\\|?*]/g;
const withoutControlCharacters = (text: string): string => [...text].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '-' : c)).join('');

/** A name the user's file system accepts: no folders, no forbidden characters, PDFs end in ".pdf". */
export function sanitizeFileName(name: string, mimeType?: string): string {
  // Separators become dashes: a document number such as 007/BA/XI/2026 stays readable, never a folder.
  let clean = withoutControlCharacters(name).replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  clean = clean.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  let ext = extname(clean);
  let stem = ext ? clean.slice(0, -ext.length) : clean;
  if (mimeType === PDF_MIME && ext.toLowerCase() !== '.pdf') {
    stem = clean;
    ext = '.pdf';
  }
  if (!stem || RESERVED.test(stem)) stem = stem ? `${stem}-${FALLBACK_NAME}` : FALLBACK_NAME;
  if (stem.length + ext.length > MAX_NAME_LENGTH) stem = stem.slice(0, MAX_NAME_LENGTH - ext.length).trimEnd();
  return `${stem}${ext}`;
}

/** The folder the user saved into last, kept in a small JSON file so the next run opens there too. */
export class LastFolder {
  constructor(
    private readonly file: string,
    private readonly fallback: () => string,
  ) {}

  get(): string {
    try {
      const stored = (JSON.parse(readFileSync(this.file, 'utf8')) as { lastFolder?: unknown }).lastFolder;
      if (typeof stored === 'string' && stored) return stored;
    } catch {
      // No file yet, or a damaged one: the fallback folder.
    }
    return this.fallback();
  }

  rememberFileIn(savedPath: string): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ lastFolder: dirname(savedPath) }));
    } catch (error) {
      // Forgetting the folder is harmless; the file itself was saved.
      console.warn('[ruang-juri] could not remember the save folder:', error);
    }
  }

  /** Where the save dialog starts: the last folder with the suggested name. */
  defaultPath(filename: string, mimeType?: string): string {
    return join(this.get(), sanitizeFileName(filename, mimeType));
  }
}

/** What the user is asked: `ask` only makes sense for a PDF (it can be printed); anything else is saved. */
export function effectiveAction(action: DeliveryAction, mimeType: string): DeliveryAction {
  if (action === 'ask' && mimeType !== PDF_MIME) return 'save';
  return action;
}

/** The buttons of the "save or print?" box, in this order; Escape answers `cancel`. */
export const CHOICE_BUTTONS = ['save', 'print', 'cancel'] as const;

export function choiceBox(filename: string, locale: Locale) {
  return {
    type: 'question' as const,
    title: translate(locale, 'shell.chooseTitle'),
    message: translate(locale, 'shell.chooseMessage', { filename }),
    buttons: [translate(locale, 'shell.savePdf'), translate(locale, 'shell.print'), translate(locale, 'shell.cancel')],
    defaultId: 0,
    cancelId: CHOICE_BUTTONS.indexOf('cancel'),
    noLink: true,
  };
}

export function saveDialogOptions(file: Pick<ShellFile, 'filename' | 'mimeType'>, folder: LastFolder, locale: Locale) {
  const ext = extname(sanitizeFileName(file.filename, file.mimeType)).slice(1);
  const filters = file.mimeType === PDF_MIME ? [{ name: translate(locale, 'shell.pdfFilter'), extensions: ['pdf'] }] : ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [];
  return {
    title: translate(locale, 'shell.saveTitle', { filename: file.filename }),
    defaultPath: folder.defaultPath(file.filename, file.mimeType),
    filters: [...filters, { name: translate(locale, 'shell.allFiles'), extensions: ['*'] }],
    properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
  };
}

/** The system pieces the desktop shell drives (Electron's dialog, fs, the print window). */
export interface ShellSystem {
  /** Shows the "save or print?" box; answers the index of the button pressed. */
  showChoice(options: ReturnType<typeof choiceBox>): Promise<number>;
  showSaveDialog(options: ReturnType<typeof saveDialogOptions>): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(path: string, bytes: Buffer): Promise<void>;
  /** Resolves false when the user cancelled the print dialog. */
  printPdf(file: ShellFile, locale: Locale): Promise<boolean>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The shell the core calls for `shell.deliverFile`: ask (PDFs), then save or print. */
export function createDesktopShell(system: ShellSystem, folder: LastFolder): DesktopShell {
  async function save(file: ShellFile, locale: Locale): Promise<DeliveredFile> {
    const answer = await system.showSaveDialog(saveDialogOptions(file, folder, locale));
    if (answer.canceled || !answer.filePath) return { outcome: 'cancelled', path: null };
    try {
      await system.writeFile(answer.filePath, file.bytes);
    } catch (error) {
      throw new AppError('CONFLICT', 'shellSaveFailed', { reason: reasonOf(error) });
    }
    folder.rememberFileIn(answer.filePath);
    return { outcome: 'saved', path: answer.filePath };
  }

  async function print(file: ShellFile, locale: Locale): Promise<DeliveredFile> {
    let printed: boolean;
    try {
      printed = await system.printPdf(file, locale);
    } catch (error) {
      throw new AppError('CONFLICT', 'shellPrintFailed', { reason: reasonOf(error) });
    }
    return { outcome: printed ? 'printed' : 'cancelled', path: null };
  }

  return {
    async deliver(file, requested, locale) {
      let action = effectiveAction(requested, file.mimeType);
      if (action === 'ask') {
        const chosen = CHOICE_BUTTONS[await system.showChoice(choiceBox(file.filename, locale))] ?? 'cancel';
        if (chosen === 'cancel') return { outcome: 'cancelled', path: null };
        action = chosen;
      }
      return action === 'print' ? print(file, locale) : save(file, locale);
    },
  };
}
