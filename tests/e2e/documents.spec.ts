/**
 * The documents panel on the session page, in server mode: the setup sheet and blank score sheets
 * before any scoring, the provisional recap, and the refusal of certificates while nobody is ranked.
 * Text read back with pdftotext; screenshots of the panel at desktop and phone width.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { quickCreateCompetition } from './quick-create';
import { startServer, type RunningServer } from './server';

const JURORS = ['Dr. Ratna Sari', 'Ir. Budi Santoso', 'Maya Putri, M.Si.'];

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function download(page: Page, testid: string): Promise<{ name: string; text: string; pages: number }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  return { name: file.suggestedFilename(), text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }), pages };
}

test('the organiser prints the setup sheet, blank score sheets and the provisional recap from the session page', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.organiserLink);
  await expect(page).toHaveURL(/#\/$/);
  await quickCreateCompetition(page, server.origin, {
    name: 'Lomba Inovasi Muara Enim 2026',
    category: 'OPD',
    criteria: [
      { name: 'Kebaruan', weight: '60' },
      { name: 'Kemanfaatan', weight: '40' },
    ],
    jurors: JURORS,
    entries: [
      { code: 'M01', title: 'Sipantas', unit: 'Dinas Kesehatan' },
      { code: 'M02', title: 'Lapor Cepat', unit: 'Diskominfo' },
    ],
  });
  const panel = page.getByTestId('documents-panel');
  await expect(panel).toBeVisible();

  const setup = await download(page, 'document-setup');
  expect(setup.name).toMatch(/^verifikasi-pengaturan-lomba-inovasi-muara-enim-2026-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(setup.text).toContain('LEMBAR VERIFIKASI PENGATURAN');
  expect(setup.text).toMatch(/[0-9a-f]{64}/);
  for (const name of JURORS) expect(setup.text).toContain(name);
  await expect(page.getByTestId('documents-saved')).toContainText(`${setup.name} diunduh`);

  await page.getByTestId('documents-juror').selectOption({ label: 'Ir. Budi Santoso' });
  const sheets = await download(page, 'document-score-sheets');
  expect(sheets.pages).toBe(2);
  expect(sheets.text).toContain('LEMBAR PENILAIAN');
  expect(sheets.text).toContain('Sipantas');
  expect(sheets.text).toContain('Ir. Budi Santoso');
  expect(sheets.text).not.toContain('Dr. Ratna Sari');

  const recap = await download(page, 'document-recap');
  expect(recap.text).toContain('REKAPITULASI NILAI');
  expect(recap.text).toContain('SEMENTARA');
  await expect(page.getByTestId('documents-provisional')).toBeVisible();

  // Nobody is ranked yet: no certificate to print, and the panel says so.
  await page.getByTestId('document-certificates').click();
  await expect(page.getByTestId('documents-error')).toContainText('Belum ada penerima piagam');

  mkdirSync('/tmp/shots', { recursive: true });
  await panel.screenshot({ path: '/tmp/shots/documents-panel-1280.png' });
  await page.setViewportSize({ width: 360, height: 740 });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: '/tmp/shots/documents-panel-360.png' });
  const widths = await panel.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
  for (const height of widths) expect(height).toBeGreaterThanOrEqual(44);
});
