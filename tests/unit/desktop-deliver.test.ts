/** Desktop save and print without Electron (electron/main/deliver.ts): names, the last folder, the dialog order. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShellFile } from '../../electron/core/services/shell';
import { createDesktopShell, effectiveAction, LastFolder, sanitizeFileName, type ShellSystem } from '../../electron/main/deliver';
import { tempDir } from './helpers';

describe('sanitizeFileName', () => {
  it('keeps a document number readable but never lets it become a folder', () => {
    expect(sanitizeFileName('Berita Acara 007/BA/RJ/XI/2026.pdf', 'application/pdf')).toBe('Berita Acara 007-BA-RJ-XI-2026.pdf');
    expect(sanitizeFileName('..\\..\\Windows\\system32\\x.pdf', 'application/pdf')).toBe('-..-Windows-system32-x.pdf');
  });

  it('replaces characters Windows refuses and control characters, and trims dots and spaces at the ends', () => {
    expect(sanitizeFileName('Rekap: "Final" <v2>?*|.pdf ', 'application/pdf')).toBe('Rekap- -Final- -v2----.pdf');
    expect(sanitizeFileName('a\u0000b\tc.csv')).toBe('a-b-c.csv');
    expect(sanitizeFileName('  laporan.xlsx.  ')).toBe('laporan.xlsx');
  });

  it('gives a PDF the .pdf extension, and reserved or empty names a usable one', () => {
    expect(sanitizeFileName('Piagam Juara I', 'application/pdf')).toBe('Piagam Juara I.pdf');
    expect(sanitizeFileName('hasil.v2', 'application/pdf')).toBe('hasil.v2.pdf');
    expect(sanitizeFileName('CON.pdf', 'application/pdf')).toBe('CON-dokumen.pdf');
    expect(sanitizeFileName('...', 'application/pdf')).toBe('dokumen.pdf');
  });

  it('shortens very long names and keeps the extension', () => {
    const name = sanitizeFileName(`${'Sertifikat '.repeat(40)}.pdf`, 'application/pdf');
    expect(name.length).toBeLessThanOrEqual(180);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('LastFolder', () => {
  it('starts in the fallback folder, then remembers the folder of the last saved file across runs', () => {
    const dir = tempDir();
    const file = join(dir, 'state', 'save-folder.json');
    const first = new LastFolder(file, () => '/home/panitia/Dokumen');
    expect(first.defaultPath('rekap.pdf', 'application/pdf')).toBe(join('/home/panitia/Dokumen', 'rekap.pdf'));
    first.rememberFileIn('/media/usb/KIPP 2026/rekap.pdf');
    const nextRun = new LastFolder(file, () => '/home/panitia/Dokumen');
    expect(nextRun.get()).toBe('/media/usb/KIPP 2026');
    expect(nextRun.defaultPath('Piagam 1/25', 'application/pdf')).toBe(join('/media/usb/KIPP 2026', 'Piagam 1-25.pdf'));
  });

  it('falls back when its file is damaged', () => {
    const file = join(tempDir(), 'save-folder.json');
    writeFileSync(file, '{ not json');
    expect(new LastFolder(file, () => '/fallback').get()).toBe('/fallback');
  });
});

describe('effectiveAction', () => {
  it('asks "save or print?" only for PDFs; a spreadsheet is simply saved', () => {
    expect(effectiveAction('ask', 'application/pdf')).toBe('ask');
    expect(effectiveAction('ask', 'text/csv')).toBe('save');
    expect(effectiveAction('print', 'application/pdf')).toBe('print');
  });
});

/** A system whose dialogs answer as scripted and which records what it was shown. */
function fakeSystem(script: { choice?: number; savePath?: string | null; writeFails?: boolean; printed?: boolean }) {
  const shown: { choice: string[][]; save: { defaultPath: string; filters: { extensions: string[] }[] }[]; printed: string[]; written: Map<string, Buffer> } = {
    choice: [],
    save: [],
    printed: [],
    written: new Map(),
  };
  const system: ShellSystem = {
    showChoice: async (options) => (shown.choice.push(options.buttons), script.choice ?? 0),
    showSaveDialog: async (options) => {
      shown.save.push(options);
      return script.savePath ? { canceled: false, filePath: script.savePath } : { canceled: true };
    },
    writeFile: async (path, bytes) => {
      if (script.writeFails) throw new Error('EACCES: permission denied');
      shown.written.set(path, bytes);
    },
    printPdf: async (file) => (shown.printed.push(file.filename), script.printed ?? true),
  };
  return { system, shown };
}

