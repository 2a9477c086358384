/**
 * Issue 6's signatures in server mode: the organiser creates the competition's certificate on the
 * details tab, a rendered recap is signed by the core, and the verify screen (reached from home)
 * accepts the signed PDF and rejects a copy with one changed byte.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, expect, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { encodeVerifyText } from '../../shared/documents/stamp';
import { callAsPage } from './api';
import { quickCreateCompetition } from './quick-create';
import { startServer, type RunningServer } from './server';

const NAME = 'Kompetisi Inovasi Pelayanan Publik Kota Palembang 2026';
const SHOTS = '/tmp/shots';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function uploadOnVerify(page: Page, file: string) {
  await page.getByTestId('verify-file').setInputFiles(file);
  await expect(page.getByTestId('verify-result')).toBeVisible();
}

test('a signed recap passes the verify screen and a copy with one changed byte fails it', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.organiserLink);
  await expect(page).toHaveURL(/#\/$/);
  const competitionId = await quickCreateCompetition(page, server.origin, {
    name: NAME,
    category: 'Kelompok Umum',
    criteria: [{ name: 'Kebaruan', weight: '100' }],
    jurors: ['Dr. Ratna Sari', 'Ir. Budi Santoso'],
    entries: [{ code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan' }],
  });

  // The certificate, created on the details tab.
  await page.goto(`${server.origin}/#/competitions/${competitionId}/setup/details`);
  await expect(page.getByTestId('certificate-none')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('certificate-panel').screenshot({ path: join(SHOTS, 'signing-certificate-none.png') });
  await page.getByTestId('certificate-create-passphrase').fill('rahasia-panitia-2026');
  await page.getByTestId('certificate-create').click();
  await expect(page.getByTestId('certificate-state')).toHaveText('Siap menandatangani');
  await expect(page.getByTestId('certificate-subject')).toContainText(`Panitia ${NAME}`);
  await page.getByTestId('certificate-panel').screenshot({ path: join(SHOTS, 'signing-certificate-panel.png') });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByTestId('certificate-panel').screenshot({ path: join(SHOTS, 'signing-certificate-phone.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A document rendered and signed by the core, saved as the secretariat would.
  const recap = await callAsPage<{ base64: string }>(page, 'documents.recap', { competitionId });
  const { base64 } = await callAsPage<{ base64: string }>(page, 'signing.signPdf', { competitionId, base64: recap.base64 });
  const folder = mkdtempSync(join(tmpdir(), 'ruang-juri-verify-'));
  const signedFile = join(folder, 'rekap-ditandatangani.pdf');
  const signed = Buffer.from(base64, 'base64');
  writeFileSync(signedFile, signed);
  const tampered = Buffer.from(signed);
  tampered[tampered.indexOf('stream') + 60] ^= 0x01;
  const tamperedFile = join(folder, 'rekap-diubah.pdf');
  writeFileSync(tamperedFile, tampered);

  // Home → verify.
  await page.goto(`${server.origin}/#/`);
  await expect(page.getByTestId('competition-list')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'signing-home.png') });
  await page.getByTestId('verify-link').click();
  await expect(page).toHaveURL(/#\/verify$/);
  await expect(page.getByTestId('verify-pick')).toBeEnabled();

  await uploadOnVerify(page, signedFile);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-tone', 'ok');
  await expect(page.getByTestId('verify-headline')).toHaveText('Tanda tangan sah, dokumen tidak diubah');
  await expect(page.getByTestId('verify-line-signedBy')).toContainText(`Panitia ${NAME}`);
  await expect(page.getByTestId('verify-line-certificate')).toHaveText('sertifikat kompetisi di basis data ini');
  await page.screenshot({ path: join(SHOTS, 'signing-verify-valid.png'), fullPage: true });

  await uploadOnVerify(page, tamperedFile);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-tone', 'bad');
  await expect(page.getByTestId('verify-headline')).toHaveText('Tanda tangan TIDAK sah');
  await expect(page.getByTestId('verify-line-problem')).toHaveText('Isi dokumen berbeda dari yang ditandatangani.');
  await page.screenshot({ path: join(SHOTS, 'signing-verify-tampered.png'), fullPage: true });

  // A pasted QR text of a provisional document of this competition.
  await page.getByTestId('verify-text').fill(encodeVerifyText({ kind: 'recap', number: '001/REK/2026', competitionId, stageId: null, version: 0, hash: null }));
  await page.getByTestId('verify-text-check').click();
  await expect(page.getByTestId('verify-line-result')).toHaveText('Dokumen dicetak dari hasil SEMENTARA (belum final)');

  // On a 360 px phone the same answer stays readable.
  await page.setViewportSize({ width: 360, height: 780 });
  await uploadOnVerify(page, signedFile);
  await expect(page.getByTestId('verify-headline')).toHaveText('Tanda tangan sah, dokumen tidak diubah');
  await page.screenshot({ path: join(SHOTS, 'signing-verify-phone.png'), fullPage: true });
});

/**
 * A Y4M video whose frames show `text` as a QR code, for Chromium's fake camera: black modules on a
 * white frame (grey chroma), 8 pixels per module with the quiet zone.
 */
function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [width, height, scale] = [640, 480, 8];
  const luma = Buffer.alloc(width * height, 255);
  const offset = (size: number) => Math.floor((size - modules.size * scale) / 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) luma.fill(0, (offset(height) + row * scale + y) * width + offset(width) + col * scale, (offset(height) + row * scale + y) * width + offset(width) + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const file = join(mkdtempSync(join(tmpdir(), 'ruang-juri-camera-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return file;
}

test('the webcam reads a document’s QR code and the screen answers for it', async () => {
  const text = encodeVerifyText({ kind: 'berita-acara', number: '002/BA/2026', competitionId: 999, stageId: null, version: 0, hash: null });
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  // A browser of its own: the fake camera is a launch flag.
  const browser = await chromium.launch({
    headless: true,
    executablePath: systemChromium,
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${qrVideo(text)}`],
  });
  // Its own server too: the shared one's organiser link was used by the first test.
  const own = await startServer();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })).newPage();
    await page.goto(own.organiserLink);
    await expect(page).toHaveURL(/#\/$/);
    await page.goto(`${own.origin}/#/verify`);
    await expect(page.getByTestId('verify-pick')).toBeEnabled();
    await page.getByTestId('verify-scan').click();
    // The decoded text goes to the core like a pasted one: a document of a competition this database does not have.
    await expect(page.getByTestId('verify-headline')).toHaveText('Berita Acara no. 002/BA/2026');
    await expect(page.getByTestId('verify-line-result')).toHaveText('Tidak ditemukan di basis data ini');
    await expect(page.getByTestId('verify-text')).toHaveValue(text);
    await expect(page.getByTestId('qr-scanner')).toHaveCount(0);
  } finally {
    await browser.close();
    await own.stop();
  }
});
