import type { DeliveryAction } from '@shared/api/shell-commands';
import type { ApiClient } from '../api';
import { downloadBase64 } from './download';

/** A file the core produced (documents, draw sheets, exports, templates). */
export interface DeliverableFile {
  filename: string;
  mimeType: string;
  base64: string;
}

export interface Delivery {
  /** downloaded: the browser took it (server mode); saved/printed through the desktop dialogs; cancelled there. */
  outcome: 'downloaded' | 'saved' | 'printed' | 'cancelled';
  path: string | null;
}

export type OfferedAction = 'download' | 'save' | 'print';

/** Only the desktop window (IPC) has the system dialogs; a browser (server mode, tests) downloads. */
export const isDesktop = (transportKind: ApiClient['transportKind']): boolean => transportKind === 'ipc';

/** What a page can do with a file: download in a browser; save, and print a PDF, in the desktop app. */
export function offeredActions(transportKind: ApiClient['transportKind'], mimeType: string): OfferedAction[] {
  if (!isDesktop(transportKind)) return ['download'];
  return mimeType === 'application/pdf' ? ['save', 'print'] : ['save'];
}

/**
 * The one way the pages hand a file to the user. Desktop: `shell.deliverFile` (`ask`: the system
 * box "Simpan PDF… / Cetak…" for PDFs, the save dialog otherwise). Browser: a download.
 */
export async function deliverFile(api: ApiClient, file: DeliverableFile, action: DeliveryAction = 'ask'): Promise<Delivery> {
  if (!isDesktop(api.transportKind)) {
    downloadBase64(file.filename, file.mimeType, file.base64);
    return { outcome: 'downloaded', path: null };
  }
  return api.invoke('shell.deliverFile', { filename: file.filename, mimeType: file.mimeType, base64: file.base64, action });
}