const pdf: ShellFile = { filename: 'Berita Acara 007/BA.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.7') };

describe('createDesktopShell', () => {
  const folder = () => new LastFolder(join(tempDir(), 'save-folder.json'), () => '/home/panitia/Dokumen');

  it('asks "Simpan PDF… / Cetak… / Batal" (in the caller\'s language), then saves where the user chose and remembers that folder', async () => {
    const { system, shown } = fakeSystem({ choice: 0, savePath: '/media/usb/ba.pdf' });
    const last = folder();
    const out = await createDesktopShell(system, last).deliver(pdf, 'ask', 'id');
    expect(shown.choice).toEqual([['Simpan PDF…', 'Cetak…', 'Batal']]);
    expect(shown.save[0].defaultPath).toBe(join('/home/panitia/Dokumen', 'Berita Acara 007-BA.pdf'));
    expect(shown.save[0].filters[0].extensions).toEqual(['pdf']);
    expect(out).toEqual({ outcome: 'saved', path: '/media/usb/ba.pdf' });
    expect(shown.written.get('/media/usb/ba.pdf')?.toString()).toBe('%PDF-1.7');
    expect(last.get()).toBe('/media/usb');

    const english = fakeSystem({ choice: 2 });
    await createDesktopShell(english.system, folder()).deliver(pdf, 'ask', 'en');
    expect(english.shown.choice).toEqual([['Save PDF…', 'Print…', 'Cancel']]);
  });

  it('prints when "Cetak…" is chosen, and nothing is written', async () => {
    const { system, shown } = fakeSystem({ choice: 1 });
    const out = await createDesktopShell(system, folder()).deliver(pdf, 'ask', 'id');
    expect(out).toEqual({ outcome: 'printed', path: null });
    expect(shown.printed).toEqual(['Berita Acara 007/BA.pdf']);
    expect(shown.save).toEqual([]);
  });

  it('reports every closed dialog as cancelled: the choice box, the save dialog, the print dialog', async () => {
    const cancelChoice = fakeSystem({ choice: 2 });
    expect(await createDesktopShell(cancelChoice.system, folder()).deliver(pdf, 'ask', 'id')).toEqual({ outcome: 'cancelled', path: null });
    expect(cancelChoice.shown.save).toEqual([]);
    const cancelSave = fakeSystem({ savePath: null });
    expect(await createDesktopShell(cancelSave.system, folder()).deliver(pdf, 'save', 'id')).toEqual({ outcome: 'cancelled', path: null });
    expect(cancelSave.shown.written.size).toBe(0);
    const cancelPrint = fakeSystem({ printed: false });
    expect(await createDesktopShell(cancelPrint.system, folder()).deliver(pdf, 'print', 'id')).toEqual({ outcome: 'cancelled', path: null });
  });

  it('saves a spreadsheet without asking, offering its own extension', async () => {
    const { system, shown } = fakeSystem({ savePath: '/tmp/hasil.xlsx' });
    const xlsx: ShellFile = { filename: 'hasil.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: Buffer.from('PK') };
    expect(await createDesktopShell(system, folder()).deliver(xlsx, 'ask', 'id')).toMatchObject({ outcome: 'saved' });
    expect(shown.choice).toEqual([]);
    expect(shown.save[0].filters[0].extensions).toEqual(['xlsx']);
  });

  it('turns a failed write into a translated error and does not remember the folder', async () => {
    const { system } = fakeSystem({ savePath: '/readonly/ba.pdf', writeFails: true });
    const last = folder();
    await expect(createDesktopShell(system, last).deliver(pdf, 'save', 'id')).rejects.toMatchObject({ key: 'shellSaveFailed', params: { reason: 'EACCES: permission denied' } });
    expect(last.get()).toBe('/home/panitia/Dokumen');
  });
});

// The stored file is plain JSON, so a user or support can read where the app saves.
it('stores the last folder as readable JSON', () => {
  const file = join(tempDir(), 'save-folder.json');
  new LastFolder(file, () => '/x').rememberFileIn('/data/rekap.pdf');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ lastFolder: '/data' });
});
