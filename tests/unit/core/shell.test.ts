/** shell.deliverFile through createCore: the desktop shell gets the decoded file; without one, "not available". */
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { ORGANISER } from '@shared/domain/actor';
import type { DeliveryAction } from '@shared/api/shell-commands';
import type { Locale } from '@shared/i18n';
import type { DesktopController, ShellFile } from '../../../electron/core/services/shell';
import { tempCore } from '../helpers';

const PDF_BYTES = Buffer.from('%PDF-1.7\n% Berita Acara\n');

/** The network controller the desktop app registers, with a shell that records what it was asked. */
function withFakeShell(answer: 'saved' | 'printed' | 'cancelled' = 'saved') {
  const { core } = tempCore();
  const asked: { file: ShellFile; action: DeliveryAction; locale: Locale }[] = [];
  const controller: DesktopController = {
    status: () => ({ mode: 'local', url: null, lanUrls: [] }),
    setMode: async () => ({ mode: 'local', url: null, lanUrls: [] }),
    desktopShell: {
      deliver: async (file, action, locale) => {
        asked.push({ file, action, locale });
        return { outcome: answer, path: answer === 'saved' ? `/home/panitia/Dokumen/${file.filename}` : null };
      },
    },
  };
  core.setNetworkController(controller);
  return { core, asked };
}

describe('shell.deliverFile', () => {
  it('answers "not available" where no desktop shell runs (server mode), so the page downloads instead', async () => {
    const { core } = tempCore();
    const call = core.call(ORGANISER, 'shell.deliverFile', { filename: 'a.pdf', mimeType: 'application/pdf', base64: PDF_BYTES.toString('base64') });
    await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'shellUnavailable' });
  });

  it('hands the desktop shell the decoded bytes, the suggested name, "ask" by default and the caller\'s language', async () => {
    const { core, asked } = withFakeShell('saved');
    const out = await core.call(
      ORGANISER,
      'shell.deliverFile',
      { filename: 'Berita Acara 007-BA.pdf', mimeType: 'application/pdf', base64: PDF_BYTES.toString('base64') },
      'en',
    );
    expect(out).toEqual({ outcome: 'saved', path: '/home/panitia/Dokumen/Berita Acara 007-BA.pdf' });
    expect(asked).toHaveLength(1);
    expect(asked[0].file.bytes.equals(PDF_BYTES)).toBe(true);
    expect(asked[0]).toMatchObject({ action: 'ask', locale: 'en', file: { filename: 'Berita Acara 007-BA.pdf', mimeType: 'application/pdf' } });
  });

  it('passes an explicit print through and reports a cancelled dialog as cancelled', async () => {
    const { core, asked } = withFakeShell('cancelled');
    const out = await core.call(ORGANISER, 'shell.deliverFile', { filename: 'rekap.pdf', mimeType: 'application/pdf', base64: PDF_BYTES.toString('base64'), action: 'print' });
    expect(out).toEqual({ outcome: 'cancelled', path: null });
    expect(asked.map((a) => a.action)).toEqual(['print']);
  });

  it('refuses to print a spreadsheet and never opens a dialog for it', async () => {
    const { core, asked } = withFakeShell();
    const call = core.call(ORGANISER, 'shell.deliverFile', { filename: 'hasil.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: 'UEsDBA==', action: 'print' });
    await expect(call).rejects.toBeInstanceOf(AppError);
    await expect(call).rejects.toMatchObject({ code: 'VALIDATION', key: 'shellPrintNotPdf' });
    expect(asked).toEqual([]);
  });

  it('is the desktop window\'s (organiser) alone: a chair on a tablet cannot open dialogs on the laptop', async () => {
    const { core, asked } = withFakeShell();
    const call = core.call({ role: 'chair', competitionId: 1, jurorId: 1 }, 'shell.deliverFile', { filename: 'a.pdf', mimeType: 'application/pdf', base64: 'JVBERi0=' });
    await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(asked).toEqual([]);
  });
});
