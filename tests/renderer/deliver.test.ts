// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../renderer/src/api';
import { deliverFile, offeredActions } from '../../renderer/src/lib/deliver';
import { createFakeApi } from './fake-api';

const downloads = vi.hoisted(() => [] as { filename: string; mimeType: string; base64: string }[]);
vi.mock('../../renderer/src/lib/download', () => ({
  downloadBase64: (filename: string, mimeType: string, base64: string) => downloads.push({ filename, mimeType, base64 }),
}));
afterEach(() => {
  downloads.length = 0;
});

const file = { filename: 'Rekapitulasi Nilai.pdf', mimeType: 'application/pdf', base64: 'JVBERi0xLjc=' };

/** The fake api as if it ran in the desktop window (IPC) or a browser (HTTP). */
function apiOver(transportKind: ApiClient['transportKind'], outcome: 'saved' | 'printed' | 'cancelled' = 'saved') {
  const fake = createFakeApi({ 'shell.deliverFile': (input) => ({ outcome, path: outcome === 'saved' ? `/home/panitia/${input.filename}` : null }) });
  return Object.assign(fake, { transportKind });
}

describe('deliverFile', () => {
  it('downloads in a browser (server mode) and never asks the desktop shell', async () => {
    for (const kind of ['http', 'fake'] as const) {
      const api = apiOver(kind);
      expect(await deliverFile(api, file)).toEqual({ outcome: 'downloaded', path: null });
      expect(api.callsOf('shell.deliverFile')).toEqual([]);
    }
    expect(downloads).toEqual([file, file]);
  });

  it('hands the file to the desktop shell in the desktop app ("ask" unless told), and downloads nothing', async () => {
    const api = apiOver('ipc');
    expect(await deliverFile(api, file)).toEqual({ outcome: 'saved', path: '/home/panitia/Rekapitulasi Nilai.pdf' });
    const printing = apiOver('ipc', 'printed');
    expect(await deliverFile(printing, file, 'print')).toEqual({ outcome: 'printed', path: null });
    expect(api.callsOf('shell.deliverFile')).toEqual([{ ...file, action: 'ask' }]);
    expect(printing.callsOf('shell.deliverFile')).toEqual([{ ...file, action: 'print' }]);
    expect(downloads).toEqual([]);
  });
});

describe('offeredActions', () => {
  it('offers a download in a browser, save and print for a PDF on the desktop, only save for a spreadsheet', () => {
    expect(offeredActions('http', 'application/pdf')).toEqual(['download']);
    expect(offeredActions('ipc', 'application/pdf')).toEqual(['save', 'print']);
    expect(offeredActions('ipc', 'text/csv')).toEqual(['save']);
  });
});
