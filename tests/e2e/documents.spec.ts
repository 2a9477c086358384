/**
 * The documents panel on the session page, in server mode: the setup sheet and blank score sheets
 * before any scoring, the provisional recap, and the refusal of certificates while nobody is ranked.
 * Text read back with pdftotext; screenshots of the panel at desktop and phone width.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { callAsPage } from './api';
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

test('a provisional recap is signed on request after the passphrase dialog unlocks the certificate', async ({ browser }) => {
  // Its own server: the organiser link of the shared one is spent by the test above.
  const own = await startServer();
  try {
    await signProvisionalRecap(browser, own);
  } finally {
    await own.stop();
  }
});

async function signProvisionalRecap(browser: Browser, own: RunningServer) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(own.organiserLink);
  await expect(page).toHaveURL(/#\/$/);
  const competitionId = await quickCreateCompetition(page, own.origin, {
    name: 'Lomba Inovasi Ogan Ilir 2026',
    category: 'OPD',
    criteria: [{ name: 'Kebaruan', weight: '100' }],
    jurors: JURORS.slice(0, 1),
    entries: [{ code: 'O01', title: 'Sigap', unit: 'Dinas Sosial' }],
  });
  const passphrase = 'kata-sandi-panitia';
  await callAsPage(page, 'signing.createCertificate', { competitionId, passphrase });
  await callAsPage(page, 'signing.lock', { competitionId });
  await page.reload();
  await expect(page.getByTestId('documents-signing-status')).toContainText('SEMENTARA');

  await page.getByTestId('documents-sign-provisional').check();
  await page.getByTestId('document-recap').click();
  const dialog = page.getByTestId('documents-unlock');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('documents-unlock-passphrase')).toBeFocused();
  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: '/tmp/shots/shell-documents-passphrase.png' });

  await page.getByTestId('documents-unlock-passphrase').fill(passphrase);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('documents-unlock-submit').click()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('documents-signed')).toContainText('Ditandatangani');
  await expect(page.getByTestId('documents-provisional')).toBeVisible();
  expect(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })).toContain('SEMENTARA');
  const sig = execFileSync('sh', ['-c', 'pdfsig "$0" || true', path], { encoding: 'utf8' });
  expect(sig).toContain('Signature is Valid');
  await page.getByTestId('documents-panel').screenshot({ path: '/tmp/shots/shell-documents-signed.png' });
}
